/**
 * Verkosto workshop benchmark: a live network-mapping workshop with many participants. A facilitator
 * registers, creates a fresh workspace and a workshop (Organisation and Theme allowed), N participants
 * join over HTTP; then N participant socket.io clients (each in the workspace room and in the workshop)
 * add an organisation or a theme with a unique Finnish name every few seconds, and one projector client
 * (workspace room only) receives the map changes. Prints submit -> projector 'node:created' latency
 * (p50/p95/p99, target p99 < 250 ms), entry counts, errors, and the memory of the API + worker process.
 * See bench/README.md.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/workshop.ts [options]
 *
 * The API and worker run in THIS process (as in bench/run.ts); the participants and the projector each
 * run in a forked child process of their own (bench/load-child.ts) unless --inline. Exit code: 0 when the run completed
 * without errors, 1 on any error, 2 with --strict when the target was missed.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig, type Config } from '../api/infra/config';
import { UsageError } from './args';
import { startBench } from './bench-start';
import { inPool } from './http';
import { childRunner, inlineRunner } from './load-runner';
import { benchPrefix, deadline, deleteWorkspaces, envOf, monitorProcess, preflight, startStack, type ProcessSample } from './stack';
import { fmtInt, fmtMb, fmtMs, percentiles, table, type Percentiles } from './stats';
import type { ParticipantsResult, ParticipantsSpec, ProjectorResult } from './workshop-load';

const REQUEST_TIMEOUT_MS = 30_000;
const say = (line = '') => process.stdout.write(`${line}\n`);

// ---- options ---------------------------------------------------------------------------------------

interface WorkshopOptions {
  participants: number;
  durationS: number;
  warmupS: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  themePercent: number;
  targetP99Ms: number;
  joinConcurrency: number;
  loadNice: number;
  stallMs: number;
  maxRunMs: number;
  inline: boolean;
  keepData: boolean;
  strict: boolean;
}

const NUMERIC: Record<string, keyof WorkshopOptions> = {
  participants: 'participants',
  'duration-s': 'durationS',
  'warmup-s': 'warmupS',
  'min-interval-ms': 'minIntervalMs',
  'max-interval-ms': 'maxIntervalMs',
  'theme-percent': 'themePercent',
  'target-p99-ms': 'targetP99Ms',
  'join-concurrency': 'joinConcurrency',
  'load-nice': 'loadNice',
  'stall-ms': 'stallMs',
  'max-run-s': 'maxRunMs',
};
const FLAGS: Record<string, 'inline' | 'keepData' | 'strict'> = { inline: 'inline', 'keep-data': 'keepData', strict: 'strict' };

const USAGE = `usage: npx tsx bench/workshop.ts [options]
  --participants N       participant socket.io clients, each joined over HTTP first (default 200)
  --duration-s N         measured phase in seconds (default 60)
  --warmup-s N           unreported phase before it, same load (default 5; 0 = none)
  --min-interval-ms N    each participant adds an entry every min..max ms, uniformly random (default 2000)
  --max-interval-ms N    (default 5000)
  --theme-percent N      share of entries that are themes, the rest organisations (default 50)
  --target-p99-ms N      target for submit -> projector node:created p99 (default 250)
  --join-concurrency N   participant HTTP joins in flight during setup (default 20)
  --load-nice N          run the participants' process at this nice value (1..19; default 0 = as
                         the rest): on a small machine their CPU, which real devices would bring,
                         then yields to the server, Neo4j and Redis
  --stall-ms N           give up waiting for events when none came for this long (default 30000)
  --max-run-s N          hard limit for the whole run in seconds (default 600)
  --inline               run the participants and the projector in the server process
  --keep-data            keep the benchmark workspace, workshop and facilitator in Neo4j
  --strict               exit 2 when the target is not met`;

function parseWorkshopArgs(argv: string[]): WorkshopOptions {
  const opts: WorkshopOptions = {
    participants: 200,
    durationS: 60,
    warmupS: 5,
    minIntervalMs: 2000,
    maxIntervalMs: 5000,
    themePercent: 50,
    targetP99Ms: 250,
    joinConcurrency: 20,
    loadNice: 0,
    stallMs: 30_000,
    maxRunMs: 600,
    inline: false,
    keepData: false,
    strict: false,
  };
  const args = [...argv];
  while (args.length) {
    const arg = args.shift()!;
    if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"\n${USAGE}`);
    const [, name, inlineValue] = m;
    if (name in FLAGS) {
      opts[FLAGS[name]] = inlineValue === undefined ? true : inlineValue !== 'false';
      continue;
    }
    const key = NUMERIC[name];
    if (!key) throw new UsageError(`unknown option --${name}\n${USAGE}`);
    const value = inlineValue ?? args.shift();
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0)
      throw new UsageError(`--${name} expects a whole number, got "${value ?? ''}"`);
    (opts as unknown as Record<string, number>)[key] = n;
  }
  if (opts.participants < 1) throw new UsageError('--participants must be at least 1');
  if (opts.durationS < 1) throw new UsageError('--duration-s must be at least 1');
  if (opts.minIntervalMs < 100 || opts.maxIntervalMs < opts.minIntervalMs)
    throw new UsageError('--min-interval-ms must be at least 100 and --max-interval-ms at least --min-interval-ms');
  if (opts.themePercent > 100) throw new UsageError('--theme-percent must be 0..100');
  if (opts.joinConcurrency < 1) throw new UsageError('--join-concurrency must be at least 1');
  if (opts.loadNice > 19) throw new UsageError('--load-nice must be 0..19');
  if (opts.loadNice && opts.inline) throw new UsageError('--load-nice needs the participants in a child process (not --inline)');
  opts.maxRunMs *= 1000;
  return opts;
}

// ---- setup over HTTP (in this process; not measured) -------------------------------------------------

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function request(url: string, method: 'GET' | 'POST', body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

function expect(answer: Answer, status: number, what: string): Record<string, unknown> {
  if (answer.status !== status) throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer.body;
}

interface Setup {
  workspaceId: string;
  workshopId: string;
  code: string;
  cookie: string;
  participants: { participantId: string; token: string }[];
  joinHttpMs: number;
}

const PARTICIPANT_NAMES = ['Äijälä', 'Mäkinen', 'Sjöberg', 'Hämäläinen', 'Öhman', 'Åström', 'Järvinen', 'Pöllänen', 'Kärkkäinen', 'Ström'];

async function setUp(url: string, runId: string, email: string, opts: WorkshopOptions, track: { workspaces: string[] }): Promise<Setup> {
  const register = await request(`${url}/api/v1/auth/register`, 'POST', {
    email,
    password: `bench-${randomUUID()}`,
    displayName: `Fasilitaattori ${runId}`,
  });
  expect(register, 201, 'registering the facilitator');
  const cookie = (register.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('verkosto_session='));
  if (!cookie) throw new Error('registering the facilitator: no verkosto_session cookie in the answer');

  const workspaceId = `bench-${runId}-workshop`;
  track.workspaces.push(workspaceId);
  expect(
    await request(`${url}/api/v1/workspaces?wait=true`, 'POST', { id: workspaceId, name: `Työpaja-benchmark ${runId}` }),
    201,
    `creating workspace ${workspaceId}`,
  );

  const endsAt = new Date(Date.now() + 3 * 3600 * 1000).toISOString();
  const workshop = expect(
    await request(
      `${url}/api/v1/workspaces/${encodeURIComponent(workspaceId)}/workshops`,
      'POST',
      { title: `Verkostotyöpaja ${runId}: yhteistyö ja kiertotalous`, language: 'fi', endsAt, allowedTypes: ['Organisation', 'Theme'] },
      { cookie },
    ),
    201,
    'creating the workshop',
  );
  const code = String(workshop.code);
  const workshopId = String(workshop.id);

  const participants: Setup['participants'] = new Array(opts.participants);
  const started = performance.now();
  await inPool(opts.participants, opts.joinConcurrency, async (i) => {
    const body = expect(
      await request(`${url}/api/v1/workshops/${code}/join`, 'POST', {
        displayName: `${PARTICIPANT_NAMES[i % PARTICIPANT_NAMES.length]} ${i + 1}`,
      }),
      201,
      `participant ${i + 1} joining workshop ${code}`,
    );
    participants[i] = { participantId: String(body.participantId), token: String(body.token) };
  });
  return { workspaceId, workshopId, code, cookie, participants, joinHttpMs: performance.now() - started };
}

// ---- analysis and report ---------------------------------------------------------------------------------

interface Summary {
  participantsJoined: number;
  counts: { organisations: number; themes: number };
}

interface Figures {
  measured: { submitted: number; accepted: number; organisations: number; themes: number; perS: number };
  warmup: { submitted: number; accepted: number };
  http: Percentiles;
  projector: Percentiles;
  /** The projector's latency in two parts, by the wall clock (ms resolution): submit -> change's `at`, `at` -> receipt. */
  toAccepted: Percentiles;
  acceptedToProjector: Percentiles;
  problems: string[];
}

