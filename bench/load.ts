/**
 * The load side of the benchmark: HTTP writers and socket.io clients. By default it runs in a child
 * process of its own (bench/load-child.ts), so that its work does not share the event loop of the API
 * and worker it measures; `--inline` runs it in the server process instead.
 *
 * Every wait is bounded: a request has a deadline, a join has a deadline, and waiting for events ends
 * when nothing arrived for stallMs or after maxWaitMs, with whatever was received reported.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinAck, ServerToClientEvents } from '../domain/events';
import { inPool, KeepAliveClient } from './http';
import { percentiles, type Percentiles } from './stats';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// ---- specs and results (plain data: they cross the IPC channel) --------------------------------

export interface ThroughputSpec {
  url: string;
  workspaceId: string;
  /** single: one POST /workspaces/:ws/organisations per change; batch: POST /changes with perRequest changes. */
  mode: 'single' | 'batch';
  requests: number;
  perRequest: number;
  concurrency: number;
  /** Name prefix of the created organisations (unique per run). */
  label: string;
  requestTimeoutMs: number;
  stallMs: number;
  maxWaitMs: number;
}

export interface ThroughputResult {
  changes: number;
  requestsOk: number;
  httpErrors: number;
  firstHttpError?: string;
  /** First request sent → last HTTP answer received. */
  acceptedMs: number;
  /** First request sent → last 'node:created' received (null when not all arrived). */
  deliveredMs: number | null;
  received: number;
  failedEvents: number;
  firstFailure?: string;
  /** Accepted changes whose event never came. */
  missing: number;
  duplicates: number;
  /** The events' seq numbers arrived strictly increasing, and without gaps between them. */
  seqInOrder: boolean;
  seqGaps: number;
  incomplete?: string;
}

export interface LatencySpec {
  url: string;
  workspaceId: string;
  clients: number;
  changes: number;
  /** Changes per second, sent open-loop (on schedule, whether or not earlier answers came). */
  rate: number;
  /** Connections of the HTTP pool. */
  maxSockets: number;
  label: string;
  requestTimeoutMs: number;
  joinTimeoutMs: number;
  stallMs: number;
  maxWaitMs: number;
}

export interface LatencyResult {
  clients: number;
  changes: number;
  httpErrors: number;
  firstHttpError?: string;
  /** How far sending fell behind its schedule at worst (the load generator's own lag). */
  scheduleLagMaxMs: number;
  sendSpanMs: number;
  /** Request sent → HTTP answer (202). */
  http: Percentiles;
  /** Request sent → event at client 0. */
  designated: Percentiles;
  /** Per change, request sent → event at the LAST of the clients to get it. */
  worstClient: Percentiles;
  /** Every (change, client) delivery. */
  allDeliveries: Percentiles;
  deliveries: number;
  expectedDeliveries: number;
  joinMs: number;
  incomplete?: string;
}

// ---- socket.io clients ----------------------------------------------------------------------------

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Joins like a client: `asWorkshopPage` as the workshop pages do (changes batched per worker batch in
 * 'changes:applied', no 'metrics:updated'); otherwise one event per change.
 */
export async function connectAndJoin(url: string, workspaceId: string, timeoutMs: number, asWorkshopPage = false): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: timeoutMs });
  try {
    await withDeadline(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (err) => reject(err));
      }),
      timeoutMs,
      'socket.io connect',
    );
    const ack: JoinAck = await socket.timeout(timeoutMs).emitWithAck('workspace:join', { workspaceId, ...(asWorkshopPage ? { metrics: false, batched: true } : {}) });
    if (!ack.ok) throw new Error(`workspace:join refused: ${ack.code} ${ack.message}`);
    return socket;
  } catch (err) {
    socket.disconnect();
    throw err;
  }
}

/** Resolves when done() is true, or with a reason when progress stalled or maxWaitMs passed. */
export function waitUntil(
  done: () => boolean,
  lastProgress: () => number,
  stallMs: number,
  maxWaitMs: number,
): Promise<string | undefined> {
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      if (done()) return resolve(undefined);
      const now = performance.now();
      if (now - lastProgress() > stallMs) return resolve(`nothing arrived for ${Math.round(stallMs / 1000)} s`);
      if (now - started > maxWaitMs) return resolve(`gave up after ${Math.round(maxWaitMs / 1000)} s`);
      setTimeout(check, 20);
    };
    check();
  });
}

