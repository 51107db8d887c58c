/**
 * Applies one import chunk (an 'import:chunk' change, up to 2,000 rows) inside the worker's batch
 * transaction: new nodes and links with one UNWIND query each (the ids taken meanwhile left out
 * first; the links' query sends back the rows it could not write), updates through the node-update /
 * relationship-update queries. The result is ONE applied event, 'import:applied', with the entities as
 * stored; rows not written are listed in it. Created entities are described from the rows (what the create queries store), not read back.
 */
import type { Change, ImportChunkChange, ImportLinkRow, ImportNodeRow } from '../../domain/changes';
import type { ImportRowFailure, UnsequencedChange } from '../../domain/events';
import type { GraphEdge, GraphNode } from '../../domain/graph';
import { publicNode } from '../../domain/privacy';
import { rejection } from '../../domain/rejections';
import { changeHeader } from '../../api/commands/submit-changes';
import type { Tx } from '../../api/infra/neo4j';
import { toRow, type AppliedRow } from '../change-rows';

type ImportedEvent = Extract<UnsequencedChange, { event: 'import:applied' }>;

/** A row of the chunk as the single change it stands for (so the per-op row shapes are reused). */
function nodeChange(chunk: ImportChunkChange, n: ImportNodeRow, key: string): Change {
  const base = changeHeader(chunk, key, {}, chunk.at);
  return n.update
    ? { ...base, op: 'node:update', nodeType: n.nodeType, nodeId: n.nodeId, props: n.props }
    : { ...base, op: 'node:create', nodeType: n.nodeType, nodeId: n.nodeId, props: n.props };
}

function linkChange(chunk: ImportChunkChange, l: ImportLinkRow, key: string): Change {
  const base = changeHeader(chunk, key, {}, chunk.at);
  return l.update
    ? { ...base, op: 'relationship:update', relType: l.relType, relId: l.relId, props: l.props }
    : { ...base, op: 'relationship:create', relType: l.relType, relId: l.relId, from: l.from, to: l.to, props: l.props };
}

/** The rows of a chunk as single changes (ids derived from the chunk's): the fallback when the chunk as a whole fails. */
export function singleChanges(chunk: ImportChunkChange): { change: Change; row: number; sheet?: string }[] {
  return [
    ...chunk.nodes.map((n, i) => ({ change: nodeChange(chunk, n, `${chunk.id}.n${i}`), row: n.row, sheet: n.sheet })),
    ...chunk.links.map((l, i) => ({ change: linkChange(chunk, l, `${chunk.id}.l${i}`), row: l.row, sheet: l.sheet })),
  ];
}

const failure = (r: { row: number; sheet?: string }, code: string): ImportRowFailure => ({ row: r.row, ...(r.sheet !== undefined && { sheet: r.sheet }), code, reason: rejection(code).reason });

export async function applyImportChunk(tx: Tx, chunk: ImportChunkChange): Promise<ImportedEvent> {
  const event: ImportedEvent = {
    changeId: chunk.id,
    workspaceId: chunk.workspaceId,
    actor: chunk.actor,
    at: chunk.at,
    event: 'import:applied',
    importId: chunk.importId,
    chunk: chunk.chunk,
    created: { nodes: [], edges: [] },
    updated: { nodes: [], edges: [] },
    failedRows: [],
  };
  const stamps = { createdAt: chunk.at, updatedAt: chunk.at };

  const newNodes = chunk.nodes.filter((n) => !n.update);
  if (newNodes.length) {
    const blocked = await tx.run<{ nodeId: string; error: string }>('import-ids-taken', { workspaceId: chunk.workspaceId, ids: newNodes.map((n) => n.nodeId) });
    const errors = new Map(blocked.map((r) => [r.nodeId, r.error]));
    const rows = newNodes
      .filter((n) => !errors.has(n.nodeId))
      .map((n) => {
        const { nodeType, nodeId, props } = toRow(nodeChange(chunk, n, chunk.id));
        return { nodeType, nodeId, props };
      });
    if (rows.length) await tx.run('import-nodes-create', { workspaceId: chunk.workspaceId, at: chunk.at, rows });
    for (const n of newNodes) {
      const error = errors.get(n.nodeId);
      if (error) event.failedRows.push(failure(n, error));
      else event.created.nodes.push(publicNode({ ...n.props, id: n.nodeId, type: n.nodeType, version: 1, ...stamps } as GraphNode));
    }
  }
  const changedNodes = chunk.nodes.filter((n) => n.update);
  await applyUpdates(tx, 'node-update', changedNodes, (n, key) => nodeChange(chunk, n, key), (r) => r.node && publicNode(r.node), event, event.updated.nodes);

  const newLinks = chunk.links.filter((l) => !l.update);
  if (newLinks.length) {
    const rows = newLinks.map((l) => toRow(linkChange(chunk, l, chunk.id)));
    const notCreated = await tx.run<{ relId: string; error: string }>('import-relationships-create', { rows });
    const errors = new Map(notCreated.map((r) => [r.relId, r.error]));
    for (const l of newLinks) {
      const error = errors.get(l.relId);
      if (error) event.failedRows.push(failure(l, error));
      else event.created.edges.push({ ...l.props, id: l.relId, type: l.relType, source: l.from, target: l.to, ...stamps } as GraphEdge);
    }
  }
  const changedLinks = chunk.links.filter((l) => l.update);
  await applyUpdates(tx, 'relationship-update', changedLinks, (l, key) => linkChange(chunk, l, key), (r) => r.edge, event, event.updated.edges);
  return event;
}

/**
 * Rows planned as updates, through the single-change update query (each row keyed by its index): the
 * entity as stored goes into `into`, a row the query did not apply into the event's failed rows.
 */
async function applyUpdates<R extends { row: number; sheet?: string }, T>(
  tx: Tx,
  query: 'node-update' | 'relationship-update',
  rows: R[],
  asChange: (row: R, key: string) => Change,
  storedOf: (applied: AppliedRow) => T | null | undefined,
  event: ImportedEvent,
  into: T[],
): Promise<void> {
  if (!rows.length) return;
  const results = await tx.run<AppliedRow>(query, { rows: rows.map((r, i) => toRow(asChange(r, String(i)))) });
  const byKey = new Map(results.map((r) => [r.changeId, r]));
  rows.forEach((row, i) => {
    const applied = byKey.get(String(i));
    const stored = applied && !applied.error ? storedOf(applied) : null;
    if (!stored) event.failedRows.push(failure(row, applied?.error ?? 'APPLY_FAILED'));
    else into.push(stored);
  });
}
