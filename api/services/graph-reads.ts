/**
 * Everything the API reads from Neo4j, through the named queries. Nodes leave through the privacy
 * filter: people's contact details only for editors.
 */
import type { AppliedChange } from '../../domain/events';
import type { NodeType } from '../../domain/entities';
import type { Graph, GraphEdge, GraphNode, Page } from '../../domain/graph';
import { editorNode, publicNode } from '../../domain/privacy';
import type { RelationshipType } from '../../domain/relationships';
import { metricProperty, type ViewFilter } from '../../domain/views';
import { epochMillisToIso, toNeo4jInt } from '../infra/mapper';
import type { GraphDb } from '../infra/neo4j';

export interface Viewer {
  /** Editors see personal fields (e-mail, phone); everyone else never does. */
  editor: boolean;
}

export interface GraphFilters {
  types: NodeType[] | null;
  city: string | null;
  region: string | null;
  theme: string | null;
  /** A saved view's filter (domain/views.ts): lists of places, a period and metric ranges. */
  view?: ViewFilter | null;
}

const hasItems = (list: string[]) => (list.length ? list : null);

/** Whether anything is filtered (else an export reads the whole workspace). */
export function hasGraphFilter(f: GraphFilters): boolean {
  const v = f.view;
  const viewFilters = !!v && Boolean(v.types || v.cities.length || v.regions.length || v.themes.length || v.period?.from || v.period?.to || v.metricRanges.length);
  return Boolean(f.types || f.city || f.region || f.theme) || viewFilters;
}

/**
 * The parameters of the graph filter predicate (workspace-graph.cypher, export-node-ids.cypher): the
 * single city/region/theme of the query string and a view's lists become one list each (either may be
 * given; both: a node near any of them passes). Types: the view's when the query gives none.
 */
export function graphFilterParams(f: GraphFilters) {
  const v = f.view;
  const list = (one: string | null, many: string[] | undefined) => hasItems([...(one ? [one] : []), ...(many ?? [])]);
  return {
    types: f.types ?? v?.types ?? null,
    cities: list(f.city, v?.cities),
    regions: list(f.region, v?.regions),
    themes: list(f.theme, v?.themes),
    periodFrom: v?.period?.from ?? null,
    periodTo: v?.period?.to ?? null,
    metricRanges: (v?.metricRanges ?? []).map((r) => ({ property: metricProperty(r.metric), min: r.min, max: r.max })),
  };
}

export interface NodeListFilters {
  q: string | null;
  city: string | null;
  region: string | null;
  theme: string | null;
  orgType: string | null;
  offset: number;
  limit: number;
}

export interface EntityLookup {
  id: string;
  type: NodeType | null;
  version: number | null;
  inWorkspace: boolean;
  /** The workshop participant who created the node (participants may change only their own). */
  createdBy?: string | null;
  /** Theme kind and organisation type, for the end conditions of NEEDS and OFFERS_TRAINING. */
  kind?: string | null;
  orgType?: string | null;
}

export interface WorkspaceSummary {
  workspace: GraphNode;
  seq: number;
  nodeCount: number;
}

const view = (viewer: Viewer) => (node: GraphNode) => (viewer.editor ? editorNode(node) : publicNode(node));

export class GraphReads {
  /** Workspaces seen to exist. There is no way to delete a workspace, so a yes stays true. */
  private readonly knownWorkspaces = new Set<string>();

  constructor(private readonly db: GraphDb) {}

  async workspaceExists(workspaceId: string): Promise<boolean> {
    if (this.knownWorkspaces.has(workspaceId)) return true;
    const found = (await this.lookup(workspaceId, [workspaceId])).get(workspaceId)?.type === 'Workspace';
    if (found) this.knownWorkspaces.add(workspaceId);
    return found;
  }

  async workspace(workspaceId: string): Promise<WorkspaceSummary | null> {
    const [row] = await this.db.read<WorkspaceSummary>('workspace-get', { workspaceId });
    return row ? { ...row, workspace: publicNode(row.workspace) } : null;
  }