// ---- throughput --------------------------------------------------------------------------------------

function requestBodies(spec: ThroughputSpec): { path: string; bodies: string[] } {
  if (spec.mode === 'single') {
    return {
      path: `/api/v1/workspaces/${encodeURIComponent(spec.workspaceId)}/organisations`,
      bodies: Array.from({ length: spec.requests }, (_, i) => JSON.stringify({ name: `${spec.label} ${i}`, orgType: 'company' })),
    };
  }
  return {
    path: '/api/v1/changes',
    bodies: Array.from({ length: spec.requests }, (_, r) =>
      JSON.stringify({
        workspaceId: spec.workspaceId,
        changes: Array.from({ length: spec.perRequest }, (_, i) => ({
          op: 'node:create',
          nodeType: 'Organisation',
          props: { name: `${spec.label} ${r}-${i}`, orgType: 'company' },
        })),
      }),
    ),
  };
}

export async function runThroughput(spec: ThroughputSpec): Promise<ThroughputResult> {
  const { path, bodies } = requestBodies(spec);
  const total = spec.requests * (spec.mode === 'single' ? 1 : spec.perRequest);
  const socket = await connectAndJoin(spec.url, spec.workspaceId, 10_000);
  const http = new KeepAliveClient(spec.url, spec.concurrency);

  const seen = new Set<string>();
  const seqs: number[] = [];
  let duplicates = 0;
  let failedEvents = 0;
  let firstFailure: string | undefined;
  let lastEventAt = 0;
  let progressAt = performance.now();
  socket.on('node:created', (change) => {
    if (change.workspaceId !== spec.workspaceId) return;
    lastEventAt = progressAt = performance.now();
    if (seen.has(change.changeId)) duplicates++;
    else {
      seen.add(change.changeId);
      seqs.push(change.seq);
    }
  });
  socket.on('change:failed', (failure) => {
    if (failure.workspaceId !== spec.workspaceId) return;
    progressAt = performance.now();
    failedEvents++;
    firstFailure ??= `${failure.code}: ${failure.reason}`;
  });

  const accepted: string[] = [];
  let httpErrors = 0;
  let firstHttpError: string | undefined;
  let requestsOk = 0;
  let lastAnswerAt = 0;
  const t0 = performance.now();
  try {
    await inPool(bodies.length, spec.concurrency, async (i) => {
      try {
        const answer = await http.post(path, bodies[i], spec.requestTimeoutMs);
        lastAnswerAt = progressAt = performance.now();
        if (answer.status !== 202 && answer.status !== 201 && answer.status !== 200) {
          httpErrors++;
          firstHttpError ??= `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`;
          return;
        }
        const body = JSON.parse(answer.text) as { changeId?: string; changeIds?: string[] };
        requestsOk++;
        if (body.changeIds) accepted.push(...body.changeIds);
        else if (body.changeId) accepted.push(body.changeId);
      } catch (err) {
        httpErrors++;
        firstHttpError ??= (err as Error).message;
      }
    });
    const incomplete = await waitUntil(
      () => seen.size + failedEvents >= accepted.length,
      () => progressAt,
      spec.stallMs,
      spec.maxWaitMs,
    );
    const missing = accepted.filter((id) => !seen.has(id)).length;
    let seqGaps = 0;
    let seqInOrder = true;
    for (let i = 1; i < seqs.length; i++) {
      if (seqs[i] <= seqs[i - 1]) seqInOrder = false;
      else if (seqs[i] !== seqs[i - 1] + 1) seqGaps++;
    }
    return {
      changes: total,
      requestsOk,
      httpErrors,
      firstHttpError,
      acceptedMs: lastAnswerAt - t0,
      deliveredMs: missing === 0 && accepted.length === total ? lastEventAt - t0 : null,
      received: seen.size,
      failedEvents,
      firstFailure,
      missing,
      duplicates,
      seqInOrder,
      seqGaps,
      incomplete,
    };
  } finally {
    socket.disconnect();
    http.close();
  }
}

