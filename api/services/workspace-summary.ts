/**
 * The printable one-page summary of a workspace: counts by type, the cities with most organisations,
 * projects' euros, top actors by stored PageRank / betweenness / degree, brokers and the largest
 * communities. Everything network-related comes from the stored metrics (worker/metrics/), so the
 * summary is as fresh as the last metrics computation (computedAt says when).
 */
import type { NodeType } from '../../domain/entities';
import type { TypeCount, WorkspaceSummary } from '../../domain/summary';
import { toNeo4jInt } from '../infra/mapper';
import type { GraphDb } from '../infra/neo4j';
import { metricsSummary, metricsTop } from './metrics-reads';

export interface SummaryLimits {
  top: number;
}

/** Actors ranked: organisations, projects, people, clusters and programmes (places and themes are context). */
const ACTOR_TYPES: NodeType[] = ['Organisation', 'Project', 'Person', 'Cluster', 'Programme'];

export async function workspaceSummary(db: GraphDb, workspaceId: string, limits: SummaryLimits): Promise<WorkspaceSummary | null> {
  const metrics = await metricsSummary(db, workspaceId);
  if (!metrics) return null;
  const limit = toNeo4jInt(limits.top);
  const top = (metric: string) =>
    metricsTop(db, workspaceId, { metric, type: ACTOR_TYPES, city: null, theme: null, limit: limits.top }).then((items) =>
      items.map(({ id, type, name, value }) => ({ id, type, name, value })),
    );
  const [[counts], cities, [projects], communities, brokers, pagerank, betweenness, degree] = await Promise.all([
    db.read<{ nodeTypes: TypeCount[]; relationshipTypes: TypeCount[] }>('summary-counts', { workspaceId }),
    db.read<WorkspaceSummary['cities'][number]>('summary-cities', { workspaceId, limit }),
    db.read<{
      projectCount: number;
      budgetEur: number | null;
      euShareEur: number | null;
      withBudget: number;
      top: WorkspaceSummary['projects']['top'];
    }>('summary-projects', { workspaceId, limit }),
    db.read<WorkspaceSummary['communities']['largest'][number]>('summary-communities', {
      workspaceId,
      limit: toNeo4jInt(5),
      members: toNeo4jInt(4),
    }),
    db.read<WorkspaceSummary['brokers'][number]>('summary-brokers', { workspaceId, limit }),
    top('pagerank'),
    top('betweenness'),
    top('degree'),
  ]);
  const nodeTypes = (counts?.nodeTypes ?? []).filter((t) => t.type !== 'Workspace');
  const relationshipTypes = (counts?.relationshipTypes ?? []).filter((t) => t.type !== 'IN_WORKSPACE');
  const sum = (list: TypeCount[]) => list.reduce((acc, t) => acc + t.count, 0);
  return {
    workspaceId,
    generatedAt: new Date().toISOString(),
    metricsComputedAt: metrics.computedAt,
    counts: { nodes: sum(nodeTypes), relationships: sum(relationshipTypes), nodeTypes, relationshipTypes },
    cities,
    projects: {
      count: projects?.projectCount ?? 0,
      withBudget: projects?.withBudget ?? 0,
      budgetEur: projects?.budgetEur ?? null,
      euShareEur: projects?.euShareEur ?? null,
      top: projects?.top ?? [],
    },
    topActors: { pagerank, betweenness, degree },
    brokers,
    communities: { count: metrics.communityCount, modularity: metrics.modularity, largest: communities },
  };
}
