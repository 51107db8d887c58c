/**
 * Catching a cached per-workspace index up with the change log instead of rebuilding it: the applied
 * changes between the sequence number the index reflects and the workspace's current one. The log is
 * the source of truth (the same events clients receive), so an index kept this way sees every write,
 * from any API or worker process.
 */
import type { AppliedChange } from '../../domain/events';
import { toNeo4jInt } from '../infra/mapper';
import type { GraphDb } from '../infra/neo4j';

/**
 * The applied changes with after < seq <= upTo, oldest first; null when there are more than `max`
 * (rebuilding is then the cheaper way).
 */
export async function changesBetween(db: GraphDb, workspaceId: string, after: number, upTo: number, max: number): Promise<AppliedChange[] | null> {
  if (upTo - after > max) return null;
  const rows = await db.read<{ seq: number; event: string }>('changes-since', { workspaceId, after: toNeo4jInt(after), limit: toNeo4jInt(upTo - after) });
  return rows.filter((r) => r.seq <= upTo).map((r) => ({ ...(JSON.parse(r.event) as Omit<AppliedChange, 'seq'>), seq: r.seq }) as AppliedChange);
}