// ---- latency with many clients -----------------------------------------------------------------------

export async function runLatency(spec: LatencySpec): Promise<LatencyResult> {
  const path = `/api/v1/workspaces/${encodeURIComponent(spec.workspaceId)}/organisations`;
  const namePrefix = `${spec.label} `;
  const bodies = Array.from({ length: spec.changes }, (_, i) => JSON.stringify({ name: `${namePrefix}${i}`, orgType: 'company' }));
  const http = new KeepAliveClient(spec.url, spec.maxSockets);

  const joinStarted = performance.now();
  const sockets: ClientSocket[] = [];
  try {
    // Connect in groups of 20 so that 100 handshakes do not all wait on one another.
    for (let i = 0; i < spec.clients; i += 20) {
      const group = await Promise.all(
        Array.from({ length: Math.min(20, spec.clients - i) }, () => connectAndJoin(spec.url, spec.workspaceId, spec.joinTimeoutMs)),
      );
      sockets.push(...group);
    }
    const joinMs = performance.now() - joinStarted;

    const sentAt = new Float64Array(spec.changes).fill(NaN);
    const answeredAt = new Float64Array(spec.changes).fill(NaN);
    const receivedAt = sockets.map(() => new Float64Array(spec.changes).fill(NaN));
    let deliveries = 0;
    let progressAt = performance.now();
    sockets.forEach((socket, c) => {
      const mine = receivedAt[c];
      socket.on('node:created', (change) => {
        const now = performance.now();
        if (change.workspaceId !== spec.workspaceId || !change.node.name?.startsWith(namePrefix)) return;
        const i = Number(change.node.name.slice(namePrefix.length));
        if (Number.isInteger(i) && i >= 0 && i < spec.changes && Number.isNaN(mine[i])) {
          mine[i] = now;
          deliveries++;
          progressAt = now;
        }
      });
    });

    let httpErrors = 0;
    let firstHttpError: string | undefined;
    let scheduleLagMaxMs = 0;
    const inFlight: Promise<void>[] = [];
    const interval = 1000 / spec.rate;
    const t0 = performance.now();
    for (let i = 0; i < spec.changes; i++) {
      const due = t0 + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const now = performance.now();
      scheduleLagMaxMs = Math.max(scheduleLagMaxMs, now - due);
      sentAt[i] = now;
      inFlight.push(
        http.post(path, bodies[i], spec.requestTimeoutMs).then(
          (answer) => {
            answeredAt[i] = progressAt = performance.now();
            if (answer.status !== 202 && answer.status !== 201) {
              httpErrors++;
              firstHttpError ??= `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`;
            }
          },
          (err: Error) => {
            httpErrors++;
            firstHttpError ??= err.message;
          },
        ),
      );
    }
    const sendSpanMs = performance.now() - t0;
    await Promise.all(inFlight);
    const expectedDeliveries = (spec.changes - httpErrors) * sockets.length;
    const incomplete = await waitUntil(
      () => deliveries >= expectedDeliveries,
      () => progressAt,
      spec.stallMs,
      spec.maxWaitMs,
    );

    const designated = Array.from(receivedAt[0], (r, i) => r - sentAt[i]);
    const worst = Array.from(sentAt, (s, i) => {
      let max = -Infinity;
      for (const mine of receivedAt) {
        if (Number.isNaN(mine[i])) return NaN; // not delivered to every client: no "last client" figure
        max = Math.max(max, mine[i] - s);
      }
      return max;
    });
    const all: number[] = [];
    for (const mine of receivedAt) for (let i = 0; i < spec.changes; i++) all.push(mine[i] - sentAt[i]);

    return {
      clients: sockets.length,
      changes: spec.changes,
      httpErrors,
      firstHttpError,
      scheduleLagMaxMs,
      sendSpanMs,
      http: percentiles(Array.from(answeredAt, (a, i) => a - sentAt[i])),
      designated: percentiles(designated),
      worstClient: percentiles(worst),
      allDeliveries: percentiles(all),
      deliveries,
      expectedDeliveries: spec.changes * sockets.length,
      joinMs,
      incomplete,
    };
  } finally {
    for (const s of sockets) s.disconnect();
    http.close();
  }
}
