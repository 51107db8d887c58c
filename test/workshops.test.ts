/**
 * Workshops against the real Neo4j, Redis and socket.io: creating one (signed-in facilitators only,
 * join code, link and QR code), its public info, the facilitator's pause/resume/close, participants
 * joining with Finnish names, the participant middleware and write-permission decision, and presence in
 * the workshop's room, also across two API processes and after a process crashed.
 */
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { WORKSHOP_CODE_ALPHABET, WORKSHOP_CODE_PATTERN, type WorkshopJoinAck, type WorkshopPresence, type WorkshopStateChange } from '../domain/workshops';
import { createGraphDb, type GraphDb } from '../api/infra/neo4j';
import { createRedis } from '../api/infra/redis';
import { redisKeys } from '../api/infra/services';
import { sha256, type SessionUser } from '../api/services/accounts';
import { generateWorkshopCode, participantWriteDecision, Workshops, type Participant } from '../api/services/workshops';
import { createWorkspace, cypher, eventually, sleep, startStack, type HttpResult, type TestSocket, type TestStack } from './support/stack';

const HEARTBEAT_MS = 400;

let stack: TestStack;
let workspaceId: string;
let otherWorkspaceId: string;
let redis: ReturnType<typeof createRedis>;
let db: GraphDb;
let service: Workshops;
let alice: { cookie: string; user: SessionUser };
let bob: { cookie: string; user: SessionUser };
const sockets: TestSocket[] = [];

beforeAll(async () => {
  stack = await startStack({ PRESENCE_HEARTBEAT_MS: HEARTBEAT_MS });
  redis = createRedis(stack.config);
  db = createGraphDb(stack.config);
  service = new Workshops(db, redis, stack.config);
  workspaceId = await createWorkspace(stack, 'Akkuklusterin työpaja');
  otherWorkspaceId = await createWorkspace(stack, 'Toinen verkosto');
  alice = await facilitator('Aila Fasilitaattori');
  bob = await facilitator('Bo Ålander');
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  redis.disconnect();
  await db.close();
  await stack.close();
});

async function facilitator(displayName: string) {
  const res = await stack.http.post('/api/v1/auth/register', { email: `f-${randomUUID().slice(0, 8)}@example.fi`, password: 'Työpaja-salasana-1', displayName });
  expect(res.status).toBe(201);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('verkosto_session='))!.split(';')[0];
  return { cookie, user: res.body.user as SessionUser };
}

const inOneHour = () => new Date(Date.now() + 3600_000).toISOString();

async function createWorkshop(overrides: Record<string, unknown> = {}, cookie = alice.cookie, ws = workspaceId): Promise<HttpResult> {
  return stack.http.post(`/api/v1/workspaces/${ws}/workshops`, { title: 'Akkuarvoketjun kartoitus', language: 'fi', endsAt: inOneHour(), allowedTypes: ['Person', 'Organisation', 'Project', 'Theme', 'relationship'], ...overrides }, { cookie });
}

async function newWorkshop(overrides: Record<string, unknown> = {}) {
  const res = await createWorkshop(overrides);
  expect(res.status).toBe(201);
  return res.body as { id: string; code: string };
}

async function joinAs(code: string, displayName: string) {
  const res = await stack.http.post(`/api/v1/workshops/${code}/join`, { displayName });
  expect(res.status).toBe(201);
  return res.body as { participantId: string; token: string; displayName: string };
}

async function connect(on: TestStack = stack, cookie?: string): Promise<TestSocket> {
  const socket: TestSocket = io(on.api.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : undefined });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const joinRoom = (socket: TestSocket, code: string, participantToken?: string): Promise<WorkshopJoinAck> =>
  socket.timeout(10_000).emitWithAck('workshop:join', { code, participantToken });

/** Presence as a client would keep it: the highest rev wins. */
function trackPresence(socket: TestSocket) {
  const state = { latest: null as WorkshopPresence | null, events: 0 };
  socket.on('workshop:presence', (p) => {
    state.events++;
    if (!state.latest || p.rev >= state.latest.rev) state.latest = p;
  });
  return state;
}
const names = (p: WorkshopPresence | null) => (p?.online ?? []).map((e) => e.displayName);

