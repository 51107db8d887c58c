/**
 * The REST reads the analysis views use: top nodes by a stored metric (api/routes/metrics.ts), a node's
 * ego network, introduction paths and material flows (api/routes/analysis.ts; their shapes are in
 * domain/analysis.ts). MetricsTop mirrors api/services/metrics-reads.ts.
 */
import type { EgoNetwork, IntroductionPaths, MaterialFlows } from '../../../domain/analysis';
import { API_BASE, request } from '../api';

export const METRICS = [
  'pagerank',
  'degree',
  'weightedDegree',
  'betweenness',
  'closeness',
  'eigenvector',
  'kcore',
  'brokerCities',
] as const;
export type MetricName = (typeof METRICS)[number];

export interface MetricsTop {
  workspaceId: string;
  metric: MetricName;
  computedAt: string | null;
  items: { id: string; type: string; name: string | null; value: number }[];
}

export type { EgoNetwork, IntroductionPaths, MaterialFlows, PathNode } from '../../../domain/analysis';

const ws = (workspaceId: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspaceId)}`;

export const analysisApi = {
  metricsTop: (workspaceId: string, q: { metric: MetricName; type?: string; city?: string; theme?: string; limit?: number }) =>
    request<MetricsTop>('GET', `${ws(workspaceId)}/metrics`, { query: { ...q, limit: q.limit ?? 10 } }),
  ego: (workspaceId: string, id: string, depth: number) =>
    request<EgoNetwork>('GET', `${ws(workspaceId)}/nodes/${encodeURIComponent(id)}/ego`, { query: { depth } }),
  paths: (workspaceId: string, from: string, to: string, max: number) =>
    request<IntroductionPaths>('GET', `${ws(workspaceId)}/paths`, { query: { from, to, max } }),
  materialFlows: (workspaceId: string) => request<MaterialFlows>('GET', `${ws(workspaceId)}/material-flows`),
};