  async workspaces(): Promise<WorkspaceSummary[]> {
    const rows = await this.db.read<WorkspaceSummary>('workspaces-list');
    return rows.map((r) => ({ ...r, workspace: publicNode(r.workspace) }));
  }

  async graph(workspaceId: string, filters: GraphFilters, viewer: Viewer): Promise<Graph | null> {
    const [row] = await this.db.read<{ seq: number; nodes: GraphNode[]; edges: GraphEdge[] }>('workspace-graph', { workspaceId, ...graphFilterParams(filters) });
    if (!row) return null;
    const ids = new Set(row.nodes.map((n) => n.id));
    const show = view(viewer);
    return {
      workspaceId,
      seq: row.seq,
      nodes: row.nodes.map((n) => show(epochMillisToIso(n))),
      edges: row.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => epochMillisToIso(e)),
    };
  }

  async node(workspaceId: string, nodeType: NodeType, id: string, viewer: Viewer) {
    const [row] = await this.db.read<{ node: GraphNode; edges: GraphEdge[]; neighbours: GraphNode[] }>('node-get', { workspaceId, nodeType, id });
    if (!row) return null;
    return { node: view(viewer)(row.node), edges: row.edges, neighbours: row.neighbours.map(publicNode) };
  }

  async nodes(workspaceId: string, nodeType: NodeType, filters: NodeListFilters, viewer: Viewer): Promise<Page<GraphNode>> {
    const [row] = await this.db.read<{ total: number; items: GraphNode[] }>('nodes-list', {
      workspaceId,
      nodeType,
      ...filters,
      offset: toNeo4jInt(filters.offset),
      limit: toNeo4jInt(filters.limit),
    });
    return { items: (row?.items ?? []).map(view(viewer)), total: row?.total ?? 0, limit: filters.limit, offset: filters.offset };
  }

  async relationship(workspaceId: string, relType: RelationshipType | null, id: string): Promise<GraphEdge | null> {
    const [row] = await this.db.read<{ edge: GraphEdge }>('relationship-get', { workspaceId, relType, id });
    return row?.edge ?? null;
  }

  async relationships(
    workspaceId: string,
    filters: { relType: RelationshipType | null; node: string | null; offset: number; limit: number },
  ): Promise<Page<GraphEdge>> {
    const [row] = await this.db.read<{ total: number; items: GraphEdge[] }>('relationships-list', {
      workspaceId,
      ...filters,
      offset: toNeo4jInt(filters.offset),
      limit: toNeo4jInt(filters.limit),
    });
    return { items: row?.items ?? [], total: row?.total ?? 0, limit: filters.limit, offset: filters.offset };
  }

  /** Applied changes after a sequence number, oldest first. */
  async changesSince(workspaceId: string, after: number, limit: number): Promise<AppliedChange[]> {
    const rows = await this.db.read<{ seq: number; event: string }>('changes-since', {
      workspaceId,
      after: toNeo4jInt(after),
      limit: toNeo4jInt(limit),
    });
    return rows.map((r) => ({ ...(JSON.parse(r.event) as AppliedChange), seq: r.seq }));
  }

  async change(changeId: string) {
    const [row] = await this.db.read<{ changeId: string; workspaceId: string; seq: number; op: string; actor: string; at: string; appliedAt: string }>(
      'change-get',
      { id: changeId },
    );
    return row ?? null;
  }

  /** A logged change's event name, event and undo record (JSON texts), when it is in this workspace. */
  async mergeRecord(workspaceId: string, changeId: string) {
    const [row] = await this.db.read<{ op: string; event: string; undo: string | null; revertedBy: string | null }>('change-merge-record', { id: changeId, workspaceId });
    return row ?? null;
  }

  async lookup(workspaceId: string, ids: string[]): Promise<Map<string, EntityLookup>> {
    const rows = await this.db.read<EntityLookup>('entities-lookup', { workspaceId, ids });
    return new Map(rows.map((r) => [r.id, r]));
  }
}
