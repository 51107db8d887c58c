/** The printable summary of a workspace (GET /workspaces/:ws/summary), shared by the API and the client. */
import type { NodeType } from './entities';

export interface TypeCount {
  type: string;
  count: number;
}
export interface SummaryActor {
  id: string;
  type: NodeType;
  name: string | null;
  value: number;
}
export interface WorkspaceSummary {
  workspaceId: string;
  generatedAt: string;
  metricsComputedAt: string | null;
  counts: { nodes: number; relationships: number; nodeTypes: TypeCount[]; relationshipTypes: TypeCount[] };
  cities: { id: string; name: string; organisations: number; projects: number }[];
  projects: {
    count: number;
    withBudget: number;
    budgetEur: number | null;
    euShareEur: number | null;
    top: { id: string; name: string; budgetEur: number | null; euShareEur: number | null; status: string | null; lead: string | null }[];
  };
  topActors: { pagerank: SummaryActor[]; betweenness: SummaryActor[]; degree: SummaryActor[] };
  brokers: { id: string; name: string; brokerCities: number; brokerRegions: number; betweenness: number | null }[];
  communities: {
    count: number | null;
    modularity: number | null;
    largest: { community: number; size: number; members: { id: string; type: string; name: string }[] }[];
  };
}
