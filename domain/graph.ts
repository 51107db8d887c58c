/** The shapes of nodes and edges as the API returns them and the client draws them. */
import type { NodeType } from './entities';
import type { RelationshipType } from './relationships';

export interface GraphNode {
  id: string;
  type: NodeType;
  name: string;
  /** Incremented on every applied update; edits may carry the version they were based on. */
  version: number;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export interface GraphEdge {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  [field: string]: unknown;
}

export interface Graph {
  workspaceId: string;
  /** The change-log sequence number the graph reflects; subscribe from here. */
  seq: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
