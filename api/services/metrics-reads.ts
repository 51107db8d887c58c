/** Reads of the stored network metrics (written by the worker's metrics job, worker/metrics/). */
import type { GraphDb } from '../infra/neo4j';
import { toNeo4jInt } from '../infra/mapper';
import type { NodeType } from '../../domain/entities';

export interface MetricsSummary {
  workspaceId: string;
  /** null before the first computation. */
  computedAt: string | null;
  modularity: number | null;
  communityCount: number | null;
  nodeCount: number | null;
  notes: string[];
}

export interface MetricsTopItem {
  id: string;
  type: NodeType;
  name: string | null;
  value: number;
  metrics: Record<string, unknown>;
}

/** Removes the metrics_ prefix of stored properties. */
const unprefixed = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k.replace(/^metrics_/, ''), v]));

export async function metricsSummary(db: GraphDb, workspaceId: string): Promise<MetricsSummary | null> {
  const [row] = await db.read<Omit<MetricsSummary, 'workspaceId' | 'notes'> & { notes: string[] | null }>('metrics-summary', { workspaceId });
  if (!row) return null;
  return { workspaceId, computedAt: row.computedAt, modularity: row.modularity, communityCount: row.communityCount, nodeCount: row.nodeCount, notes: row.notes ?? [] };
}

export async function metricsTop(
  db: GraphDb,
  workspaceId: string,
  q: { metric: string; type: NodeType[] | null; city: string | null; theme: string | null; limit: number },
): Promise<MetricsTopItem[]> {
  const rows = await db.read<MetricsTopItem>('metrics-top', {
    workspaceId,
    property: `metrics_${q.metric}`,
    types: q.type,
    city: q.city,
    theme: q.theme,
    limit: toNeo4jInt(q.limit),
  });
  return rows.map((r) => ({ ...r, metrics: unprefixed(r.metrics) }));
}