/** Joins what the participants sent with what the projector received (by name; one clock: monoMs). */
function analyse(setup: Setup, p: ParticipantsResult, pj: ProjectorResult): Figures {
  const e = p.entries;
  const problems: string[] = [];
  const index = new Map(e.name.map((name, i) => [name, i]));
  const receivedAt = new Array<number>(e.name.length).fill(NaN);
  const event = new Array<ProjectorResult['events'][number] | undefined>(e.name.length);
  let duplicates = 0;
  let unknown = 0;
  let mismatches = 0;
  let firstMismatch = '';
  let seqInOrder = true;
  let seqGaps = 0;
  pj.events.forEach((ev, k) => {
    if (k > 0) {
      const prev = pj.events[k - 1].seq;
      if (ev.seq <= prev) seqInOrder = false;
      else if (ev.seq !== prev + 1) seqGaps++;
    }
    const i = index.get(ev.name);
    if (i === undefined) return void unknown++;
    if (!Number.isNaN(receivedAt[i])) return void duplicates++;
    receivedAt[i] = ev.at;
    event[i] = ev;
    const wrong =
      ev.workshopId !== setup.workshopId
        ? `workshopId ${ev.workshopId}`
        : ev.actor !== `participant:${setup.participants[e.participant[i]].participantId}`
          ? `actor ${ev.actor}`
          : ev.type !== e.type[i]
            ? `type ${ev.type}`
            : '';
    if (wrong) {
      mismatches++;
      firstMismatch ||= `"${ev.name}": ${wrong}`;
    }
  });
  const all = e.name.map((_, i) => i);
  const measured = all.filter((i) => !e.warmup[i]);
  const accepted = measured.filter((i) => e.accepted[i]);
  const warmAccepted = all.filter((i) => e.warmup[i] && e.accepted[i]).length;
  const missing = all.filter((i) => e.accepted[i] && Number.isNaN(receivedAt[i])).length;

  if (p.httpErrors)
    problems.push(
      `${p.httpErrors} failed submits (${Object.entries(p.httpErrorKinds)
        .map(([k, v]) => `${v} x ${k}`)
        .join(', ')}); first: ${p.firstHttpError}`,
    );
  if (pj.failedEvents) problems.push(`${pj.failedEvents} change:failed events, first: ${pj.firstFailure}`);
  if (missing) problems.push(`${missing} accepted entries never reached the projector`);
  if (duplicates) problems.push(`${duplicates} duplicate node:created at the projector`);
  if (unknown) problems.push(`${unknown} node:created events at the projector matching no submitted name`);
  if (mismatches) problems.push(`${mismatches} events with the wrong workshop, actor or type; first: ${firstMismatch}`);
  if (!seqInOrder) problems.push('events reached the projector out of seq order');
  if (seqGaps) problems.push(`${seqGaps} gaps in seq at the projector`);
  if (p.deliveries.n < p.deliveriesExpected) problems.push(`${p.deliveriesExpected - p.deliveries.n} deliveries to participants missing`);
  if (p.socketDrops + pj.socketDrops) problems.push(`${p.socketDrops + pj.socketDrops} sockets disconnected during the run`);
  if (p.presenceMax !== p.joined) problems.push(`presence count reached ${p.presenceMax}, ${p.joined} joined`);
  if (p.incomplete) problems.push(`participants waiting for events: ${p.incomplete}`);
  if (pj.incomplete) problems.push(`projector waiting for events: ${pj.incomplete}`);

  return {
    measured: {
      submitted: measured.length,
      accepted: accepted.length,
      organisations: accepted.filter((i) => e.type[i] === 'Organisation').length,
      themes: accepted.filter((i) => e.type[i] === 'Theme').length,
      perS: accepted.length / ((p.sendEnd - p.measureFrom) / 1000),
    },
    warmup: { submitted: all.length - measured.length, accepted: warmAccepted },
    http: percentiles(measured.map((i) => e.answeredAt[i] - e.sentAt[i])),
    projector: percentiles(accepted.map((i) => receivedAt[i] - e.sentAt[i])),
    toAccepted: percentiles(accepted.map((i) => (event[i] ? event[i].changeAt - e.sentWall[i] : NaN))),
    acceptedToProjector: percentiles(accepted.map((i) => (event[i] ? event[i].wallAt - event[i].changeAt : NaN))),
    problems,
  };
}

