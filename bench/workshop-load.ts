/**
 * The load side of the workshop benchmark (bench/workshop.ts), in two parts that run in two processes
 * of their own (bench/load-child.ts), so that neither shares an event loop with the API and worker
 * nor with the other:
 *
 * - participants: N socket.io clients, each joined to the workspace room ('workspace:join') and to
 *   the workshop ('workshop:join' with its participant token), each adding an organisation or a theme
 *   with a unique Finnish name every minIntervalMs..maxIntervalMs (uniformly random) through the
 *   ordinary write routes with X-Participant-Token and Idempotency-Key;
 * - the projector: one client joined to the workspace room only, recording every 'node:created'.
 *
 * Times are CLOCK_MONOTONIC (process.hrtime), which is one clock for every process on the machine, so
 * a submit in the participants' process and a receipt in the projector's can be subtracted. Every
 * wait is bounded.
 */
import { randomUUID } from 'node:crypto';
import type { AppliedChange } from '../domain/events';
import type { WorkshopJoinAck } from '../domain/workshops';
import { KeepAliveClient } from './http';
import { connectAndJoin, waitUntil } from './load';
import { monitorProcess, type ProcessSample } from './process-monitor';
import { percentiles, type Percentiles } from './stats';

type ClientSocket = Awaited<ReturnType<typeof connectAndJoin>>;

/** Every 'node:created', whether it came alone or in a 'changes:applied' batch (as the workshop pages get them). */
function onNodeCreated(socket: ClientSocket, handler: (change: Extract<AppliedChange, { event: 'node:created' }>) => void): void {
  socket.on('node:created', handler);
  socket.on('changes:applied', (batch) => {
    for (const change of batch.changes) if (change.event === 'node:created') handler(change);
  });
}

/** Milliseconds on the machine's monotonic clock: comparable between processes on this machine. */
export const monoMs = () => Number(process.hrtime.bigint()) / 1e6;

// ---- specs and results (plain data: they cross the IPC channel) ----------------------------------------

export interface ParticipantsSpec {
  url: string;
  workspaceId: string;
  code: string;
  /** Participant tokens from POST /workshops/:code/join, one socket and one writer each. */
  tokens: string[];
  /** Unreported phase before the measured one (same load; its entries are flagged). */
  warmupMs: number;
  /** The measured phase: entries submitted in it are the ones reported. */
  durationMs: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  /** Share of entries that are themes (the rest are organisations), 0..1. */
  themeShare: number;
  requestTimeoutMs: number;
  joinTimeoutMs: number;
  stallMs: number;
  maxWaitMs: number;
}

/** One submitted entry (parallel arrays, index = entry). */
export interface SubmittedEntries {
  name: string[];
  type: ('Organisation' | 'Theme')[];
  /** Index into ParticipantsSpec.tokens. */
  participant: number[];
  warmup: boolean[];
  /** monoMs just before the POST was written. */
  sentAt: number[];
  /** The same moment by the wall clock (Date.now()), to compare with the change's `at` stamped by the API. */
  sentWall: number[];
  /** monoMs of the HTTP answer (NaN: none). */
  answeredAt: number[];
  /** Answered 202 (or 201). */
  accepted: boolean[];
}

export interface ParticipantsResult {
  joined: number;
  joinMs: number;
  /** The highest presence count seen in the 'workshop:join' acknowledgements. */
  presenceMax: number;
  entries: SubmittedEntries;
  /** monoMs when the measured phase started and when the last participant stopped submitting. */
  measureFrom: number;
  sendEnd: number;
  /**
   * Submits sent a second time (same Idempotency-Key) because the first met a keep-alive connection the
   * server had just closed; their latency includes the retry.
   */
  retriedSubmits: number;
  httpErrors: number;
  /** Failed submits by kind ("HTTP 423 WORKSHOP_PAUSED", "network: ..."). */
  httpErrorKinds: Record<string, number>;
  firstHttpError?: string;
  /** Every delivery of a measured, accepted entry to a participant's socket: submit -> 'node:created'. */
  deliveries: Percentiles;
  deliveriesExpected: number;
  socketDrops: number;
  /** How far a participant's submit fell behind its timer at worst (this process's own lag). */
  scheduleLagMaxMs: number;
  process: ProcessSample;
  incomplete?: string;
}