async function participantOf(code: string, displayName: string): Promise<Participant> {
  const joined = await joinAs(code, displayName);
  return (await service.resolveParticipant(joined.token))!;
}

describe('creating a workshop', () => {
  test('a signed-in facilitator gets the code, the join link and a QR code; it is stored open in Neo4j', async () => {
    const endsAt = new Date(Date.now() + 2 * 3600_000).toISOString();
    const res = await createWorkshop({ title: '  Satakunnan akkupäivä – Björneborg ', language: 'sv', endsAt, allowedTypes: ['relationship', 'Person', 'Person'] });
    expect(res.status).toBe(201);
    const w = res.body;
    expect(w).toMatchObject({
      id: expect.stringMatching(/^workshop-/),
      title: 'Satakunnan akkupäivä – Björneborg',
      language: 'sv',
      endsAt,
      allowedTypes: ['Person', 'relationship'],
      state: 'open',
      facilitatorId: alice.user.id,
      workspaceId,
    });
    expect(w.code).toMatch(WORKSHOP_CODE_PATTERN);
    expect(w.joinUrl).toBe(`${stack.api.url}/join/${w.code}`);
    expect(res.headers.get('location')).toBe(`/api/v1/workshops/${w.code}`);
    expect(w.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(w.qrSvg).toContain('<path');

    const [stored] = await cypher<Record<string, unknown>>(stack, 'MATCH (w:Workshop {code: $code}) RETURN w {.*, labels: labels(w)} AS w', { code: w.code }).then((rows) => rows.map((r) => r.w as Record<string, unknown>));
    expect(stored).toMatchObject({ id: w.id, code: w.code, state: 'open', facilitatorId: alice.user.id, workspaceId, language: 'sv', allowedTypes: ['Person', 'relationship'], labels: ['Workshop'], endsAt });
  });

  test('PUBLIC_URL, when set, is the base of the join link', async () => {
    const other = await startStack({ REDIS_PREFIX: stack.config.REDIS_PREFIX, PUBLIC_URL: 'https://verkosto.example.fi/' }, { withWorker: false });
    try {
      const res = await other.http.post(`/api/v1/workspaces/${workspaceId}/workshops`, { title: 'Linkki', language: 'en', endsAt: inOneHour(), allowedTypes: ['Person'] }, { cookie: alice.cookie });
      expect(res.status).toBe(201);
      expect(res.body.joinUrl).toBe(`https://verkosto.example.fi/join/${res.body.code}`);
    } finally {
      await other.api.close();
      await other.driver.close();
    }
  });

  test('only a signed-in facilitator may create one; the body is validated; the workspace must exist', async () => {
    const anonymous = await createWorkshop({}, '');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('NOT_SIGNED_IN');
    const forged = await createWorkshop({}, 'verkosto_session=keksitty-tunniste');
    expect(forged.status).toBe(401);

    const past = await createWorkshop({ endsAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.error.details).toEqual([{ path: 'endsAt', message: 'must be in the future' }]);
    const bad = await createWorkshop({ language: 'de', allowedTypes: ['Workspace'], endsAt: 'huomenna' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['allowedTypes.0', 'endsAt', 'language']);

    const missing = await createWorkshop({}, alice.cookie, 'ei-ole-olemassa');
    expect(missing.status).toBe(404);
  });

  test('codes are 6 characters of the unambiguous alphabet, and unique', async () => {
    for (let i = 0; i < 5000; i++) expect(generateWorkshopCode()).toMatch(WORKSHOP_CODE_PATTERN);
    expect(WORKSHOP_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    // Every character of the alphabet turns up (crypto randomness over the whole alphabet).
    const seen = new Set(Array.from({ length: 2000 }, generateWorkshopCode).join(''));
    expect([...seen].sort().join('')).toBe([...WORKSHOP_CODE_ALPHABET].sort().join(''));

    const codes = await Promise.all(Array.from({ length: 20 }, async () => (await newWorkshop()).code));
    expect(new Set(codes).size).toBe(20);
  });

  test('a code already taken is retried with another (the unique constraint decides)', async () => {
    const taken = (await newWorkshop()).code;
    const fresh = generateWorkshopCode();
    const offered = [taken, taken, fresh];
    const collide = new Workshops(db, redis, stack.config, () => offered.shift()!);
    const created = await collide.create({ workspaceId, title: 'Törmäys', language: 'fi', endsAt: inOneHour(), allowedTypes: ['Person'] }, alice.user);
    expect(created.code).toBe(fresh);
    expect(offered).toEqual([]);
    const [{ n }] = await cypher<{ n: number }>(stack, 'MATCH (w:Workshop {code: $code}) RETURN count(w) AS n', { code: taken });
    expect(n).toBe(1);
  });
});

describe('public info and the facilitator controls', () => {
  test('anyone with the code sees the public info (code in any case); unknown is 404, malformed 400', async () => {
    const { code, id } = await newWorkshop({ allowedTypes: ['Organisation', 'Theme'] });
    const res = await stack.http.get(`/api/v1/workshops/${code.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, code, title: 'Akkuarvoketjun kartoitus', language: 'fi', state: 'open', endsAt: expect.any(String), allowedTypes: ['Organisation', 'Theme'], workspaceId, joinUrl: `${stack.api.url}/join/${code}` });
    expect(res.body.facilitatorId).toBeUndefined();

    const unknown = await stack.http.get('/api/v1/workshops/ZZZZZZ');
    expect(unknown.status).toBe(404);
    expect((await stack.http.get('/api/v1/workshops/O0I1L')).status).toBe(400);
  });

  test('only its facilitator may pause, resume and close it; closed or past its end it is 410 Gone', async () => {
    const { code } = await newWorkshop();
    const notSignedIn = await stack.http.post(`/api/v1/workshops/${code}/pause`, undefined);
    expect(notSignedIn.status).toBe(401);
    const otherFacilitator = await stack.http.post(`/api/v1/workshops/${code}/pause`, undefined, { cookie: bob.cookie });
    expect(otherFacilitator.status).toBe(403);
    expect(otherFacilitator.body.error.code).toBe('NOT_FACILITATOR');
    expect((await stack.http.post(`/api/v1/workshops/${code}/close`, undefined, { cookie: bob.cookie })).status).toBe(403);

    const paused = await stack.http.post(`/api/v1/workshops/${code}/pause`, undefined, { cookie: alice.cookie });
    expect(paused.status).toBe(200);
    expect(paused.body.state).toBe('paused');
    expect((await stack.http.post(`/api/v1/workshops/${code}/pause`, undefined, { cookie: alice.cookie })).body.state).toBe('paused');
    expect((await stack.http.get(`/api/v1/workshops/${code}`)).body.state).toBe('paused');
    expect((await stack.http.post(`/api/v1/workshops/${code}/resume`, undefined, { cookie: alice.cookie })).body.state).toBe('open');

    const closed = await stack.http.post(`/api/v1/workshops/${code}/close`, undefined, { cookie: alice.cookie });
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
    const gone = await stack.http.get(`/api/v1/workshops/${code}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('WORKSHOP_CLOSED');
    const resume = await stack.http.post(`/api/v1/workshops/${code}/resume`, undefined, { cookie: alice.cookie });
    expect(resume.status).toBe(410);
    expect((await stack.http.post(`/api/v1/workshops/${code}/close`, undefined, { cookie: alice.cookie })).status).toBe(200);

    const late = await newWorkshop();
    await cypher(stack, "MATCH (w:Workshop {code: $code}) SET w.endsAt = datetime() - duration('PT1M')", { code: late.code });
    const ended = await stack.http.get(`/api/v1/workshops/${late.code}`);
    expect(ended.status).toBe(410);
    expect(ended.body.error.code).toBe('WORKSHOP_ENDED');
    expect((await stack.http.post(`/api/v1/workshops/${late.code}/pause`, undefined, { cookie: alice.cookie })).status).toBe(410);
  });

  test('pause, resume and close are pushed to everyone in the workshop room', async () => {
    const { code, id } = await newWorkshop();
    const participant = await joinAs(code, 'Matti Meikäläinen');
    const phone = await connect();
    const screen = await connect(stack, alice.cookie);
    expect(await joinRoom(phone, code, participant.token)).toMatchObject({ ok: true, role: 'participant' });
    expect(await joinRoom(screen, code)).toMatchObject({ ok: true, role: 'facilitator' });
    const seen: WorkshopStateChange[][] = [[], []];
    phone.on('workshop:state', (s) => seen[0].push(s));
    screen.on('workshop:state', (s) => seen[1].push(s));

    for (const action of ['pause', 'resume', 'close']) {
      expect((await stack.http.post(`/api/v1/workshops/${code}/${action}`, undefined, { cookie: alice.cookie })).status).toBe(200);
    }
    for (const events of seen) {
      await eventually(() => events.length >= 3, 5000, 'three state events');
      expect(events.map((e) => e.state)).toEqual(['paused', 'open', 'closed']);
      expect(events[0]).toEqual({ workshopId: id, code, state: 'paused', endsAt: expect.any(String) });
    }
  });
});

describe('participants', () => {
  test('join with Finnish and Swedish names: trimmed, in one Unicode form; a token valid until the workshop ends', async () => {
    const { code, id } = await newWorkshop();
    const res = await stack.http.post(`/api/v1/workshops/${code}/join`, { displayName: '  Päivi Hämäläinen-Åström ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ participantId: expect.stringMatching(/^participant-/), token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), displayName: 'Päivi Hämäläinen-Åström', workshopId: id, workspaceId, expiresAt: expect.any(String) });
    const ttl = await redis.pttl(redisKeys(stack.config).participant(sha256(res.body.token)));
    expect(ttl).toBeGreaterThan(3500_000);
    expect(ttl).toBeLessThanOrEqual(3600_000);
    // Stored by the token's hash only.
    expect(await redis.exists(redisKeys(stack.config).participant(res.body.token))).toBe(0);

    const decomposed = await stack.http.post(`/api/v1/workshops/${code}/join`, { displayName: 'Jyva\u0308skyla\u0308n Yo\u0308' });
    expect(decomposed.body.displayName).toBe('Jyväskylän Yö');
    expect(decomposed.body.displayName).toHaveLength(13);
    expect(decomposed.body.participantId).not.toBe(res.body.participantId);

    for (const displayName of ['   ', 'ä'.repeat(61), 'Rivin\nvaihto']) {
      const bad = await stack.http.post(`/api/v1/workshops/${code}/join`, { displayName });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].path).toBe('displayName');
    }
    expect((await stack.http.post(`/api/v1/workshops/${code}/join`, { displayName: 'ö'.repeat(60) })).status).toBe(201);
    expect((await stack.http.post('/api/v1/workshops/ZZZZZZ/join', { displayName: 'Eero' })).status).toBe(404);
  });

  test('joining a closed or ended workshop is 410 Gone', async () => {
    const { code } = await newWorkshop();
    await stack.http.post(`/api/v1/workshops/${code}/close`, undefined, { cookie: alice.cookie });
    const closed = await stack.http.post(`/api/v1/workshops/${code}/join`, { displayName: 'Liisa Myöhäinen' });
    expect(closed.status).toBe(410);
    expect(closed.body.error.code).toBe('WORKSHOP_CLOSED');

    const late = await newWorkshop();
    await cypher(stack, "MATCH (w:Workshop {code: $code}) SET w.endsAt = datetime() - duration('PT1S')", { code: late.code });
    const ended = await stack.http.post(`/api/v1/workshops/${late.code}/join`, { displayName: 'Liisa Myöhäinen' });
    expect(ended.status).toBe(410);
    expect(ended.body.error.code).toBe('WORKSHOP_ENDED');
  });

  test('the participant middleware: Authorization: Participant <token> or X-Participant-Token; missing, unknown or another workshop\'s token refused', async () => {
    const { code } = await newWorkshop({ allowedTypes: ['Person', 'Organisation'] });
    const other = await newWorkshop();
    const me = await joinAs(code, 'Sanna Ylönen');
    for (const headers of [{ authorization: `Participant ${me.token}` }, { 'x-participant-token': me.token }] as Record<string, string>[]) {
      const res = await stack.http.get(`/api/v1/workshops/${code}/me`, headers);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ participantId: me.participantId, displayName: 'Sanna Ylönen', workshop: { code, state: 'open' } });
      expect(res.body.permissions).toEqual({
        Person: { allowed: true },
        Organisation: { allowed: true },
        Project: { allowed: false, status: 403, code: 'TYPE_NOT_ALLOWED' },
        Theme: { allowed: false, status: 403, code: 'TYPE_NOT_ALLOWED' },
        relationship: { allowed: false, status: 403, code: 'TYPE_NOT_ALLOWED' },
      });
    }
    const none = await stack.http.get(`/api/v1/workshops/${code}/me`);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('PARTICIPANT_TOKEN_REQUIRED');
    const unknown = await stack.http.get(`/api/v1/workshops/${code}/me`, { authorization: 'Participant keksitty' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('INVALID_PARTICIPANT_TOKEN');
    const elsewhere = await stack.http.get(`/api/v1/workshops/${other.code}/me`, { authorization: `Participant ${me.token}` });
    expect(elsewhere.status).toBe(403);

    await stack.http.post(`/api/v1/workshops/${code}/pause`, undefined, { cookie: alice.cookie });
    const paused = await stack.http.get(`/api/v1/workshops/${code}/me`, { authorization: `Participant ${me.token}` });
    expect(paused.body.permissions.Person).toEqual({ allowed: false, status: 423, code: 'WORKSHOP_PAUSED' });
  });

  test('the write permission: allowed type; other type 403 with allowedTypes; paused 423; resumed again; closed 410', async () => {
    const { code } = await newWorkshop({ allowedTypes: ['Person', 'Organisation', 'relationship'] });
    const participant = await participantOf(code, 'Kaisa Väänänen');

    expect(await service.participantMayWrite(participant, 'Person')).toEqual({ allowed: true });
    expect(await service.participantMayWrite(participant, 'Organisation', workspaceId)).toEqual({ allowed: true });
    expect(await service.participantMayWrite(participant, 'relationship')).toEqual({ allowed: true });

    const project = await service.participantMayWrite(participant, 'Project');
    expect(project.allowed).toBe(false);
    if (project.allowed) throw new Error('unreachable');
    expect(project.error).toMatchObject({ status: 403, code: 'TYPE_NOT_ALLOWED', extra: { allowedTypes: ['Person', 'Organisation', 'relationship'] } });
    await expect(service.assertParticipantMayWrite(participant, 'City')).rejects.toMatchObject({ status: 403, code: 'TYPE_NOT_ALLOWED' });
    await expect(service.assertParticipantMayWrite(participant, 'Person', otherWorkspaceId)).rejects.toMatchObject({ status: 403, code: 'WRONG_WORKSPACE' });

    await stack.http.post(`/api/v1/workshops/${code}/pause`, undefined, { cookie: alice.cookie });
    await expect(service.assertParticipantMayWrite(participant, 'Person')).rejects.toMatchObject({ status: 423, code: 'WORKSHOP_PAUSED' });
    await stack.http.post(`/api/v1/workshops/${code}/resume`, undefined, { cookie: alice.cookie });
    await expect(service.assertParticipantMayWrite(participant, 'Person')).resolves.toBeUndefined();

    await stack.http.post(`/api/v1/workshops/${code}/close`, undefined, { cookie: alice.cookie });
    await expect(service.assertParticipantMayWrite(participant, 'Person')).rejects.toMatchObject({ status: 410, code: 'WORKSHOP_CLOSED' });
  });

  test('the decision itself: closed wins over paused, an ended workshop is 410, a 403 names the allowed types', () => {
    const base = { id: 'w', code: 'ABCDEF', title: 'T', language: 'fi' as const, workspaceId, facilitatorId: 'u', createdAt: new Date().toISOString(), endsAt: inOneHour(), allowedTypes: ['Theme' as const] };
    expect(participantWriteDecision({ ...base, state: 'open' }, 'Theme')).toEqual({ allowed: true });
    const denied = participantWriteDecision({ ...base, state: 'open' }, 'Person');
    expect(!denied.allowed && denied.error.status).toBe(403);
    expect(!denied.allowed && denied.error.extra).toEqual({ allowedTypes: ['Theme'] });
    const paused = participantWriteDecision({ ...base, state: 'paused' }, 'Person');
    expect(!paused.allowed && paused.error.code).toBe('WORKSHOP_PAUSED');
    const ended = participantWriteDecision({ ...base, state: 'paused', endsAt: new Date(Date.now() - 1000).toISOString() }, 'Theme');
    expect(!ended.allowed && [ended.error.status, ended.error.code]).toEqual([410, 'WORKSHOP_ENDED']);
    const closed = participantWriteDecision({ ...base, state: 'closed' }, 'Theme');
    expect(!closed.allowed && [closed.error.status, closed.error.code]).toEqual([410, 'WORKSHOP_CLOSED']);
  });
});

describe('presence', () => {
  test('two participants and the facilitator see each other; a disconnect leaves no ghost', async () => {
    const { code, id } = await newWorkshop();
    const [aino, aake] = [await joinAs(code, 'Aino Äijälä'), await joinAs(code, 'Åke Östman')];
    const phone1 = await connect();
    const p1 = trackPresence(phone1);
    const ack1 = await joinRoom(phone1, code, aino.token);
    expect(ack1).toMatchObject({ ok: true, role: 'participant', participantId: aino.participantId, workshop: { id, code, workspaceId } });
    if (!ack1.ok) throw new Error('join failed');
    expect(ack1.presence).toMatchObject({ workshopId: id, count: 1, online: [{ participantId: aino.participantId, displayName: 'Aino Äijälä', role: 'participant' }] });

    const phone2 = await connect();
    const p2 = trackPresence(phone2);
    expect(await joinRoom(phone2, code, aake.token)).toMatchObject({ ok: true });
    const screen = await connect(stack, alice.cookie);
    const ps = trackPresence(screen);
    expect(await joinRoom(screen, code)).toMatchObject({ ok: true, role: 'facilitator', participantId: alice.user.id });

    for (const p of [p1, p2, ps]) {
      await eventually(() => p.latest?.count === 3, 5000, 'three online');
      // Sorted by name with Finnish collation (Å, Ä, Ö after Z).
      expect(names(p.latest)).toEqual(['Aila Fasilitaattori', 'Aino Äijälä', 'Åke Östman']);
      expect(p.latest!.online.find((e) => e.role === 'facilitator')?.participantId).toBe(alice.user.id);
    }

    phone2.disconnect();
    for (const p of [p1, ps]) {
      await eventually(() => p.latest?.count === 2, 5000, 'Åke gone');
      expect(names(p.latest)).toEqual(['Aila Fasilitaattori', 'Aino Äijälä']);
    }
    expect(Object.keys(await redis.hgetall(redisKeys(stack.config).workshopPresence(id)))).toHaveLength(2);

    // Leaving without disconnecting does the same.
    phone1.emit('workshop:leave', { code });
    await eventually(() => ps.latest?.count === 1, 5000, 'Aino left');
    screen.disconnect();
    await eventually(async () => (await redis.hlen(redisKeys(stack.config).workshopPresence(id))) === 0, 5000, 'empty presence hash');
  });

  test('the read-only projector link: its key shows the counters and joins the room without being listed; a wrong key is refused', async () => {
    const created = await createWorkshop();
    expect(created.status).toBe(201);
    const { code, id } = created.body as { code: string; id: string };
    const key = new URL(created.body.projectorUrl).hash.replace('#key=', '');
    expect(key).toMatch(/^[\w-]{32}$/);
    expect(created.body.projectorUrl).toMatch(new RegExp(`/workshop/${code}/projector#key=`));
    // Only the facilitator gets it; the public info does not carry it.
    expect((await stack.http.get(`/api/v1/workshops/${code}/projector-link`, { cookie: alice.cookie })).body).toEqual({ projectorKey: key, projectorUrl: created.body.projectorUrl });
    expect((await stack.http.get(`/api/v1/workshops/${code}/projector-link`, { cookie: bob.cookie })).status).toBe(403);
    expect((await stack.http.get(`/api/v1/workshops/${code}/projector-link`)).status).toBe(401);
    expect(JSON.stringify((await stack.http.get(`/api/v1/workshops/${code}`)).body)).not.toContain(key);

    const summary = await stack.http.get(`/api/v1/workshops/${code}/summary`, { 'x-projector-key': key });
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ workshopId: id, code });
    const wrong = await stack.http.get(`/api/v1/workshops/${code}/summary`, { 'x-projector-key': key.slice(1) + 'x' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('INVALID_PROJECTOR_KEY');
    const other = await newWorkshop();
    expect((await stack.http.get(`/api/v1/workshops/${other.code}/summary`, { 'x-projector-key': key })).status).toBe(403);
    // It reads, never writes: the facilitator's controls still need the session.
    expect((await stack.http.post(`/api/v1/workshops/${code}/pause`, undefined, { 'x-projector-key': key })).status).toBe(401);

    const screen = await connect();
    const seen = trackPresence(screen);
    expect(await screen.timeout(10_000).emitWithAck('workshop:join', { code, projectorKey: key })).toMatchObject({ ok: true, role: 'projector', presence: { count: 0 } });
    const aino = await joinAs(code, 'Aino Äijälä');
    const phone = await connect();
    expect(await joinRoom(phone, code, aino.token)).toMatchObject({ ok: true });
    await eventually(() => seen.latest?.count === 1, 5000, 'the projector sees Aino');
    expect(names(seen.latest)).toEqual(['Aino Äijälä']);
    const stranger = await connect();
    expect(await stranger.timeout(10_000).emitWithAck('workshop:join', { code, projectorKey: 'arvattu-avain' })).toMatchObject({ ok: false, code: 'INVALID_PROJECTOR_KEY' });
  });

  test('two tabs of one participant count once, and they stay until the last one goes', async () => {
    const { code } = await newWorkshop();
    const joined = await joinAs(code, 'Veikko Välilehti');
    const watcher = await connect(stack, alice.cookie);
    const p = trackPresence(watcher);
    await joinRoom(watcher, code);
    const [tab1, tab2] = [await connect(), await connect()];
    await joinRoom(tab1, code, joined.token);
    await joinRoom(tab2, code, joined.token);
    await eventually(() => p.latest?.count === 2, 5000, 'facilitator and Veikko');
    tab1.disconnect();
    await sleep(300);
    expect(names(p.latest)).toContain('Veikko Välilehti');
    tab2.disconnect();
    await eventually(() => p.latest?.count === 1, 5000, 'Veikko gone');
  });

  test('joining is refused without a valid identity, for another workshop\'s token, and for a closed workshop', async () => {
    const { code } = await newWorkshop();
    const other = await newWorkshop();
    const stranger = await joinAs(other.code, 'Vieras');
    const socket = await connect();
    expect(await joinRoom(socket, code)).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
    expect(await joinRoom(socket, code, 'keksitty')).toMatchObject({ ok: false, code: 'INVALID_PARTICIPANT_TOKEN' });
    expect(await joinRoom(socket, code, stranger.token)).toMatchObject({ ok: false, code: 'OTHER_WORKSHOP' });
    expect(await joinRoom(socket, 'ZZZZZZ', stranger.token)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await socket.timeout(5000).emitWithAck('workshop:join', { code: 42 } as never)).toMatchObject({ ok: false, code: 'INVALID_JOIN' });
    const bobSocket = await connect(stack, bob.cookie);
    expect(await joinRoom(bobSocket, code)).toMatchObject({ ok: false, code: 'NOT_FACILITATOR' });

    await stack.http.post(`/api/v1/workshops/${other.code}/close`, undefined, { cookie: alice.cookie });
    expect(await joinRoom(socket, other.code, stranger.token)).toMatchObject({ ok: false, code: 'WORKSHOP_CLOSED' });
  });

  test('presence works across two API processes, and a process that stops takes its clients with it', async () => {
    const { code, id } = await newWorkshop();
    const second = await startStack({ REDIS_PREFIX: stack.config.REDIS_PREFIX, PRESENCE_HEARTBEAT_MS: HEARTBEAT_MS }, { withWorker: false });
    let secondOpen = true;
    try {
      const [a, b, c] = [await joinAs(code, 'Anna Ensimmäinen'), await joinAs(code, 'Bertil Toinen'), await joinAs(code, 'Cecilia Kolmas')];
      const onFirst = await connect(stack);
      const pa = trackPresence(onFirst);
      await joinRoom(onFirst, code, a.token);
      const onSecond = await connect(second);
      const pb = trackPresence(onSecond);
      await joinRoom(onSecond, code, b.token);
      const alsoOnSecond = await connect(second);
      await joinRoom(alsoOnSecond, code, c.token);

      for (const p of [pa, pb]) await eventually(() => p.latest?.count === 3, 5000, 'three online on both processes');
      expect(names(pa.latest)).toEqual(['Anna Ensimmäinen', 'Bertil Toinen', 'Cecilia Kolmas']);

      onSecond.disconnect();
      await eventually(() => pa.latest?.count === 2, 5000, 'Bertil gone, seen on the first process');
      expect(names(pa.latest)).toEqual(['Anna Ensimmäinen', 'Cecilia Kolmas']);

      // The second process stops: its remaining client (Cecilia) goes from the list at once.
      secondOpen = false;
      await second.api.close();
      await eventually(() => pa.latest?.count === 1, 5000, 'Cecilia gone with her process');
      expect(await redis.hlen(redisKeys(stack.config).workshopPresence(id))).toBe(1);
    } finally {
      if (secondOpen) await second.api.close();
      await second.driver.close();
    }
  });

  test('entries of a crashed process are dropped once its heartbeat expires, and the room is told', async () => {
    const { code, id } = await newWorkshop();
    const keys = redisKeys(stack.config);
    // A process that had a client in the workshop and then died: its heartbeat runs out, nobody removes its entry.
    const crashed = `crashed-${randomUUID()}`;
    await redis.set(keys.apiInstance(crashed), '1', 'PX', HEARTBEAT_MS * 2);
    await redis.hset(keys.workshopPresence(id), 'ghost-socket', JSON.stringify({ participantId: 'participant-ghost', displayName: 'Haamu Häviävä', role: 'participant', apiInstance: crashed, seenAt: new Date().toISOString() }));
    await redis.incr(keys.workshopPresenceRev(id));

    const screen = await connect(stack, alice.cookie);
    const p = trackPresence(screen);
    const ack = await joinRoom(screen, code);
    if (!ack.ok) throw new Error('join failed');
    expect(ack.presence.online.map((e) => e.displayName)).toEqual(['Aila Fasilitaattori', 'Haamu Häviävä']);

    await eventually(() => p.latest && names(p.latest).length === 1, HEARTBEAT_MS * 8, 'the ghost dropped by a heartbeat');
    expect(names(p.latest)).toEqual(['Aila Fasilitaattori']);
    expect(await redis.hexists(keys.workshopPresence(id), 'ghost-socket')).toBe(0);

    // An entry that names no live process at all is never shown.
    await redis.hset(keys.workshopPresence(id), 'ghost-2', JSON.stringify({ participantId: 'p-2', displayName: 'Toinen haamu', role: 'participant', apiInstance: 'never-existed', seenAt: new Date().toISOString() }));
    const late = await joinAs(code, 'Myöhästynyt');
    const phone = await connect();
    const ack2 = await joinRoom(phone, code, late.token);
    expect(ack2.ok && ack2.presence.online.map((e) => e.displayName)).toEqual(['Aila Fasilitaattori', 'Myöhästynyt']);
  });

  test('a live process writes back its own entries if they were dropped (e.g. its heartbeat lapsed during a Redis outage)', async () => {
    const { code, id } = await newWorkshop();
    const screen = await connect(stack, alice.cookie);
    const p = trackPresence(screen);
    await joinRoom(screen, code);
    await redis.del(redisKeys(stack.config).workshopPresence(id));
    await eventually(async () => (await redis.hlen(redisKeys(stack.config).workshopPresence(id))) === 1, HEARTBEAT_MS * 5, 'entry written back');
    await eventually(() => p.latest?.count === 1 && p.events >= 2, HEARTBEAT_MS * 5, 'a broadcast after the repair');
  });
});
