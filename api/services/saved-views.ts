/**
 * Saved views ("perspectives") of a workspace and their read-only share links.
 *
 * A view is a (:View)-[:VIEW_OF]->(:Workspace) node written directly, not through the change queue:
 * it is a reader's setting, not map data. Going through the queue would make it an entity type (with
 * :Entity, IN_WORKSPACE, versions, change-log replay), which graph reads, search, exports, metrics and
 * imports would all have to learn to skip. Clients still hear of it live: every write emits a view:*
 * event to the workspace's room (through the same Redis emitter as the worker's events).
 *
 * A share link carries a random token; only its SHA-256 is stored. What the token opens is built
 * here for the public: the view and its filtered graph, never people's contact details.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { workspaceRoom, type ServerToClientEvents } from '../../domain/events';
import type { Graph } from '../../domain/graph';
import { ViewInputSchema, type SavedView, type ViewDefinition } from '../../domain/views';
import { notFound } from '../errors';
import type { Config } from '../infra/config';
import type { GraphDb } from '../infra/neo4j';
import { socketChannelKey } from '../infra/queue';
import { sha256 } from './accounts';
import type { GraphReads } from './graph-reads';

interface StoredView {
  id: string;
  workspaceId: string;
  name: string;
  definition: string;
  createdAt: string;
  updatedAt: string;
  shared: boolean;
}

/** What a share link shows: the view and its graph, as the public sees them. */
export interface SharedView {
  view: Omit<SavedView, 'shared'>;
  graph: Graph;
}

const newShareToken = () => randomBytes(24).toString('base64url');

function toSavedView(row: StoredView): SavedView {
  // Parsed again on the way out: a view stored by an older version gets today's defaults.
  const definition = ViewInputSchema.parse({ ...(JSON.parse(row.definition) as object), name: row.name });
  return { ...definition, id: row.id, workspaceId: row.workspaceId, shared: row.shared, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

const stored = ({ name, ...rest }: ViewDefinition) => ({ name, definition: JSON.stringify(rest) });

export class SavedViews {
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(
    private readonly db: GraphDb,
    private readonly reads: GraphReads,
    redis: Redis,
    config: Pick<Config, 'REDIS_PREFIX'>,
  ) {
    this.emitter = new Emitter<ServerToClientEvents>(redis, { key: socketChannelKey(config) });
  }

  async list(workspaceId: string): Promise<SavedView[]> {
    if (!(await this.reads.workspaceExists(workspaceId))) throw notFound('Workspace', workspaceId);
    const rows = await this.db.read<{ view: StoredView }>('views-list', { workspaceId });
    return rows.map((r) => toSavedView(r.view));
  }

  async get(workspaceId: string, id: string): Promise<SavedView> {
    const [row] = await this.db.read<{ view: StoredView }>('view-get', { workspaceId, id });
    if (!row) throw notFound('View', id);
    return toSavedView(row.view);
  }

  async create(workspaceId: string, input: ViewDefinition): Promise<SavedView> {
    const [row] = await this.db.write<{ view: StoredView }>('view-create', { workspaceId, id: `view-${randomUUID()}`, ...stored(input) });
    if (!row) throw notFound('Workspace', workspaceId);
    return this.announce('view:created', toSavedView(row.view));
  }

  async replace(workspaceId: string, id: string, input: ViewDefinition): Promise<SavedView> {
    const [row] = await this.db.write<{ view: StoredView }>('view-update', { workspaceId, id, ...stored(input) });
    if (!row) throw notFound('View', id);
    return this.announce('view:updated', toSavedView(row.view));
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const [row] = await this.db.write<{ id: string }>('view-delete', { workspaceId, id });
    if (!row) throw notFound('View', id);
    this.emitter.to(workspaceRoom(workspaceId)).emit('view:deleted', { workspaceId, id });
  }

  /** A new share token for the view (an earlier link stops working). The token is returned only here. */
  async share(workspaceId: string, id: string): Promise<{ view: SavedView; token: string }> {
    const token = newShareToken();
    const [row] = await this.db.write<{ view: StoredView }>('view-share', { workspaceId, id, tokenHash: sha256(token) });
    if (!row) throw notFound('View', id);
    return { view: this.announce('view:updated', toSavedView(row.view)), token };
  }

  async revoke(workspaceId: string, id: string): Promise<SavedView> {
    const [row] = await this.db.write<{ view: StoredView }>('view-share', { workspaceId, id, tokenHash: null });
    if (!row) throw notFound('View', id);
    return this.announce('view:updated', toSavedView(row.view));
  }

  /** The view a share token opens with its filtered graph, read as the public (no contact details); 404 for an unknown or revoked token. */
  async openShared(token: string): Promise<SharedView> {
    const [row] = await this.db.read<{ view: StoredView }>('view-by-share-token', { tokenHash: sha256(token) });
    if (!row) throw notFound('Share link', '…');
    const { shared: _shared, ...view } = toSavedView(row.view);
    const graph = await this.reads.graph(view.workspaceId, { types: null, city: null, region: null, theme: null, view: view.filter }, { editor: false });
    if (!graph) throw notFound('Share link', '…');
    return { view, graph };
  }

  private announce(event: 'view:created' | 'view:updated', view: SavedView): SavedView {
    this.emitter.to(workspaceRoom(view.workspaceId)).emit(event, view);
    return view;
  }
}