export interface ProjectorSpec {
  url: string;
  workspaceId: string;
  joinTimeoutMs: number;
}

export interface ProjectorEvent {
  name: string;
  type: string;
  /** monoMs of receipt. */
  at: number;
  /** Wall clock (ms) of receipt, and the change's `at` (when the API accepted it) by the API's wall clock. */
  wallAt: number;
  changeAt: number;
  seq: number;
  actor: string;
  workshopId?: string;
}

export interface ProjectorResult {
  joinMs: number;
  /** Every 'node:created' of the workspace, in arrival order. */
  events: ProjectorEvent[];
  failedEvents: number;
  firstFailure?: string;
  socketDrops: number;
  process: ProcessSample;
  incomplete?: string;
}

// ---- unique Finnish names with ä, ö or å -------------------------------------------------------------

/** Places in the genitive; every one has ä, ö or å. */
const PLACES = [
  'Jyväskylän',
  'Hämeenlinnan',
  'Äänekosken',
  'Pyhäjärven',
  'Järvenpään',
  'Mäntsälän',
  'Kökarin',
  'Föglön',
  'Närpiön',
  'Härmän',
  'Sääksmäen',
  'Vöyrin',
  'Vårdön',
  'Brändön',
  'Pedersören',
  'Ingån',
  'Sjundeån',
  'Säkylän',
  'Kemijärven',
  'Ylöjärven',
  'Hyvinkään',
  'Jämsän',
  'Kälviän',
  'Pöytyän',
  'Töölön',
  'Käpylän',
];
const ORG_WORDS = [
  'kehitysyhtiö',
  'yrityspalvelut',
  'teknologiakeskus',
  'kiertotalouskeskus',
  'akkuosaamiskeskus',
  'ammattiopisto',
  'energiayhtiö',
  'tutkimusasema',
  'satamayhtiö',
  'työväenopisto',
  'kyläyhdistys',
  'metallipaja',
];
const ORG_TYPES = ['development_company', 'company', 'research_institute', 'vocational_college', 'cluster_organisation', 'other'];
const THEMES = [
  'Kiertotalous',
  'Sähköistyminen',
  'Akkumateriaalien kierrätys',
  'Vedyntuotanto',
  'Älykäs liikenne',
  'Työvoiman saatavuus',
  'Ympäristövaikutusten arviointi',
  'Metsäbiotalous',
  'Energiatehokkuus',
  'Hiilineutraalius',
  'Osaamisen kehittäminen',
  'Mineraalien jalostus',
  'Digitaalinen kaksonen',
];

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];

/** Unique in the workspace after the add-or-get normalisation too (the numbers are separate words). */
function entryName(type: 'Organisation' | 'Theme', participant: number, k: number): string {
  const suffix = `${participant + 1}-${k + 1}`;
  const name =
    type === 'Organisation' ? `${pick(PLACES)} ${pick(ORG_WORDS)} ${suffix}` : `${pick(THEMES)} ${pick(PLACES)} seudulla ${suffix}`;
  return name.normalize('NFC');
}

// ---- participants ------------------------------------------------------------------------------------------

async function joinWorkshop(socket: ClientSocket, code: string, token: string, timeoutMs: number): Promise<WorkshopJoinAck & { ok: true }> {
  const ack: WorkshopJoinAck = await socket.timeout(timeoutMs).emitWithAck('workshop:join', { code, participantToken: token });
  if (!ack.ok) throw new Error(`workshop:join refused: ${ack.code} ${ack.message}`);
  return ack;
}

