/**
 * Decides what each good row means for the workspace, the same way in the dry run and the real run:
 *
 * - Ids. A node id the file gives is kept when it is free or already this workspace's node of the same
 *   type. Ids are unique across workspaces, so an id that belongs to another workspace (an export of
 *   workspace A imported into B) is mapped, deterministically, to "<id>.<10 hex of sha256(B + id)>";
 *   links whose ends were mapped get mapped ids the same way. Importing the same file into B again finds
 *   the mapped ids, so nothing changes.
 * - Rows without an id get one derived from the workspace and the normalised name (sharedNodeIdFor),
 *   so re-importing them finds the same node. Organisations and people without an id first go through
 *   the duplicate matcher (domain/matching): a strong match (score >= STRONG_MATCH) maps the row to
 *   the existing node, which is left as it is ("matched to ...").
 * - A row whose node exists already becomes an update of the fields that differ, or nothing when none
 *   does (an import never removes fields the file does not have). New rows become creates. Links: a
 *   create, an update of differing properties, or nothing.
 * The planned rows go into import chunks (domain/changes ImportChunkChange), applied by the worker.
 */
import { createHash } from 'node:crypto';
import type { ImportLinkRow, ImportNodeRow } from '../../domain/changes';
import type { NodeType } from '../../domain/entities';
import type { ImportIssue, ImportMatch } from '../../domain/imports';
import { MatcherIndex, type EntityRecord } from '../../domain/matching';
import { RELATIONSHIP_ENDS } from '../../domain/relationships';
import { sharedNodeIdFor } from '../../api/commands/change-ids';
import type { GraphDb } from '../../api/infra/neo4j';
import type { NodeRow, RelationshipRow } from './rows';

/** From this matcher score an organisation or person without an id is taken to be the existing one. */
export const STRONG_MATCH = 0.9;
const MATCHED_TYPES: ReadonlySet<NodeType> = new Set(['Organisation', 'Person']);

export interface PlanSink {
  issue(issue: ImportIssue): void;
  match(match: ImportMatch): void;
  count(what: 'created' | 'updated' | 'unchanged' | 'matched'): void;
  note(text: string): void;
}

export interface StoredNode {
  id: string;
  type: NodeType;
  inWorkspace: boolean;
  props: Record<string, unknown>;
}

/** A workspace-specific id for an id taken elsewhere. */
export function mappedId(workspaceId: string, id: string): string {
  return `${id.slice(0, 100)}.${createHash('sha256').update(`${workspaceId}\n${id}`).digest('hex').slice(0, 10)}`;
}

export const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

const sameValue = (a: unknown, b: unknown) => (a === b ? true : stable(a ?? null) === stable(b ?? null));

function changedFields(wanted: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => !sameValue(v, stored[k])));
}

/** Where a planned row comes from in the file. */
const where = (r: NodeRow | RelationshipRow) => ({ row: r.row, ...(r.sheet !== undefined && { sheet: r.sheet }) });

export class ImportPlanner {
  /** The file's node ids (or derived ids) -> the node each became in this workspace. */
  private readonly fileNodes = new Map<string, { id: string; type: NodeType; row: number; name: string }>();
  private readonly relIds = new Map<string, number>();
  private readonly matchers = new Map<NodeType, MatcherIndex>();
  private mappedCount = 0;

  constructor(
    private readonly db: GraphDb,
    private readonly workspaceId: string,
    private readonly sink: PlanSink,
  ) {}

