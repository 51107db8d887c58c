/**
 * Applies a batch of changes in ONE Neo4j transaction: skips changes already in the log (a retried job
 * applies once), runs each run of consecutive same-op changes as one UNWIND query (order is kept, so a
 * link created after its nodes in the same batch finds them), and appends the applied ones to the
 * change log with their sequence numbers, in the same transaction. A change that a query rejects is
 * reported and does not stop the others.
 */
import { validateChangeData, type Change } from '../domain/changes';
import type { AppliedChange, UnsequencedChange } from '../domain/events';
import type { GraphDb, Tx } from '../api/infra/neo4j';
import { zodDetails } from '../api/errors';
import { queryFor, toEvent, toRow, type AppliedRow } from './change-rows';
import { rejection, type Rejection } from '../domain/rejections';
import { applyImportChunk } from './import/apply-chunk';

export type Outcome = { changeId: string; applied: AppliedChange } | { changeId: string; rejected: Rejection };

/**
 * Applies a batch in one transaction. If the transaction itself fails (the driver has already retried
 * transient errors), the batch is split in halves and each half tried on its own, down to the single
 * change that fails, which alone is rejected: a bad change never takes its batch with it. Losing the
 * database is not the batch's fault, so that error goes up for the job to be retried.
 */
export async function applyBatch(db: GraphDb, changes: Change[]): Promise<Outcome[]> {
  try {
    return await db.transaction('WRITE', (tx) => applyInTransaction(tx, changes));
  } catch (err) {
    if (isConnectionError(err)) throw err;
    if (changes.length === 1) {
      return [{ changeId: changes[0].id, rejected: rejection('APPLY_FAILED', (err as Error).message.split('\n')[0]) }];
    }
    const half = Math.ceil(changes.length / 2);
    return [...(await applyBatch(db, changes.slice(0, half))), ...(await applyBatch(db, changes.slice(half)))];
  }
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ECONNRESET/.test((err as Error).message ?? '');
}

async function applyInTransaction(tx: Tx, changes: Change[]): Promise<Outcome[]> {
  const outcomes = new Map<string, Outcome>();

  const logged = await tx.run<{ changeId: string; seq: number; event: string }>('changes-applied', { ids: changes.map((c) => c.id) });
  for (const row of logged) outcomes.set(row.changeId, { changeId: row.changeId, applied: { ...JSON.parse(row.event), seq: row.seq } });

  const pending: Change[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    // Already in the log, or twice in this batch (a retried request): one outcome for every copy.
    if (outcomes.has(change.id) || seen.has(change.id)) continue;
    seen.add(change.id);
    const valid = validateChangeData(change);
    if (valid.success) pending.push(change);
    else {
      const reason = zodDetails(valid.error).map((d) => `${d.path}: ${d.message}`).join('; ');
      outcomes.set(change.id, { changeId: change.id, rejected: rejection('VALIDATION_FAILED', reason) });
    }
  }

  const events: UnsequencedChange[] = [];
  const undos = new Map<string, unknown>();
  for (const run of runsOfSameOp(pending)) {
    if (run[0].op === 'import:chunk') {
      events.push(await applyImportChunk(tx, run[0]));
      continue;
    }
    const rows = await tx.run<AppliedRow>(queryFor(run[0]), { rows: run.map(toRow) });
    const byId = new Map(rows.map((r) => [r.changeId, r]));
    for (const change of run) {
      const row = byId.get(change.id);
      if (!row) outcomes.set(change.id, { changeId: change.id, rejected: rejection('APPLY_FAILED', 'the query returned no row') });
      else if (row.error) {
        const r = rejection(row.error);
        if (row.error === 'VERSION_CONFLICT') r.reason += ` (current version ${row.currentVersion})`;
        outcomes.set(change.id, { changeId: change.id, rejected: r });
      } else {
        events.push(toEvent(change, row));
        if (row.undo) undos.set(change.id, row.undo);
      }
    }
  }

  if (events.length) {
    const groups = groupByWorkspace(events, undos);
    const seqs = await tx.run<{ changeId: string; seq: number }>('changes-append', { groups });
    const seqById = new Map(seqs.map((s) => [s.changeId, s.seq]));
    for (const event of events) {
      outcomes.set(event.changeId, { changeId: event.changeId, applied: { ...event, seq: seqById.get(event.changeId)! } as AppliedChange });
    }
  }
  return changes.map((c) => outcomes.get(c.id)!);
}

/**
 * Consecutive changes of one kind go into one UNWIND query. A workspace's own creation runs alone:
 * the rows of one query do not see each other's writes, and its nodes need the workspace to exist.
 * Add-or-get creates have a query of their own; each merge and unmerge runs alone (one may feed the next),
 * and so does each import chunk (worker/import/apply-chunk.ts).
 */
function runKey(c: Change): string {
  if (c.op === 'node:create' && c.nodeType === 'Workspace') return 'workspace:create';
  if (c.op === 'node:merge' || c.op === 'node:unmerge' || c.op === 'import:chunk') return `${c.op}:${c.id}`;
  return queryFor(c);
}

function* runsOfSameOp(changes: Change[]): Generator<Change[]> {
  let run: Change[] = [];
  for (const change of changes) {
    if (run.length && runKey(run[0]) !== runKey(change)) {
      yield run;
      run = [];
    }
    run.push(change);
  }
  if (run.length) yield run;
}

/** The log entries: the event clients get, and for a merge what undoing it needs (never sent out). */
function groupByWorkspace(events: UnsequencedChange[], undos: Map<string, unknown>) {
  const groups = new Map<string, { workspaceId: string; changes: Record<string, unknown>[] }>();
  for (const e of events) {
    let g = groups.get(e.workspaceId);
    if (!g) groups.set(e.workspaceId, (g = { workspaceId: e.workspaceId, changes: [] }));
    g.changes.push({ id: e.changeId, at: e.at, actor: e.actor, op: e.event, workshopId: e.workshopId ?? null, event: JSON.stringify(e), undo: undos.has(e.changeId) ? JSON.stringify(undos.get(e.changeId)) : null });
  }
  return [...groups.values()];
}
