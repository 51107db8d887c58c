/**
 * The system under test, in-process against the real Neo4j and Redis that `npm test` started: the API
 * on port 0 and the worker, each suite on a queue prefix of its own, plus small clients for HTTP,
 * socket.io and direct Neo4j reads (to check what really got stored).
 */
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { io, type Socket } from 'socket.io-client';
import type { AppliedChange, ClientToServerEvents, JoinAck, ServerToClientEvents } from '../../domain/events';
import { loadConfig, withOverrides, type Config } from '../../api/infra/config';
import { fromNeo4j } from '../../api/infra/mapper';
import { createRedis } from '../../api/infra/redis';
import { startApiServer, type ApiServer } from '../../api/server';
import { startWorker, type RunningWorker } from '../../worker/worker';
import { deleteKeys, keyPatternsOf } from '../../scripts/services/redis-keys';

export interface TestStack {
  config: Config;
  api: ApiServer;
  worker: RunningWorker | null;
  driver: Driver;
  http: HttpClient;
  close(): Promise<void>;
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class HttpClient {
  constructor(readonly base: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('GET', path, undefined, headers);
  post = <T = any>(path: string, body: unknown, headers?: Record<string, string>) => this.request<T>('POST', path, body, headers);
  patch = <T = any>(path: string, body: unknown, headers?: Record<string, string>) => this.request<T>('PATCH', path, body, headers);
  delete = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('DELETE', path, undefined, headers);
}

/** Starts API and worker (withWorker: false leaves changes queued, to observe the queue itself). */
export async function startStack(overrides: Partial<Config> = {}, opts: { withWorker?: boolean } = {}): Promise<TestStack> {
  const config = withOverrides(loadConfig(), {
    PORT: 0,
    LOG_LEVEL: 'silent',
    CHANGE_BACKOFF_MS: 50,
    REDIS_PREFIX: `${loadConfig().REDIS_PREFIX}-${randomUUID().slice(0, 8)}`,
    ...overrides,
  });
  const worker = opts.withWorker === false ? null : await startWorker(config);
  const api = await startApiServer(config);
  const driver = neo4j.driver(config.NEO4J_URI);
  return {
    config,
    api,
    worker,
    driver,
    http: new HttpClient(api.url),
    async close() {
      await api.close();
      await worker?.close();
      await driver.close();
      const redis = createRedis(config);
      await deleteKeys(redis, keyPatternsOf(config.REDIS_PREFIX));
      redis.disconnect();
    },
  };
}

/** A new workspace with a Finnish name, created through the API and applied. */
export async function createWorkspace(stack: TestStack, name = 'Testiverkosto Äänekoski–Åbo'): Promise<string> {
  const id = `ws-${randomUUID().slice(0, 12)}`;
  const res = await stack.http.post('/api/v1/workspaces?wait=true', { id, name });
  if (res.status !== 201) throw new Error(`workspace create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

/** Runs Cypher straight against Neo4j, to see what is stored without going through the API. */
export async function cypher<T = Record<string, unknown>>(stack: TestStack, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await stack.driver.executeQuery(query, params);
  return records.map((r) => fromNeo4j(r.toObject()) as T);
}

/** Everything stored for a workspace: node and relationship counts and the change log length. */
export async function snapshot(stack: TestStack, workspaceId: string) {
  const [row] = await cypher<{ nodes: number; rels: number; changes: number; lastSeq: number }>(
    stack,
    `MATCH (w:Workspace {id: $ws})
     RETURN COUNT { (w)<-[:IN_WORKSPACE]-() } AS nodes,
            COUNT { (w)<-[:IN_WORKSPACE]-(a)-[r]->(b) WHERE type(r) <> 'IN_WORKSPACE' } AS rels,
            COUNT { (c:Change) WHERE c.workspaceId = $ws } AS changes,
            coalesce(w.lastSeq, 0) AS lastSeq`,
    { ws: workspaceId },
  );
  return row;
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function connectSocket(stack: TestStack): Promise<TestSocket> {
  const socket: TestSocket = io(stack.api.url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function join(socket: TestSocket, workspaceId: string, lastSeq?: number): Promise<JoinAck> {
  return socket.timeout(10_000).emitWithAck('workspace:join', { workspaceId, lastSeq });
}

/** Collects every applied-change event a socket receives, in arrival order. */
export function recordChanges(socket: TestSocket): AppliedChange[] {
  const seen: AppliedChange[] = [];
  for (const name of ['node:created', 'node:updated', 'node:deleted', 'relationship:created', 'relationship:updated', 'relationship:deleted'] as const) {
    socket.on(name, (change: AppliedChange) => seen.push(change));
  }
  return seen;
}

/** Polls until check() returns a value (not undefined/false), or fails after timeoutMs. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<Exclude<T, false | undefined | null>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false && value !== null) return value as Exclude<T, false | undefined | null>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