export async function runParticipants(spec: ParticipantsSpec): Promise<ParticipantsResult> {
  const n = spec.tokens.length;
  const e: SubmittedEntries = { name: [], type: [], participant: [], warmup: [], sentAt: [], sentWall: [], answeredAt: [], accepted: [] };
  const byName = new Map<string, number>();
  const http = new KeepAliveClient(spec.url, n);
  const sockets: ClientSocket[] = [];
  let socketDrops = 0;
  let running = false;

  try {
    // ---- every participant joins the workspace room and the workshop, 20 at a time
    const joinStarted = monoMs();
    let presenceMax = 0;
    for (let i = 0; i < n; i += 20) {
      const group = await Promise.all(
        spec.tokens.slice(i, i + 20).map(async (token) => {
          const socket = await connectAndJoin(spec.url, spec.workspaceId, spec.joinTimeoutMs, true);
          try {
            const ack = await joinWorkshop(socket, spec.code, token, spec.joinTimeoutMs);
            presenceMax = Math.max(presenceMax, ack.presence.count);
            return socket;
          } catch (err) {
            socket.disconnect();
            throw err;
          }
        }),
      );
      sockets.push(...group);
    }
    const joinMs = monoMs() - joinStarted;
    for (const s of sockets) s.on('disconnect', () => running && socketDrops++);

    let progressAt = monoMs();
    const seenBy = sockets.map(() => new Set<number>());
    const deliveryMs: number[] = [];
    sockets.forEach((socket, p) => {
      const seen = seenBy[p];
      onNodeCreated(socket, (change) => {
        const now = monoMs();
        const i = byName.get(String(change.node.name).normalize('NFC'));
        if (i === undefined || seen.has(i)) return;
        seen.add(i);
        progressAt = now;
        if (!e.warmup[i]) deliveryMs.push(now - e.sentAt[i]);
      });
    });

    // ---- the load: every participant on its own random timer
    const monitor = monitorProcess();
    let httpErrors = 0;
    let retriedSubmits = 0;
    const httpErrorKinds: Record<string, number> = {};
    let firstHttpError: string | undefined;
    let scheduleLagMaxMs = 0;
    const inFlight = new Set<Promise<void>>();
    const perParticipant = new Int32Array(n);
    const t0 = monoMs();
    const measureFrom = t0 + spec.warmupMs;
    const endAt = measureFrom + spec.durationMs;
    const interval = () => spec.minIntervalMs + Math.random() * (spec.maxIntervalMs - spec.minIntervalMs);
    running = true;

    const fail = (kind: string, detail: string) => {
      httpErrors++;
      httpErrorKinds[kind] = (httpErrorKinds[kind] ?? 0) + 1;
      firstHttpError ??= detail;
    };

    const submit = (p: number) => {
      const i = e.name.length;
      const type = Math.random() < spec.themeShare ? 'Theme' : 'Organisation';
      const name = entryName(type, p, perParticipant[p]++);
      const body = JSON.stringify(type === 'Organisation' ? { name, orgType: pick(ORG_TYPES) } : { name, kind: 'topic' });
      const path = `/api/v1/workspaces/${encodeURIComponent(spec.workspaceId)}/${type === 'Organisation' ? 'organisations' : 'themes'}`;
      const headers = { 'x-participant-token': spec.tokens[p], 'idempotency-key': randomUUID() };
      byName.set(name, i);
      const now = monoMs();
      e.name.push(name);
      e.type.push(type);
      e.participant.push(p);
      e.warmup.push(now < measureFrom);
      e.sentAt.push(now);
      e.sentWall.push(Date.now());
      e.answeredAt.push(NaN);
      e.accepted.push(false);
      const request = http.post(path, body, spec.requestTimeoutMs, headers, { retryStaleSocket: true }).then(
        (answer) => {
          e.answeredAt[i] = progressAt = monoMs();
          if (answer.retried) retriedSubmits++;
          if (answer.status === 202 || answer.status === 201) {
            e.accepted[i] = true;
            return;
          }
          let code = '';
          try {
            code = (JSON.parse(answer.text) as { error?: { code?: string } }).error?.code ?? '';
          } catch {
            /* not JSON */
          }
          fail(`HTTP ${answer.status}${code ? ` ${code}` : ''}`, `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
        },
        (err: Error) => fail(`network: ${err.message.slice(0, 80)}`, err.message),
      );
      const tracked = request.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    };

    await new Promise<void>((resolve) => {
      let active = n;
      const schedule = (p: number, due: number) => {
        if (due >= endAt) {
          if (--active === 0) resolve();
          return;
        }
        setTimeout(
          () => {
            scheduleLagMaxMs = Math.max(scheduleLagMaxMs, monoMs() - due);
            submit(p);
            schedule(p, due + interval());
          },
          Math.max(0, due - monoMs()),
        );
      };
      // The first entries are spread over the first maxInterval, not all at t0.
      for (let p = 0; p < n; p++) schedule(p, t0 + Math.random() * spec.maxIntervalMs);
    });
    const sendEnd = monoMs();
    await Promise.all([...inFlight]);

    // ---- wait until every participant has every accepted entry
    let expected = 0;
    let measuredAccepted = 0;
    e.accepted.forEach((ok, i) => {
      if (!ok) return;
      expected += n;
      if (!e.warmup[i]) measuredAccepted++;
    });
    const incomplete = await waitUntil(
      () => seenBy.reduce((sum, s) => sum + s.size, 0) >= expected,
      () => progressAt,
      spec.stallMs,
      spec.maxWaitMs,
    );
    running = false;
    return {
      joined: sockets.length,
      joinMs,
      presenceMax,
      entries: e,
      measureFrom,
      sendEnd,
      retriedSubmits,
      httpErrors,
      httpErrorKinds,
      firstHttpError,
      deliveries: percentiles(deliveryMs),
      deliveriesExpected: measuredAccepted * n,
      socketDrops,
      scheduleLagMaxMs,
      process: monitor.stop(),
      incomplete,
    };
  } finally {
    running = false;
    for (const s of sockets) s.disconnect();
    http.close();
  }
}

// ---- the projector ---------------------------------------------------------------------------------------

let projector:
  | {
      socket: ClientSocket;
      result: Omit<ProjectorResult, 'process' | 'incomplete'>;
      monitor: { stop(): ProcessSample };
      progressAt: number;
      running: boolean;
    }
  | undefined;

/** Connects and joins the workspace room, then records every 'node:created' until finishProjector. */
export async function startProjector(spec: ProjectorSpec): Promise<{ joinMs: number }> {
  if (projector) throw new Error('the projector is already running');
  const started = monoMs();
  const socket = await connectAndJoin(spec.url, spec.workspaceId, spec.joinTimeoutMs, true);
  const joinMs = monoMs() - started;
  const state = {
    socket,
    result: { joinMs, events: [] as ProjectorEvent[], failedEvents: 0, firstFailure: undefined as string | undefined, socketDrops: 0 },
    monitor: monitorProcess(),
    progressAt: monoMs(),
    running: true,
  };
  projector = state;
  onNodeCreated(socket, (change) => {
    const at = monoMs();
    const wallAt = Date.now();
    if (change.workspaceId !== spec.workspaceId) return;
    state.progressAt = at;
    state.result.events.push({
      name: String(change.node.name).normalize('NFC'),
      type: change.node.type,
      at,
      wallAt,
      changeAt: Date.parse(change.at),
      seq: change.seq,
      actor: change.actor,
      workshopId: change.workshopId,
    });
  });
  socket.on('change:failed', (failure) => {
    if (failure.workspaceId !== spec.workspaceId) return;
    state.progressAt = monoMs();
    state.result.failedEvents++;
    state.result.firstFailure ??= `${failure.code}: ${failure.reason}`;
  });
  socket.on('disconnect', () => state.running && state.result.socketDrops++);
  return { joinMs };
}

/** Waits (bounded) until the projector has an event for each of these names, then stops and reports. */
export async function finishProjector(spec: { names: string[]; stallMs: number; maxWaitMs: number }): Promise<ProjectorResult> {
  const state = projector;
  if (!state) throw new Error('the projector was not started');
  try {
    const wanted = new Set(spec.names);
    let scanned = 0;
    const incomplete = await waitUntil(
      () => {
        for (; scanned < state.result.events.length; scanned++) wanted.delete(state.result.events[scanned].name);
        return wanted.size === 0;
      },
      () => state.progressAt,
      spec.stallMs,
      spec.maxWaitMs,
    );
    state.running = false;
    return { ...state.result, process: state.monitor.stop(), incomplete };
  } finally {
    state.running = false;
    state.socket.disconnect();
    projector = undefined;
  }
}