function report(
  opts: WorkshopOptions,
  setup: Setup,
  p: ParticipantsResult,
  pj: ProjectorResult,
  server: ProcessSample,
  summary: Summary | string,
  where: { participants: string; projector: string },
): { problems: string[]; targetMet: boolean } {
  const f = analyse(setup, p, pj);
  const m = f.measured;
  say();
  say(
    `== Workshop: ${p.joined} participants + 1 projector; each participant adds an entry every ` +
      `${opts.minIntervalMs / 1000}-${opts.maxIntervalMs / 1000} s for ${opts.durationS} s` +
      `${opts.warmupS ? ` (after a ${opts.warmupS} s warm-up, not reported)` : ''} ==`,
  );
  say(
    `setup: workspace ${setup.workspaceId}, workshop ${setup.code} (allowedTypes Organisation, Theme); ` +
      `${setup.participants.length} participants joined over HTTP in ${fmtMs(setup.joinHttpMs)} ms; ` +
      `projector socket joined in ${fmtMs(pj.joinMs)} ms; ${p.joined} participant sockets joined (workspace:join + workshop:join) in ${fmtMs(p.joinMs)} ms; ` +
      `highest presence count seen: ${p.presenceMax}`,
  );
  say(
    `entries (measured phase): ${fmtInt(m.submitted)} submitted, ${fmtInt(m.accepted)} accepted ` +
      `(${fmtInt(m.organisations)} organisations, ${fmtInt(m.themes)} themes) = ${m.perS.toFixed(1)} entries/s; ` +
      `warm-up: ${fmtInt(f.warmup.submitted)} submitted, ${fmtInt(f.warmup.accepted)} accepted`,
  );
  if (p.retriedSubmits)
    say(
      `  ${p.retriedSubmits} submits were sent twice (same Idempotency-Key): the first attempt met a keep-alive connection the server had just closed; their latency includes the retry`,
    );
  if (typeof summary === 'string') {
    say(`workshop summary: ${summary}`);
    f.problems.push(`workshop summary ${summary}`);
  } else {
    const stored = summary.counts.organisations + summary.counts.themes;
    const expected = m.accepted + f.warmup.accepted;
    say(
      `workshop summary (GET /workshops/${setup.code}/summary): ${summary.participantsJoined} participants joined, ` +
        `${fmtInt(summary.counts.organisations)} organisations + ${fmtInt(summary.counts.themes)} themes stored ` +
        `(${stored === expected ? 'matches' : 'does NOT match'} the ${fmtInt(expected)} accepted)`,
    );
    if (stored !== expected) f.problems.push(`summary has ${stored} entries, ${expected} were accepted`);
    if (summary.participantsJoined !== setup.participants.length)
      f.problems.push(`summary has ${summary.participantsJoined} participants joined, ${setup.participants.length} joined`);
  }

  const p99 = f.projector.n ? f.projector.p99 : NaN;
  const targetMet = Number.isFinite(p99) && p99 < opts.targetP99Ms;
  const row = (label: string, q: Percentiles, target: boolean) => [
    label,
    fmtInt(q.n),
    fmtMs(q.p50),
    fmtMs(q.p95),
    fmtMs(q.p99),
    fmtMs(q.max),
    target ? `p99 < ${opts.targetP99Ms}` : '-',
    target ? (targetMet ? 'met' : 'NOT met') : '-',
  ];
  say();
  say(
    table(
      ['measure (ms), measured entries', 'samples', 'p50', 'p95', 'p99', 'max', 'target', ''],
      [
        row('submit -> HTTP answer (202)', f.http, false),
        row('submit -> node:created at the projector', f.projector, true),
        row('  part 1: submit -> API accepted it (change.at)', f.toAccepted, false),
        row('  part 2: change.at -> projector (queue, worker, Neo4j, Redis, socket.io)', f.acceptedToProjector, false),
        row('submit -> node:created at each participant', p.deliveries, false),
      ],
    ),
  );
  say(
    `  submit: just before the participant's POST is written (participants' process); projector receipt: in the projector's own process; ` +
      `one clock (CLOCK_MONOTONIC). Parts 1 and 2 split it at the change's \`at\` (stamped by the API route after its checks, ` +
      `before queueing) by the wall clock, to the millisecond; their percentiles are each their own (they do not add up). HTTP answers and participant deliveries are taken in the participants' process, where ${p.joined} ` +
      `clients share one event loop (see its loop delay below): those two rows include that process's own queueing. ` +
      `Participant deliveries: ${fmtInt(p.deliveries.n)} of ${fmtInt(p.deliveriesExpected)} expected.`,
  );
  say(
    `errors: ${
      f.problems.length
        ? f.problems.join('; ')
        : 'none (no HTTP errors, no change:failed, every accepted entry reached the projector once and every participant, with its workshopId, participant actor and type; seq in order without gaps; names with ä/ö/å intact)'
    }`,
  );

  say();
  say(
    '== Processes: the API and the worker run in-process, together in this one Node process (as in bench/run.ts; in production they are separate) ==',
  );
  const procRow = (label: string, s: ProcessSample) => [
    label,
    fmtMb(s.rssStart),
    fmtMb(s.rssPeak),
    fmtMb(s.rssEnd),
    fmtMb(s.heapStart),
    fmtMb(s.heapPeak),
    fmtMb(s.heapEnd),
    `${Math.round(s.cpuPercent)} %`,
    fmtMs(s.loopP99Ms),
    fmtMs(s.loopMaxMs),
  ];
  say(
    table(
      ['process', 'RSS start', 'RSS peak', 'RSS end', 'heap start', 'heap peak', 'heap end', 'CPU', 'loop p99 ms', 'loop max ms'],
      [
        procRow(`API + worker (this process, pid ${process.pid})`, server),
        procRow(`participants' load generator`, p.process),
        procRow(`projector`, pj.process),
      ],
    ),
  );
  const separate = !opts.inline;
  say(
    `  Sampled every 50 ms while the load ran (API + worker: from the sockets' joins until the projector had every entry); heap = V8 heapUsed; ` +
      `CPU = user+system time over wall time (100 % = one core of ${os.cpus().length}). Participants ${where.participants}; projector ${where.projector}.`,
  );
  const ours = (server.cpuPercent + (separate ? p.process.cpuPercent + pj.process.cpuPercent : 0)) / os.cpus().length;
  say(
    `  Machine meanwhile: all ${os.cpus().length} CPUs ${Math.round(server.machineBusyPercent)} % busy, of which these processes ` +
      `~${Math.round(ours)} % and everything else (Neo4j, Redis, other programs) ~${Math.max(0, Math.round(server.machineBusyPercent - ours))} %; ` +
      `load average at the end ${server.loadAvg.toFixed(2)}.`,
  );
  return { problems: f.problems, targetMet };
}

