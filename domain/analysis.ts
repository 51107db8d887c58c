/**
 * The shapes of the network analysis reads (api/routes/analysis.ts): a node's ego network, the
 * introduction paths between two actors, and the material flows of industrial symbiosis. The API
 * builds them (api/services/network-analysis.ts), the client reads them (client/src/analysis/).
 */
import type { GraphEdge, GraphNode } from './graph';

export interface EgoNetwork {
  workspaceId: string;
  centre: string;
  depth: number;
  /** Every node within depth steps, the centre included, each with its distance (0 for the centre). */
  nodes: (GraphNode & { distance: number })[];
  edges: GraphEdge[];
}

export interface PathNode {
  id: string;
  type: string;
  name: string | null;
  nameEn?: string | null;
  nameSv?: string | null;
}

export interface IntroductionPaths {
  workspaceId: string;
  from: string;
  to: string;
  max: number;
  /** Steps of the shortest paths; null when none is at most max steps long. */
  length: number | null;
  paths: { nodes: PathNode[]; edges: Pick<GraphEdge, 'id' | 'type' | 'source' | 'target'>[] }[];
}

export interface MaterialFlow {
  id: string;
  source: string;
  sourceName: string | null;
  sourceType: string;
  target: string;
  targetName: string | null;
  material: string | null;
  tonnesPerYear: number | null;
}

export interface UntakenStream {
  id: string;
  name: string;
  nameEn: string | null;
  nameSv: string | null;
  material: string | null;
  tonnesPerYear: number | null;
  producers: { id: string; name: string }[];
}

/** GET …/material-flows */
export interface MaterialFlows {
  workspaceId: string;
  flows: MaterialFlow[];
  untakenStreams: UntakenStream[];
}
