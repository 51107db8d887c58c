/**
 * Catching a cached per-workspace index up with the change log instead of rebuilding it: the applied
 * changes between the sequence number the index reflects and the workspace's current one. The log is
 * the source of truth (the same events clients receive), so an index kept this way sees every write,
 * from any API or worker process.
 */
import type { AppliedChange } from '../../domain/events';
import { toNeo4jInt } from '../infra/mapper';
import type { GraphDb } from '../infra/neo4j';
import type { SeqSource } from '../infra/workspace-seq';

/**
 * The applied changes with after < seq <= upTo, oldest first; null when there are more than `max`
 * (rebuilding is then the cheaper way).
 */
export async function changesBetween(
  db: GraphDb,
  workspaceId: string,
  after: number,
  upTo: number,
  max: number,
  sent?: Pick<SeqSource, 'recentBetween'>,
): Promise<AppliedChange[] | null> {
  if (upTo - after > max) return null;
  // The changes the worker sent along with their seqs, when every one of them came: no read.
  const known = sent?.recentBetween?.(workspaceId, after, upTo);
  if (known) return known;
  const rows = await db.read<{ seq: number; event: string }>('changes-since', { workspaceId, after: toNeo4jInt(after), limit: toNeo4jInt(upTo - after) });
  return rows.filter((r) => r.seq <= upTo).map((r) => ({ ...(JSON.parse(r.event) as Omit<AppliedChange, 'seq'>), seq: r.seq }) as AppliedChange);
}