// ---- main ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const base = loadConfig();
  const opts = startBench('Verkosto workshop benchmark', parseWorkshopArgs, base);
  if (typeof opts === 'number') return opts;
  const runId = randomUUID().slice(0, 8);

  await preflight(base);
  const quiet = ['fatal', 'error', 'silent'].includes(base.LOG_LEVEL) ? base.LOG_LEVEL : 'warn';
  const config: Config = loadConfig({
    ...envOf(base),
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_PREFIX: `${benchPrefix(base, runId)}-workshop`,
    SEED_DEMO: 'false',
    LOG_LEVEL: quiet,
  });
  const email = `bench-${runId}@verkosto-bench.example`;
  const track = { workspaces: [] as string[] };

  // Participants and projector each in a child process of their own (--inline: both in this one).
  const participantsLoad = opts.inline ? inlineRunner() : await childRunner(base.rootDir);
  const projectorLoad = opts.inline
    ? participantsLoad
    : await childRunner(base.rootDir).catch(async (err: Error) => {
        await participantsLoad.close();
        throw err;
      });
  if (opts.loadNice) {
    if (participantsLoad.pid !== undefined) os.setPriority(participantsLoad.pid, opts.loadNice);
  }
  const where = {
    participants: `${participantsLoad.where}${opts.loadNice ? `, at nice ${opts.loadNice}` : ''}`,
    projector: projectorLoad.where,
  };
  say(
    `API + worker: in this process (pid ${process.pid}), port 0, Redis prefix ${config.REDIS_PREFIX}; ` +
      `participants: ${where.participants}; projector: ${where.projector}`,
  );
  let outcome: { problems: string[]; targetMet: boolean } | undefined;
  let failure: string | undefined;
  try {
    const stack = await startStack(config);
    try {
      const setup = await setUp(stack.api.url, runId, email, opts, track);
      say(`- setup done: workshop ${setup.code}, ${setup.participants.length} participants joined over HTTP; running the load ...`);
      const monitor = monitorProcess();
      const maxWaitMs = 120_000;
      await projectorLoad.projectorStart({ url: stack.api.url, workspaceId: setup.workspaceId, joinTimeoutMs: 15_000 }, 30_000);
      let participants: ParticipantsResult;
      try {
        const spec: ParticipantsSpec = {
          url: stack.api.url,
          workspaceId: setup.workspaceId,
          code: setup.code,
          tokens: setup.participants.map((x) => x.token),
          warmupMs: opts.warmupS * 1000,
          durationMs: opts.durationS * 1000,
          minIntervalMs: opts.minIntervalMs,
          maxIntervalMs: opts.maxIntervalMs,
          themeShare: opts.themePercent / 100,
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
          joinTimeoutMs: 15_000,
          stallMs: opts.stallMs,
          maxWaitMs,
        };
        const joinBudgetMs = 15_000 * (Math.ceil(opts.participants / 20) + 1);
        participants = await participantsLoad.workshopParticipants(
          spec,
          joinBudgetMs + spec.warmupMs + spec.durationMs + REQUEST_TIMEOUT_MS + maxWaitMs + 60_000,
        );
      } catch (err) {
        await projectorLoad.projectorFinish({ names: [], stallMs: 0, maxWaitMs: 0 }, 10_000).catch(() => {});
        throw err;
      }
      const names = participants.entries.name.filter((_, i) => participants.entries.accepted[i]);
      const projector = await projectorLoad.projectorFinish({ names, stallMs: opts.stallMs, maxWaitMs }, maxWaitMs + 30_000);
      const server = monitor.stop();
      const summary = await request(`${stack.api.url}/api/v1/workshops/${setup.code}/summary`, 'GET', undefined, {
        cookie: setup.cookie,
      }).then(
        (a) => (a.status === 200 ? (a.body as unknown as Summary) : `HTTP ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`),
        (err: Error) => `could not be read: ${err.message}`,
      );
      outcome = report(opts, setup, participants, projector, server, summary, where);
    } finally {
      await stack.close().catch((err: Error) => say(`(closing the API and worker: ${err.message})`));
    }
  } catch (err) {
    failure = (err as Error).message;
    say(`FAILED: ${failure}`);
  } finally {
    await participantsLoad.close();
    if (projectorLoad !== participantsLoad) await projectorLoad.close();
    if (!opts.keepData) {
      await deadline(deleteWorkspaces(base, track.workspaces, [email]), 150_000, 'cleaning up Neo4j').then(
        () =>
          say(
            `cleanup: Redis keys of ${config.REDIS_PREFIX} deleted; workspace ${track.workspaces.join(', ') || '-'}, its workshop, participants and the facilitator account deleted from Neo4j`,
          ),
        (err: Error) => say(`(could not delete the benchmark data: ${err.message})`),
      );
    } else say(`--keep-data: workspace ${track.workspaces.join(', ')} and facilitator ${email} kept in Neo4j`);
  }

  say(
    `load average at end: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')} (${os.cpus().length} CPUs)`,
  );
  say();
  if (failure || !outcome) {
    say('RESULT: the run failed (see above); exit code 1');
    return 1;
  }
  const verdict = `target p99 < ${opts.targetP99Ms} ms (submit -> projector): ${outcome.targetMet ? 'met' : 'NOT met'}`;
  if (outcome.problems.length) {
    say(`RESULT: errors occurred (see above); ${verdict}; exit code 1`);
    return 1;
  }
  say(`RESULT: completed without errors; ${verdict}`);
  return opts.strict && !outcome.targetMet ? 2 : 0;
}

main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: Error) => {
    const known = err instanceof ConfigError || /does not answer|Failed to connect|did not finish/.test(err?.message ?? '');
    process.stderr.write(`bench failed: ${known ? err.message : (err?.stack ?? String(err))}\n`);
    process.exit(1);
  },
);
