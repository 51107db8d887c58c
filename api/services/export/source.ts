/**
 * What every export format reads: the workspace, the columns, then its nodes and relationships streamed
 * row by row from one read transaction (a consistent snapshot; nothing is collected in memory but the
 * filtered node ids). Nodes leave through the privacy rule: internal fields never, people's contact
 * details only for editors, as in the graph reads.
 */
import type { NodeType } from '../../../domain/entities';
import type { GraphEdge, GraphNode } from '../../../domain/graph';
import { isVisibleField } from '../../../domain/privacy';
import type { GraphDb, StreamTx } from '../../infra/neo4j';
import { graphFilterParams, hasGraphFilter, type GraphFilters, type Viewer } from '../graph-reads';
import { kindOf, orderFields, unionFields, type Field } from './fields';

/** Fixed leading columns, not repeated among the fields. */
export const NODE_KEYS = ['id', 'type'] as const;
export const RELATIONSHIP_KEYS = ['id', 'type', 'source', 'target'] as const;

export interface ExportSource {
  workspace: { id: string; name: string };
  /** Node types present, in name order, each with its fields (without id and type). */
  nodeTypes: Map<NodeType, Field[]>;
  /** The fields of all node types together. */
  nodeFields: Field[];
  /** Relationship fields (without id, type, source, target). */
  relationshipFields: Field[];
  /** Nodes in id order (of one type when given), id and type first, then the stored properties. */
  nodes(type?: NodeType): AsyncIterable<GraphNode>;
  /** Relationships between the exported nodes, in id order. */
  relationships(): AsyncIterable<GraphEdge>;
}

export class WorkspaceExports {
  constructor(private readonly db: GraphDb) {}

  /**
   * Reads the workspace and calls write with the source, inside the transaction. Null (and write never
   * called) when the workspace does not exist, so that the caller can still answer 404.
   */
  async read<T>(
    workspaceId: string,
    filters: GraphFilters,
    viewer: Viewer,
    write: (source: ExportSource) => Promise<T>,
  ): Promise<T | null> {
    return this.db.streamRead(async (tx) => {
      const [found] = await collect(tx.rows<{ workspace: { id: string; name: string } }>('workspace-get', { workspaceId }));
      if (!found) return null;
      const ids = hasGraphFilter(filters)
        ? await collect(tx.rows<{ id: string }>('export-node-ids', { workspaceId, ...graphFilterParams(filters) }), (r) => r.id)
        : null;
      const params = { workspaceId, ids };
      const nodeTypes = new Map<NodeType, Field[]>();
      for await (const row of tx.rows<{ type: NodeType; key: string; valueTypes: string[] }>('export-node-fields', params)) {
        if (row.key === 'id' || !isVisibleField(row.type, row.key, viewer.editor)) continue;
        nodeTypes.set(row.type, [...(nodeTypes.get(row.type) ?? []), { key: row.key, kind: kindOf(row.valueTypes) }]);
      }
      for (const [type, fields] of nodeTypes) nodeTypes.set(type, orderFields(fields));
      const relationshipFields = orderFields(
        (await collect(tx.rows<{ key: string; valueTypes: string[] }>('export-relationship-fields', params)))
          .filter((r) => r.key !== 'id')
          .map((r) => ({ key: r.key, kind: kindOf(r.valueTypes) })),
      );
      return write({
        workspace: { id: found.workspace.id, name: found.workspace.name },
        nodeTypes: new Map([...nodeTypes].sort(([a], [b]) => (a < b ? -1 : 1))),
        nodeFields: unionFields(nodeTypes.values()),
        relationshipFields,
        nodes: (type) => visibleNodes(tx, { ...params, type: type ?? null }, viewer),
        relationships: () => edges(tx, params),
      });
    });
  }
}

async function collect<R, T = R>(rows: AsyncIterable<R>, map: (row: R) => T = (r) => r as unknown as T): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(map(row));
  return out;
}

async function* visibleNodes(tx: StreamTx, params: Record<string, unknown>, viewer: Viewer): AsyncIterable<GraphNode> {
  for await (const { node } of tx.rows<{ node: GraphNode }>('export-nodes', params)) {
    const out: Record<string, unknown> = { id: node.id, type: node.type };
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'id' && key !== 'type' && isVisibleField(node.type, key, viewer.editor)) out[key] = value;
    }
    yield out as GraphNode;
  }
}

async function* edges(tx: StreamTx, params: Record<string, unknown>): AsyncIterable<GraphEdge> {
  for await (const { edge } of tx.rows<{ edge: GraphEdge }>('export-relationships', params)) {
    const { id, type, source, target, ...props } = edge;
    yield { id, type, source, target, ...props };
  }
}