  private async lookupNodes(ids: string[]): Promise<Map<string, StoredNode>> {
    if (!ids.length) return new Map();
    const rows = await this.db.read<StoredNode>('import-nodes-lookup', { ids: [...new Set(ids)], workspaceId: this.workspaceId });
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async matcherFor(type: NodeType): Promise<MatcherIndex> {
    let index = this.matchers.get(type);
    if (!index) {
      const rows = await this.db.read<{ record: EntityRecord }>('nodes-for-matching', { workspaceId: this.workspaceId, nodeType: type });
      index = new MatcherIndex(rows.map((r) => Object.fromEntries(Object.entries(r.record).filter(([, v]) => v !== null)) as unknown as EntityRecord));
      this.matchers.set(type, index);
    }
    return index;
  }

  /**
   * What the workspace holds already under the ids these rows may take. Independent of the plan so far
   * (nothing is stored during the check), so it may run ahead of planNodes.
   */
  storedFor(rows: NodeRow[]): Promise<Map<string, StoredNode>> {
    const candidates = rows.flatMap((r) => (r.id ? [r.id, mappedId(this.workspaceId, r.id)] : [sharedNodeIdFor(r.nodeType, this.workspaceId, r.props.name) ?? '']));
    return this.lookupNodes(candidates.filter(Boolean));
  }

  /** Plans rows in file order (each chunk after the ones before it); `stored` from storedFor(rows). */
  async planNodes(rows: NodeRow[], stored: Map<string, StoredNode>): Promise<ImportNodeRow[]> {
    const planned: ImportNodeRow[] = [];
    for (const row of rows) {
      const node = await this.planNode(row, stored);
      if (node) planned.push(node);
    }
    return planned;
  }

  private issue(row: NodeRow | RelationshipRow, column: string, reason: string) {
    this.sink.issue({ row: row.row, sheet: row.sheet, column, reason });
  }

  private async planNode(row: NodeRow, stored: Map<string, StoredNode>): Promise<ImportNodeRow | null> {
    const name = String(row.props.name);
    const fileKey = row.id ?? sharedNodeIdFor(row.nodeType, this.workspaceId, name);
    if (!fileKey) return void this.issue(row, 'name', 'the name has no letters or digits to make an id from'), null;
    const earlier = this.fileNodes.get(fileKey);
    if (earlier) {
      if (row.id) return void this.issue(row, 'id', `the id "${row.id}" is used already in row ${earlier.row}`), null;
      // The same name twice in the file: the second row is the first one's node.
      this.sink.match({ row: row.row, sheet: row.sheet, name, matchedId: earlier.id, matchedName: earlier.name, score: 1 });
      this.sink.count('matched');
      return null;
    }

    let target: string = fileKey;
    let existing: StoredNode | undefined;
    const direct = stored.get(fileKey);
    const mapped = row.id ? stored.get(mappedId(this.workspaceId, row.id)) : undefined;
    if (direct?.inWorkspace) existing = direct;
    else if (mapped?.inWorkspace) [target, existing] = [mapped.id, mapped];
    else if (direct) {
      target = mappedId(this.workspaceId, fileKey);
      if (this.mappedCount++ === 0) this.sink.note(`Ids that belong to another workspace were given ids of this workspace ("<id>.<hash>"), e.g. ${fileKey} -> ${target}`);
    }
    if (existing && existing.type !== row.nodeType) {
      return void this.issue(row, 'id', `the id "${existing.id}" belongs to a ${existing.type} in this workspace, not a ${row.nodeType}`), null;
    }

    if (!existing && !row.id && MATCHED_TYPES.has(row.nodeType)) {
      const index = await this.matcherFor(row.nodeType);
      const [best] = index.findCandidates({ ...(row.props as Partial<EntityRecord>), name, type: row.nodeType }, { limit: 1, minScore: STRONG_MATCH, type: row.nodeType });
      if (best) {
        this.fileNodes.set(fileKey, { id: best.record.id, type: row.nodeType, row: row.row, name: best.record.name });
        this.sink.match({ row: row.row, sheet: row.sheet, name, matchedId: best.record.id, matchedName: best.record.name, score: Math.round(best.score * 1000) / 1000 });
        this.sink.count('matched');
        return null;
      }
    }
    this.fileNodes.set(fileKey, { id: target, type: row.nodeType, row: row.row, name });

    if (existing) {
      const diff = changedFields(row.props, existing.props);
      if (Object.keys(diff).length === 0) return this.sink.count('unchanged'), null;
      this.sink.count('updated');
      return { ...where(row), nodeType: row.nodeType, nodeId: target, props: diff, update: true };
    }
    if (MATCHED_TYPES.has(row.nodeType) && this.matchers.has(row.nodeType)) this.matchers.get(row.nodeType)!.add({ ...(row.props as Partial<EntityRecord>), id: target, name, type: row.nodeType });
    this.sink.count('created');
    return { ...where(row), nodeType: row.nodeType, nodeId: target, props: row.props };
  }

  async planRelationships(rows: RelationshipRow[]): Promise<ImportLinkRow[]> {
    const unknownEnds = rows.flatMap((r) => [r.source, r.target]).filter((id) => !this.fileNodes.has(id));
    const stored = await this.lookupNodes(unknownEnds.flatMap((id) => [id, mappedId(this.workspaceId, id)]));
    const ends = (id: string): { id: string; type: NodeType } | null => {
      const inFile = this.fileNodes.get(id);
      if (inFile) return inFile;
      const direct = stored.get(id);
      if (direct?.inWorkspace) return direct;
      const mapped = stored.get(mappedId(this.workspaceId, id));
      return mapped?.inWorkspace ? mapped : null;
    };
    type Resolved = { row: RelationshipRow; relId: string; source: string; target: string };
    const resolved: Resolved[] = [];
    for (const row of rows) {
      const source = ends(row.source);
      const target = ends(row.target);
      if (!source) this.issue(row, 'source', `"${row.source}" is neither a node in this file nor in the workspace`);
      if (!target) this.issue(row, 'target', `"${row.target}" is neither a node in this file nor in the workspace`);
      if (!source || !target) continue;
      const allowed = RELATIONSHIP_ENDS[row.relType];
      if (!allowed.from.includes(source.type)) {
        this.issue(row, 'source', `a ${row.relType} link cannot start at a ${source.type} (allowed: ${allowed.from.join(', ')})`);
        continue;
      }
      if (!allowed.to.includes(target.type)) {
        this.issue(row, 'target', `a ${row.relType} link cannot end at a ${target.type} (allowed: ${allowed.to.join(', ')})`);
        continue;
      }
      const endsMapped = source.id !== row.source || target.id !== row.target;
      const relId = row.id
        ? endsMapped
          ? mappedId(this.workspaceId, row.id)
          : row.id
        : `${row.relType.toLowerCase().replace(/_/g, '-')}-${createHash('sha256').update(`${this.workspaceId}\n${row.relType}\n${source.id}\n${target.id}`).digest('hex').slice(0, 12)}`;
      const earlier = this.relIds.get(relId);
      if (earlier !== undefined) {
        this.issue(row, row.id ? 'id' : 'source', row.id ? `the id "${row.id}" is used already in row ${earlier}` : `the same ${row.relType} link as row ${earlier}`);
        continue;
      }
      this.relIds.set(relId, row.row);
      resolved.push({ row, relId, source: source.id, target: target.id });
    }

    const existing = resolved.length
      ? await this.db.read<{ id: string; type: string; source: string; target: string; props: Record<string, unknown> }>('import-relationships-lookup', { rows: resolved.map((r) => ({ id: r.relId, source: r.source })) })
      : [];
    const byId = new Map(existing.map((e) => [e.id, e]));
    const planned: ImportLinkRow[] = [];
    for (const r of resolved) {
      const found = byId.get(r.relId);
      if (found && (found.type !== r.row.relType || found.target !== r.target)) {
        this.issue(r.row, 'id', `the link id "${r.relId}" already joins other nodes (${found.type} ${found.source} -> ${found.target})`);
        continue;
      }
      if (found) {
        const diff = changedFields(r.row.props, found.props);
        if (Object.keys(diff).length === 0) {
          this.sink.count('unchanged');
          continue;
        }
        this.sink.count('updated');
        planned.push({ ...where(r.row), relType: r.row.relType, relId: r.relId, from: r.source, to: r.target, props: diff, update: true });
        continue;
      }
      this.sink.count('created');
      planned.push({ ...where(r.row), relType: r.row.relType, relId: r.relId, from: r.source, to: r.target, props: r.row.props });
    }
    return planned;
  }
}
