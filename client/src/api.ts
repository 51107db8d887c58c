/**
 * Typed fetch helpers for the Verkosto REST API. Errors come back as
 * {"error": {"code", "message", "details"?: [{path, message}]}} and are thrown as ApiError.
 */
import { COLLECTIONS, type CollectionName, type NodeType } from '../../domain/entities';
import type { RelationshipType } from '../../domain/relationships';
import type { Graph, GraphEdge, GraphNode, Page } from '../../domain/graph';
import type { AppliedChange } from '../../domain/events';

export const API_BASE = '/api/v1';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface QueuedWrite {
  changeId: string;
  id: string;
  status: 'queued';
}
export interface NodeWriteResult {
  changeId: string;
  id: string;
  seq?: number;
  node?: GraphNode;
}
export interface EdgeWriteResult {
  changeId: string;
  id: string;
  seq?: number;
  edge?: GraphEdge;
}
export interface DeleteResult {
  changeId?: string;
  id?: string;
  seq?: number;
}
export interface NodeDetail {
  node: GraphNode;
  edges: GraphEdge[];
  neighbours: GraphNode[];
}
export interface SearchHit {
  id: string;
  type: NodeType;
  name: string;
  aliases?: string[];
  score?: number;
}
export interface ChangesPage {
  items: AppliedChange[];
  lastSeq: number;
}
export interface WorkspaceInfo {
  id: string;
  name: string;
  language?: 'fi' | 'en' | 'sv';
  [field: string]: unknown;
}

const TYPE_TO_COLLECTION = Object.fromEntries(
  Object.entries(COLLECTIONS).map(([collection, type]) => [type, collection]),
) as Record<NodeType, CollectionName>;

export function collectionOf(type: NodeType): CollectionName {
  return TYPE_TO_COLLECTION[type];
}

/** A random id for Idempotency-Key (crypto.randomUUID needs a secure context). */
export function randomId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' && window.isSecureContext) {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function actor(): string | null {
  try {
    return window.localStorage.getItem('verkosto.actor');
  } catch {
    return null;
  }
}

interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Extra headers, applied last (e.g. X-Participant-Token). */
  headers?: Record<string, string>;
  /** The same GET already sent (index.html starts the map's graph request early): its response is used. */
  sent?: Promise<Response>;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function parseError(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    /* not JSON */
  }
  if (payload && typeof payload === 'object' && 'error' in payload) {
    const err = (payload as { error: unknown }).error;
    if (err && typeof err === 'object') {
      const e = err as { code?: unknown; message?: unknown; details?: unknown };
      const details: ErrorDetail[] = Array.isArray(e.details)
        ? e.details
            .filter((d): d is { path?: unknown; message?: unknown } => !!d && typeof d === 'object')
            .map((d) => ({
              path: Array.isArray(d.path) ? d.path.join('.') : String(d.path ?? ''),
              message: String(d.message ?? ''),
            }))
        : [];
      return new ApiError(
        res.status,
        typeof e.code === 'string' ? e.code : `HTTP_${res.status}`,
        typeof e.message === 'string' ? e.message : res.statusText || `HTTP ${res.status}`,
        details,
      );
    }
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    headers['Idempotency-Key'] = opts.idempotencyKey ?? randomId();
    const who = actor();
    if (who) headers['X-Actor'] = encodeURIComponent(who);
  }
  Object.assign(headers, opts.headers);
  let res: Response;
  try {
    res = await (opts.sent ?? fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      credentials: 'same-origin',
    }));
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', (err as Error)?.message ?? 'network error');
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const ws = (workspaceId: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspaceId)}`;
const nodePath = (workspaceId: string, type: NodeType, id?: string) =>
  `${ws(workspaceId)}/${collectionOf(type)}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
const relPath = (workspaceId: string, id?: string) =>
  `${ws(workspaceId)}/relationships${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;

export const api = {
  health: () => request<{ status: string }>('GET', '/health'),

  workspaces: () => request<Page<WorkspaceInfo> | WorkspaceInfo[] | { items: WorkspaceInfo[] }>('GET', `${API_BASE}/workspaces`),
  workspace: (workspaceId: string) => request<WorkspaceInfo | { node: WorkspaceInfo }>('GET', ws(workspaceId)),

  /** `sent`: the same request already under way (takeEarlyGraph in early-graph.ts). */
  graph: (workspaceId: string, signal?: AbortSignal, sent?: Promise<Response>) =>
    request<Graph>('GET', `${ws(workspaceId)}/graph`, { signal, sent }),

  listNodes: (workspaceId: string, type: NodeType, q?: string, limit = 50, offset = 0) =>
    request<Page<GraphNode>>('GET', nodePath(workspaceId, type), { query: { q, limit, offset } }),
  getNode: (workspaceId: string, type: NodeType, id: string, signal?: AbortSignal) =>
    request<NodeDetail>('GET', nodePath(workspaceId, type, id), { signal }),
  createNode: (workspaceId: string, type: NodeType, props: Record<string, unknown>, idempotencyKey?: string) =>
    request<NodeWriteResult>('POST', nodePath(workspaceId, type), { body: props, query: { wait: true }, idempotencyKey }),
  updateNode: (workspaceId: string, type: NodeType, id: string, patch: Record<string, unknown>, baseVersion?: number) =>
    request<NodeWriteResult>('PATCH', nodePath(workspaceId, type, id), {
      body: baseVersion === undefined ? patch : { ...patch, baseVersion },
      query: { wait: true },
    }),
  deleteNode: (workspaceId: string, type: NodeType, id: string) =>
    request<DeleteResult>('DELETE', nodePath(workspaceId, type, id), { query: { wait: true } }),

  getRelationship: (workspaceId: string, type: RelationshipType, id: string, signal?: AbortSignal) =>
    request<GraphEdge | { edge: GraphEdge }>('GET', relPath(workspaceId, id), { query: { type }, signal }),
  createRelationship: (workspaceId: string, data: Record<string, unknown>, idempotencyKey?: string) =>
    request<EdgeWriteResult>('POST', relPath(workspaceId), { body: data, query: { wait: true }, idempotencyKey }),
  updateRelationship: (workspaceId: string, type: RelationshipType, id: string, patch: Record<string, unknown>) =>
    request<EdgeWriteResult>('PATCH', relPath(workspaceId, id), { body: patch, query: { type, wait: true } }),
  deleteRelationship: (workspaceId: string, type: RelationshipType, id: string) =>
    request<DeleteResult>('DELETE', relPath(workspaceId, id), { query: { type, wait: true } }),

  changesAfter: (workspaceId: string, after: number, limit = 500) =>
    request<ChangesPage>('GET', `${ws(workspaceId)}/changes`, { query: { after, limit } }),

  search: (q: string, workspaceId: string, opts: { types?: NodeType[]; limit?: number; signal?: AbortSignal } = {}) =>
    request<{ items: SearchHit[] }>('GET', `${API_BASE}/search`, {
      query: { q, workspace: workspaceId, types: opts.types?.join(','), limit: opts.limit ?? 10 },
      signal: opts.signal,
    }),
};

/** A human message for any error thrown by the helpers. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.code === 'NETWORK' ? err.message : `${err.message} (${err.code})`;
  if (err instanceof Error) return err.message;
  return String(err);
}
