/**
 * Workshop participants' writes and the facilitator's controls, against the real Neo4j, Redis and
 * socket.io: participants add through the ordinary write routes with their token (allowed types only,
 * not while paused, only their own entries to change, no contact details), duplicate-safe adds of
 * organisations, themes and projects (one node for two participants typing the same name at once),
 * and the facilitator's hide/unhide, delete, merge, summary and export (JSON and CSV for Excel).
 */
import { randomUUID } from 'node:crypto';
import type { NodeCreateChange } from '../domain/changes';
import type { AppliedChange } from '../domain/events';
import { createGraphDb } from '../api/infra/neo4j';
import { applyBatch } from '../worker/apply-changes';
import { normaliseEntryName, sharedNodeIdFor } from '../api/commands/change-ids';
import { csvCell } from '../api/services/csv';
import { connectSocket, createWorkspace, cypher, eventually, join, startStack, type TestSocket, type TestStack } from './support/stack';
import { parseCsv } from './support/csv';

let stack: TestStack;
let ws: string;
let otherWs: string;
let aila: string;
let bo: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  stack = await startStack();
  ws = await createWorkspace(stack, 'Pohjois-Pohjanmaan akkutyöpaja');
  otherWs = await createWorkspace(stack, 'Toinen verkosto');
  aila = await signUp('Aila Fasilitaattori');
  bo = await signUp('Bo Ålander');
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(() => stack.close());

async function signUp(displayName: string): Promise<string> {
  const res = await stack.http.post('/api/v1/auth/register', { email: `f-${randomUUID().slice(0, 8)}@example.fi`, password: 'Työpaja-salasana-1', displayName });
  expect(res.status).toBe(201);
  return res.headers.getSetCookie().find((c) => c.startsWith('verkosto_session='))!.split(';')[0];
}

const inOneHour = () => new Date(Date.now() + 3600_000).toISOString();

async function newWorkshop(allowedTypes = ['Person', 'Organisation', 'Project', 'Theme', 'relationship'], cookie = aila, workspaceId = ws) {
  const res = await stack.http.post(`/api/v1/workspaces/${workspaceId}/workshops`, { title: 'Akkuarvoketjun kartoitus', language: 'fi', endsAt: inOneHour(), allowedTypes }, { cookie });
  expect(res.status).toBe(201);
  return res.body as { id: string; code: string };
}

async function joinAs(code: string, displayName: string) {
  const res = await stack.http.post(`/api/v1/workshops/${code}/join`, { displayName });
  expect(res.status).toBe(201);
  return res.body as { participantId: string; token: string; displayName: string; workshopId: string };
}

type Who = { token: string };
const as = (p: Who | null, extra: Record<string, string> = {}) => ({ ...(p && { 'x-participant-token': p.token }), 'idempotency-key': randomUUID(), ...extra });
const add = (p: Who | null, collection: string, body: unknown, workspaceId = ws) => stack.http.post(`/api/v1/workspaces/${workspaceId}/${collection}?wait=true`, body, as(p));
const link = (p: Who | null, body: unknown) => stack.http.post(`/api/v1/workspaces/${ws}/relationships?wait=true`, body, as(p));
const control = (code: string, action: string, cookie = aila) => stack.http.post(`/api/v1/workshops/${code}/${action}`, undefined, { cookie });

async function storedNode(id: string) {
  const [row] = await cypher<{ n: Record<string, unknown> | null }>(stack, 'OPTIONAL MATCH (n:Entity {id: $id}) RETURN n {.*} AS n', { id });
  return row?.n ?? null;
}

async function loggedChange(changeId: string) {
  const [row] = await cypher<{ c: { actor: string; op: string; workshopId?: string; event: string; at: string } }>(stack, 'MATCH (c:Change {id: $id}) RETURN c {.*} AS c', { id: changeId });
  return row?.c;
}

async function roomSocket(): Promise<{ socket: TestSocket; seen: AppliedChange[] }> {
  const socket = await connectSocket(stack);
  sockets.push(socket);
  const seen: AppliedChange[] = [];
  for (const name of ['node:created', 'node:updated', 'node:deleted', 'node:merged', 'relationship:created', 'relationship:deleted'] as const) {
    socket.on(name, (change: AppliedChange) => seen.push(change));
  }
  expect(await join(socket, ws)).toMatchObject({ ok: true });
  return { socket, seen };
}

describe('participants write through the ordinary routes', () => {
  test('an allowed type is added by participant:<id> in the workshop; created nodes and links record who and where', async () => {
    const { code, id: workshopId } = await newWorkshop();
    const päivi = await joinAs(code, 'Päivi Hämäläinen');

    const org = await add(päivi, 'organisations', { name: 'Kokkolan Yliopistokeskus Chydenius', orgType: 'university' });
    expect(org.status).toBe(201);
    expect(org.body.node).toMatchObject({ name: 'Kokkolan Yliopistokeskus Chydenius', createdBy: päivi.participantId, workshopId, version: 1 });
    expect(await storedNode(org.body.id)).toMatchObject({ createdBy: päivi.participantId, workshopId });
    const logged = await loggedChange(org.body.changeId);
    expect(logged).toMatchObject({ actor: `participant:${päivi.participantId}`, op: 'node:created', workshopId });
    expect(JSON.parse(logged!.event)).toMatchObject({ actor: `participant:${päivi.participantId}`, workshopId });

    // The Authorization: Participant form works the same; a person without contact details is fine.
    const person = await stack.http.post(`/api/v1/workspaces/${ws}/people?wait=true`, { name: 'Päivi Hämäläinen', title: 'Tutkimuspäällikkö' }, { authorization: `Participant ${päivi.token}` });
    expect(person.status).toBe(201);
    expect(person.body.node).toMatchObject({ createdBy: päivi.participantId, workshopId });

    const works = await link(päivi, { type: 'WORKS_AT', from: person.body.id, to: org.body.id, role: 'tutkija' });
    expect(works.status).toBe(201);
    expect(works.body.edge).toMatchObject({ type: 'WORKS_AT', role: 'tutkija', createdBy: päivi.participantId, workshopId });
    const [rel] = await cypher<{ createdBy: string; workshopId: string }>(stack, 'MATCH ()-[r:WORKS_AT {id: $id}]->() RETURN r.createdBy AS createdBy, r.workshopId AS workshopId', { id: works.body.id });
    expect(rel).toEqual({ createdBy: päivi.participantId, workshopId });
    expect((await loggedChange(works.body.changeId))?.actor).toBe(`participant:${päivi.participantId}`);

    // Without a token nothing changes: X-Actor is the actor, no createdBy, no workshop.
    const plain = await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { name: 'Kokkolan Yliopistokeskus Chydenius', orgType: 'university' }, { 'x-actor': 'toimittaja' });
    expect(plain.status).toBe(201);
    expect(plain.body.id).not.toBe(org.body.id);
    const stored = await storedNode(plain.body.id);
    expect(stored?.createdBy).toBeUndefined();
    expect(stored?.workshopId).toBeUndefined();
    expect(await loggedChange(plain.body.changeId)).toMatchObject({ actor: 'toimittaja' });
    expect((await loggedChange(plain.body.changeId))?.workshopId).toBeUndefined();
  });

  test('a type the facilitator did not allow is 403 TYPE_NOT_ALLOWED; another workspace 403; a bad token 401; contact details 400', async () => {
    const { code } = await newWorkshop(['Organisation', 'Person']);
    const eero = await joinAs(code, 'Eero Östman');

    const project = await add(eero, 'projects', { name: 'Akkumineraalit' });
    expect(project.status).toBe(403);
    expect(project.body.error).toMatchObject({ code: 'TYPE_NOT_ALLOWED', allowedTypes: ['Person', 'Organisation'] });
    const city = await add(eero, 'cities', { name: 'Oulu', lat: 65.01, lon: 25.47 });
    expect(city.status).toBe(403);
    const org = await add(eero, 'organisations', { name: 'Oulun kaupunki', orgType: 'city' });
    expect(org.status).toBe(201);
    const theLink = await link(eero, { type: 'MEMBER_OF', from: org.body.id, to: org.body.id });
    expect(theLink.status).toBe(403);
    expect(theLink.body.error.code).toBe('TYPE_NOT_ALLOWED');

    const elsewhere = await add(eero, 'organisations', { name: 'Muualla Oy', orgType: 'company' }, otherWs);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('WRONG_WORKSPACE');

    const forged = await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { name: 'Keksitty Oy', orgType: 'company' }, { 'x-participant-token': 'keksitty' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('INVALID_PARTICIPANT_TOKEN');

    const contact = await add(eero, 'people', { name: 'Eero Östman', email: 'eero@example.fi', phone: '+358 40 123 4567' });
    expect(contact.status).toBe(400);
    expect(contact.body.error.code).toBe('PERSONAL_FIELDS_NOT_ALLOWED');
    expect(contact.body.error.details.map((d: { path: string }) => d.path)).toEqual(['email', 'phone']);
    const me = await add(eero, 'people', { name: 'Eero Östman' });
    expect(me.status).toBe(201);
    const sneaky = await stack.http.patch(`/api/v1/workspaces/${ws}/people/${me.body.id}?wait=true`, { email: 'eero@example.fi' }, as(eero));
    expect(sneaky.status).toBe(400);
    // Participants see people as the public does: no contact details even when an editor added them.
    await stack.http.patch(`/api/v1/workspaces/${ws}/people/${me.body.id}?wait=true`, { phone: '+358 40 765 4321' });
    const read = await stack.http.get(`/api/v1/workspaces/${ws}/people/${me.body.id}`, as(eero));
    expect(read.status).toBe(200);
    expect(read.body.node.phone).toBeUndefined();
  });

  test('while the workshop is paused writes are 423; after it is closed 410', async () => {
    const { code } = await newWorkshop();
    const liisa = await joinAs(code, 'Liisa Myöhäinen');
    const org = await add(liisa, 'organisations', { name: 'Pohjois-Pohjanmaan liitto', orgType: 'regional_council' });
    expect(org.status).toBe(201);

    expect((await control(code, 'pause')).status).toBe(200);
    const paused = await add(liisa, 'themes', { name: 'Akkujen kierrätys' });
    expect(paused.status).toBe(423);
    expect(paused.body.error.code).toBe('WORKSHOP_PAUSED');
    const edit = await stack.http.patch(`/api/v1/workspaces/${ws}/organisations/${org.body.id}?wait=true`, { description: 'Maakunnan liitto' }, as(liisa));
    expect(edit.status).toBe(423);
    // Others are not affected.
    expect((await add(null, 'themes', { name: 'Akkujen kierrätys' })).status).toBe(201);

    await control(code, 'resume');
    expect((await add(liisa, 'themes', { name: 'Akkujen kierrätys' })).status).toBe(201);
    await control(code, 'close');
    const closed = await add(liisa, 'themes', { name: 'Litiumin jalostus' });
    expect(closed.status).toBe(410);
    expect(closed.body.error.code).toBe('WORKSHOP_CLOSED');
  });

  test('participants change and delete only their own entries (403 NOT_OWNER); a stale edit is 409', async () => {
    const { code } = await newWorkshop();
    const [anna, ville] = [await joinAs(code, 'Anna Ärväs'), await joinAs(code, 'Ville Väänänen')];
    const annas = await add(anna, 'projects', { name: 'BATCircle 3.0' });
    const villes = await add(ville, 'people', { name: 'Ville Väänänen' });
    const editorial = await add(null, 'organisations', { name: 'Business Finland', orgType: 'funder' });
    const annasLink = await link(anna, { type: 'FUNDED_BY', from: annas.body.id, to: editorial.body.id, note: 'rahoitus' });
    expect(annasLink.status).toBe(201);

    for (const [who, collection, id] of [[ville, 'projects', annas.body.id], [anna, 'people', villes.body.id], [anna, 'organisations', editorial.body.id]] as const) {
      const patch = await stack.http.patch(`/api/v1/workspaces/${ws}/${collection}/${id}?wait=true`, { description: 'muutettu' }, as(who));
      expect(patch.status).toBe(403);
      expect(patch.body.error.code).toBe('NOT_OWNER');
      const del = await stack.http.delete(`/api/v1/workspaces/${ws}/${collection}/${id}?wait=true`, as(who));
      expect(del.status).toBe(403);
      expect(del.body.error.code).toBe('NOT_OWNER');
    }
    const relPatch = await stack.http.patch(`/api/v1/workspaces/${ws}/relationships/${annasLink.body.id}?wait=true`, { note: 'ei sinun' }, as(ville));
    expect(relPatch.status).toBe(403);
    expect(relPatch.body.error.code).toBe('NOT_OWNER');
    expect((await stack.http.delete(`/api/v1/workspaces/${ws}/relationships/${annasLink.body.id}?wait=true`, as(ville))).status).toBe(403);
    expect((await storedNode(annas.body.id))?.version).toBe(1);

    // Their own: allowed, with the usual optimistic locking.
    const mine = await stack.http.patch(`/api/v1/workspaces/${ws}/projects/${annas.body.id}?wait=true`, { description: 'Akkuklusterin hanke', baseVersion: 1 }, as(anna));
    expect(mine.status).toBe(200);
    expect(mine.body.node).toMatchObject({ description: 'Akkuklusterin hanke', version: 2, createdBy: anna.participantId });
    expect((await loggedChange(mine.body.changeId))?.actor).toBe(`participant:${anna.participantId}`);
    const stale = await stack.http.patch(`/api/v1/workspaces/${ws}/projects/${annas.body.id}?wait=true`, { description: 'vanhan päälle', baseVersion: 1 }, as(anna));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect((await storedNode(annas.body.id))?.description).toBe('Akkuklusterin hanke');

    expect((await stack.http.patch(`/api/v1/workspaces/${ws}/relationships/${annasLink.body.id}?wait=true`, { note: 'EAKR' }, as(anna))).status).toBe(200);
    expect((await stack.http.delete(`/api/v1/workspaces/${ws}/relationships/${annasLink.body.id}?wait=true`, as(anna))).status).toBe(200);
    expect((await stack.http.delete(`/api/v1/workspaces/${ws}/projects/${annas.body.id}?wait=true`, as(anna))).status).toBe(200);
    expect(await storedNode(annas.body.id)).toBeNull();
  });

  test('a participant batch is held to the same rules, item by item; a good one is made by the participant', async () => {
    const { code, id: workshopId } = await newWorkshop(['Organisation', 'Theme', 'relationship']);
    const [saara, timo] = [await joinAs(code, 'Saara Öhman'), await joinAs(code, 'Timo Törmä')];
    const batch = (p: Who, changes: unknown[]) => stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, { changes }, as(p));
    const timos = await add(timo, 'organisations', { name: 'Kemin Digipolis Oy', orgType: 'company' });

    const refused: [unknown[], number, string, string][] = [
      [[{ op: 'node:create', nodeType: 'Organisation', props: { name: 'Ok Oy', orgType: 'company' } }, { op: 'node:create', nodeType: 'Project', props: { name: 'Ei sallittu' } }], 403, 'TYPE_NOT_ALLOWED', 'changes.1'],
      [[{ op: 'node:update', nodeType: 'Organisation', id: timos.body.id, props: { description: 'toisen' } }], 403, 'NOT_OWNER', 'changes.0'],
      [[{ op: 'node:delete', nodeType: 'Organisation', id: timos.body.id }], 403, 'NOT_OWNER', 'changes.0'],
      [[{ op: 'node:merge', nodeType: 'Organisation', survivorId: timos.body.id, mergedId: timos.body.id }], 403, 'NOT_ALLOWED_FOR_PARTICIPANTS', 'changes.0'],
    ];
    const before = (await stack.http.get(`/api/v1/workspaces/${ws}/changes?after=0&limit=1`)).body.lastSeq;
    for (const [changes, status, errorCode, path] of refused) {
      const res = await batch(saara, changes);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(errorCode);
      expect(res.body.error.details[0].path).toMatch(new RegExp(`^${path.replace('.', '\\.')}`));
    }
    const bad = await stack.http.post(`/api/v1/workspaces/${ws}/changes`, { changes: [{ op: 'node:create', nodeType: 'Organisation', props: { name: 'X', orgType: 'company' } }] }, { 'x-participant-token': 'vanhentunut' });
    expect(bad.status).toBe(401);
    expect((await stack.http.get(`/api/v1/workspaces/${ws}/changes?after=0&limit=1`)).body.lastSeq).toBe(before);
    expect(await storedNode(timos.body.id)).toMatchObject({ version: 1 });

    // Allowed: organisations by name are add-or-get like on the single route, and everything is Saara's.
    const ok = await batch(saara, [
      { op: 'node:create', nodeType: 'Organisation', props: { name: 'Lapin ammattikorkeakoulu', orgType: 'university' } },
      { op: 'node:create', nodeType: 'Organisation', props: { name: 'kemin digipolis oy', orgType: 'company' } },
      { op: 'relationship:create', data: { type: 'COOPERATES_WITH', from: sharedNodeIdFor('Organisation', ws, 'Lapin ammattikorkeakoulu'), to: timos.body.id } },
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'applied', applied: 3 });
    const [lapinAmk, digipolis, rel] = ok.body.changes.map((c: { id: string }) => c.id);
    expect(digipolis).toBe(timos.body.id);
    expect(await storedNode(lapinAmk)).toMatchObject({ name: 'Lapin ammattikorkeakoulu', createdBy: saara.participantId, workshopId });
    expect(await storedNode(timos.body.id)).toMatchObject({ version: 1, createdBy: timo.participantId });
    const [edge] = await cypher<{ createdBy: string }>(stack, 'MATCH ()-[r {id: $id}]->() RETURN r.createdBy AS createdBy', { id: rel });
    expect(edge.createdBy).toBe(saara.participantId);
    expect((await loggedChange(ok.body.changes[0].changeId))?.actor).toBe(`participant:${saara.participantId}`);
  });
});

/** A workspace of the test's own (organisations, themes and projects added by participants are shared per workspace). */
const freshWorkspace = async () => {
  ws = await createWorkspace(stack, 'Työpajan verkosto');
};

describe('duplicate-safe adds', () => {
  beforeEach(freshWorkspace);
  test('the shared id comes from the workspace and the normalised name', () => {
    expect(normaliseEntryName('  oulun  YLIOPISTO ')).toBe('oulun yliopisto');
    expect(normaliseEntryName('Oulun yliopisto Oy.')).toBe('oulun yliopisto');
    expect(normaliseEntryName('Åbo Akademi, Ab')).toBe('åbo akademi');
    expect(normaliseEntryName('Ja\u0308mso\u0308n Ltd')).toBe('jämsön');
    expect(normaliseEntryName('Mäki')).not.toBe(normaliseEntryName('Maki'));
    const id = sharedNodeIdFor('Organisation', 'ws-1', 'Oulun yliopisto');
    expect(id).toMatch(/^org-oulun-yliopisto-[0-9a-f]{8}$/);
    expect(sharedNodeIdFor('Organisation', 'ws-1', 'OULUN yliopisto Oy')).toBe(id);
    expect(sharedNodeIdFor('Organisation', 'ws-2', 'Oulun yliopisto')).not.toBe(id);
    expect(sharedNodeIdFor('Theme', 'ws-1', 'Akkujen kierrätys')).toMatch(/^theme-akkujen-kierratys-[0-9a-f]{8}$/);
    expect(sharedNodeIdFor('Organisation', 'ws-1', '!!!')).toBeNull();
  });

  test('two participants adding the same organisation, theme or project at the same moment get one node', async () => {
    const { code } = await newWorkshop();
    const [a, b] = [await joinAs(code, 'Aino Äijälä'), await joinAs(code, 'Åke Östman')];
    const cases = [
      ['organisations', 'Organisation', { name: 'Oulun yliopisto', orgType: 'university', description: 'Ainon' }, { name: 'oulun  YLIOPISTO', orgType: 'research_institute', description: 'Åken' }],
      ['themes', 'Theme', { name: 'Akkujen kierrätys' }, { name: 'akkujen KIERRÄTYS.' }],
      ['projects', 'Project', { name: 'Arctic ABC' }, { name: 'ARCTIC abc' }],
    ] as const;
    for (const [collection, type, first, second] of cases) {
      const [ra, rb] = await Promise.all([add(a, collection, first), add(b, collection, second)]);
      expect([ra.status, rb.status]).toEqual([201, 201]);
      expect(ra.body.id).toBe(rb.body.id);
      expect(ra.body.node.id).toBe(rb.body.node.id);
      const rows = await cypher<{ n: number; names: string[]; version: number[]; createdBy: string[] }>(
        stack,
        `MATCH (n:$($type))-[:IN_WORKSPACE]->(:Workspace {id: $ws}) WHERE n.id = $id
         RETURN count(n) AS n, collect(n.name) AS names, collect(n.version) AS version, collect(n.createdBy) AS createdBy`,
        { type, ws, id: ra.body.id },
      );
      expect(rows[0].n).toBe(1);
      expect(rows[0].version).toEqual([1]);
      // Whoever came first keeps what they wrote; both answers show that node.
      const winner = rows[0].createdBy[0] === a.participantId ? first : second;
      expect(rows[0].names).toEqual([winner.name]);
      expect(ra.body.node.name).toBe(winner.name);
      expect(rb.body.node.name).toBe(winner.name);
      const [{ n }] = await cypher<{ n: number }>(stack, `MATCH (n:$($type))-[:IN_WORKSPACE]->(:Workspace {id: $ws}) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n`, {
        type,
        ws,
        prefix: ra.body.id.replace(/-[0-9a-f]{8}$/, ''),
      });
      expect(n).toBe(1);
    }
  });

  test('add-or-get in the worker: one node whether the two creates share a transaction or race in two', async () => {
    const db = createGraphDb(stack.config);
    try {
      const create = (name: string, by: string, nodeId: string): NodeCreateChange => ({
        id: randomUUID(),
        op: 'node:create',
        workspaceId: ws,
        actor: `participant:${by}`,
        at: new Date().toISOString(),
        nodeType: 'Organisation',
        nodeId,
        props: { name, orgType: 'company' },
        workshopId: 'workshop-x',
        participantId: by,
        addOrGet: true,
      });
      for (const [i, together] of [[1, true], [2, false]] as const) {
        const nodeId = sharedNodeIdFor('Organisation', ws, `Akkutehdas ${i}`)!;
        const [a, b] = [create(`Akkutehdas ${i}`, 'p-a', nodeId), create(`AKKUTEHDAS ${i} Oy`, 'p-b', nodeId)];
        const outcomes = together ? await applyBatch(db, [a, b]) : (await Promise.all([applyBatch(db, [a]), applyBatch(db, [b])])).flat();
        expect(outcomes.map((o) => ('applied' in o ? o.applied.event : o.rejected.code))).toEqual(['node:created', 'node:created']);
        const nodes = outcomes.map((o) => ('applied' in o && o.applied.event === 'node:created' ? o.applied.node : null));
        expect(nodes[0]).toEqual(nodes[1]);
        const [row] = await cypher<{ n: number; createdBy: string[] }>(stack, 'MATCH (n:Organisation {id: $id})-[:IN_WORKSPACE]->(:Workspace {id: $ws}) RETURN count(n) AS n, collect(n.createdBy) AS createdBy', { id: nodeId, ws });
        expect(row.n).toBe(1);
        expect(nodes[0]).toMatchObject({ version: 1, createdBy: row.createdBy[0], name: row.createdBy[0] === 'p-a' ? a.props.name : b.props.name });
      }
    } finally {
      await db.close();
    }
  });

  test('a later add of the same name returns the first node unchanged', async () => {
    const { code } = await newWorkshop();
    const [a, b] = [await joinAs(code, 'Sanna Ylönen'), await joinAs(code, 'Tuomas Åström')];
    const first = await add(a, 'organisations', { name: 'Keliber Oy', orgType: 'company', description: 'Litiumkemikaalit' });
    const again = await add(b, 'organisations', { name: 'KELIBER', orgType: 'other', description: 'Toinen kuvaus', website: 'https://example.fi' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.node).toMatchObject({ name: 'Keliber Oy', orgType: 'company', description: 'Litiumkemikaalit', createdBy: a.participantId, version: 1 });
    expect(again.body.node.website).toBeUndefined();
    expect(await storedNode(first.body.id)).toMatchObject({ name: 'Keliber Oy', description: 'Litiumkemikaalit', createdBy: a.participantId, version: 1 });
    // Both adds are in the change log; the second changed nothing.
    expect((await loggedChange(again.body.changeId))?.actor).toBe(`participant:${b.participantId}`);
    // The second participant did not create it, so it is not theirs to edit.
    expect((await stack.http.patch(`/api/v1/workspaces/${ws}/organisations/${first.body.id}?wait=true`, { description: 'x' }, as(b))).status).toBe(403);
    // An explicit id is an ordinary create: a taken one is a conflict.
    const taken = await add(b, 'organisations', { id: first.body.id, name: 'Keliber', orgType: 'company' });
    expect(taken.status).toBe(409);
  });
});

describe('facilitator controls', () => {
  beforeEach(freshWorkspace);
  test('only the signed-in facilitator of the workshop: 401 without a session, 403 for another facilitator', async () => {
    const { code } = await newWorkshop();
    const org = await add(null, 'organisations', { name: 'Centria-ammattikorkeakoulu', orgType: 'university_of_applied_sciences' });
    const participant = await joinAs(code, 'Osallistuja');
    for (const [method, path] of [
      ['POST', `entries/${org.body.id}/hide`],
      ['POST', `entries/${org.body.id}/unhide`],
      ['DELETE', `entries/${org.body.id}`],
      ['POST', 'merge'],
      ['GET', 'summary'],
      ['GET', 'export?format=csv'],
    ] as const) {
      const body = method === 'POST' && path === 'merge' ? { survivorId: org.body.id, mergedId: 'org-x' } : undefined;
      const anonymous = await stack.http.request(method, `/api/v1/workshops/${code}/${path}`, body, as(participant));
      expect(anonymous.status).toBe(401);
      const other = await stack.http.request(method, `/api/v1/workshops/${code}/${path}`, body, { cookie: bo });
      expect(other.status).toBe(403);
      expect(other.body.error.code).toBe('NOT_FACILITATOR');
    }
    expect(await storedNode(org.body.id)).toMatchObject({ version: 1 });
  });

  test('hide and unhide set hidden on the node through the change log; delete removes an entry', async () => {
    const { code, id: workshopId } = await newWorkshop();
    const p = await joinAs(code, 'Kalle Kiusaaja');
    const spam = await add(p, 'organisations', { name: 'Roskaposti Oy', orgType: 'other' });
    const { seen } = await roomSocket();

    const hidden = await stack.http.post(`/api/v1/workshops/${code}/entries/${spam.body.id}/hide?wait=true`, undefined, { cookie: aila });
    expect(hidden.status).toBe(200);
    expect(hidden.body.node).toMatchObject({ id: spam.body.id, hidden: true, version: 2 });
    expect(await storedNode(spam.body.id)).toMatchObject({ hidden: true, name: 'Roskaposti Oy' });
    const logged = await loggedChange(hidden.body.changeId);
    expect(logged).toMatchObject({ op: 'node:updated', workshopId });
    expect(logged?.actor).toMatch(/^facilitator:/);
    const event = await eventually(() => seen.find((c) => c.changeId === hidden.body.changeId), 5000, 'node:updated');
    expect(event).toMatchObject({ event: 'node:updated', node: { id: spam.body.id, hidden: true }, workshopId });

    const shown = await stack.http.post(`/api/v1/workshops/${code}/entries/${spam.body.id}/unhide?wait=true`, undefined, { cookie: aila });
    expect(shown.status).toBe(200);
    expect(shown.body.node.hidden).toBe(false);
    expect((await stack.http.post(`/api/v1/workshops/${code}/entries/ei-ole/hide?wait=true`, undefined, { cookie: aila })).status).toBe(404);

    const other = await add(p, 'themes', { name: 'Turhuus' });
    const theLink = await link(p, { type: 'FOCUSES_ON', from: spam.body.id, to: other.body.id });
    const delLink = await stack.http.delete(`/api/v1/workshops/${code}/entries/${theLink.body.id}?wait=true`, { cookie: aila });
    expect(delLink.status).toBe(200);
    expect(await cypher(stack, 'MATCH ()-[r {id: $id}]->() RETURN r', { id: theLink.body.id })).toHaveLength(0);
    const delNode = await stack.http.delete(`/api/v1/workshops/${code}/entries/${spam.body.id}?wait=true`, { cookie: aila });
    expect(delNode.status).toBe(200);
    expect(await storedNode(spam.body.id)).toBeNull();
    await eventually(() => seen.some((c) => c.event === 'node:deleted' && c.node.id === spam.body.id), 5000, 'node:deleted');
    expect((await stack.http.delete(`/api/v1/workshops/${code}/entries/${spam.body.id}?wait=true`, { cookie: aila })).status).toBe(404);
  });

  test('merge moves every link with its type, properties and id to the survivor, keeps the name as an alias, deletes the merged node', async () => {
    const { code, id: workshopId } = await newWorkshop();
    const [a, b] = [await joinAs(code, 'Aino Äijälä'), await joinAs(code, 'Bertta Björk')];
    const survivor = await add(a, 'organisations', { name: 'Oulun yliopisto', orgType: 'university', aliases: ['OY'] });
    const merged = await add(b, 'organisations', { name: 'University of Oulu', orgType: 'university', aliases: ['UniOulu', 'OY'] });
    const project = await add(a, 'projects', { name: 'Akkumineraalien kiertotalous' });
    const person = await add(b, 'people', { name: 'Bertta Björk' });
    const city = await add(null, 'cities', { name: 'Oulu', lat: 65.0121, lon: 25.4651, nameSv: 'Uleåborg' });
    const partner = await link(b, { type: 'PARTNER_IN', from: merged.body.id, to: project.body.id, startDate: '2024-01-01', note: 'osatoteuttaja, "WP2"' });
    const works = await link(b, { type: 'WORKS_AT', from: person.body.id, to: merged.body.id, role: 'tutkijatohtori' });
    const located = await link(null, { type: 'LOCATED_IN', from: merged.body.id, to: city.body.id });
    const between = await link(a, { type: 'COOPERATES_WITH', from: survivor.body.id, to: merged.body.id });
    for (const r of [partner, works, located, between]) expect(r.status).toBe(201);
    const { seen } = await roomSocket();

    const res = await stack.http.post(`/api/v1/workshops/${code}/merge?wait=true`, { survivorId: survivor.body.id, mergedId: merged.body.id }, { cookie: aila });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: survivor.body.id, mergedId: merged.body.id, node: { id: survivor.body.id, name: 'Oulun yliopisto', version: 2 } });
    expect(res.body.node.aliases).toEqual(['OY', 'University of Oulu', 'UniOulu']);
    expect(res.body.movedEdges.map((e: { id: string }) => e.id).sort()).toEqual([partner.body.id, works.body.id, located.body.id].sort());

    // In Neo4j: the links are the survivor's, same type, direction, properties and id; the link between the two is gone.
    const links = await cypher<{ type: string; id: string; source: string; target: string; props: Record<string, unknown> }>(
      stack,
      `MATCH (a)-[r]->(b) WHERE (a.id = $s OR b.id = $s) AND type(r) <> 'IN_WORKSPACE'
       RETURN type(r) AS type, r.id AS id, a.id AS source, b.id AS target, properties(r) AS props ORDER BY type`,
      { s: survivor.body.id },
    );
    expect(links.map(({ type, id, source, target }) => ({ type, id, source, target }))).toEqual([
      { type: 'LOCATED_IN', id: located.body.id, source: survivor.body.id, target: city.body.id },
      { type: 'PARTNER_IN', id: partner.body.id, source: survivor.body.id, target: project.body.id },
      { type: 'WORKS_AT', id: works.body.id, source: person.body.id, target: survivor.body.id },
    ]);
    expect(links.find((l) => l.type === 'PARTNER_IN')!.props).toEqual({ ...partner.body.edge, type: undefined, source: undefined, target: undefined, startDate: '2024-01-01' });
    expect(links.find((l) => l.type === 'WORKS_AT')!.props).toMatchObject({ role: 'tutkijatohtori', createdBy: b.participantId, workshopId });
    expect(await cypher(stack, 'MATCH ()-[r {id: $id}]->() RETURN r', { id: between.body.id })).toHaveLength(0);
    expect(await storedNode(merged.body.id)).toBeNull();
    expect(await storedNode(survivor.body.id)).toMatchObject({ aliases: ['OY', 'University of Oulu', 'UniOulu'], createdBy: a.participantId });
    const [{ inWs }] = await cypher<{ inWs: number }>(stack, 'MATCH (:Entity {id: $id})-[r:IN_WORKSPACE]->(:Workspace {id: $ws}) RETURN count(r) AS inWs', { id: survivor.body.id, ws });
    expect(inWs).toBe(1);
    // Search finds the survivor by the merged node's name.
    const found = await stack.http.get(`/api/v1/search?q=${encodeURIComponent('University of Oulu')}&workspace=${ws}`);
    expect(found.body.items[0]).toMatchObject({ id: survivor.body.id });

    // The room gets node:merged; the change log has the merge.
    const event = await eventually(() => seen.find((c) => c.event === 'node:merged'), 5000, 'node:merged');
    if (event.event !== 'node:merged') throw new Error('unreachable');
    expect(event).toMatchObject({ changeId: res.body.changeId, seq: res.body.seq, workspaceId: ws, workshopId, mergedId: merged.body.id, node: { id: survivor.body.id } });
    expect(event.movedEdges).toHaveLength(3);
    expect(event.movedEdges.find((e) => e.type === 'WORKS_AT')).toMatchObject({ id: works.body.id, source: person.body.id, target: survivor.body.id, role: 'tutkijatohtori' });
    const logged = await loggedChange(res.body.changeId);
    expect(logged).toMatchObject({ op: 'node:merged', workshopId });
    expect(logged?.actor).toMatch(/^facilitator:/);
    const log = await stack.http.get(`/api/v1/workspaces/${ws}/changes?after=${res.body.seq - 1}`);
    expect(log.body.items[0]).toMatchObject({ event: 'node:merged', seq: res.body.seq, mergedId: merged.body.id });

    // A replay of the same request is the same change, applied once.
    const key = randomUUID();
    const other = await add(b, 'organisations', { name: 'Oulun Yliopisto, Kerttu Saalasti -instituutti', orgType: 'research_institute' });
    const once = await stack.http.post(`/api/v1/workshops/${code}/merge?wait=true`, { survivorId: survivor.body.id, mergedId: other.body.id }, { cookie: aila, 'idempotency-key': key });
    const twice = await stack.http.post(`/api/v1/workshops/${code}/merge?wait=true`, { survivorId: survivor.body.id, mergedId: other.body.id }, { cookie: aila, 'idempotency-key': key });
    expect(once.status).toBe(200);
    expect(twice.status).toBe(200);
    expect(twice.body.changeId).toBe(once.body.changeId);
    expect(twice.body.seq).toBe(once.body.seq);
  });

  test('merge refuses nodes outside the workspace, of different types, or the same node (422 / 400)', async () => {
    const { code } = await newWorkshop();
    const org = await add(null, 'organisations', { name: 'Centria', orgType: 'university_of_applied_sciences' });
    const theme = await add(null, 'themes', { name: 'Akkukemia' });
    const elsewhere = await add(null, 'organisations', { name: 'Centria', orgType: 'other' }, otherWs);
    const merge = (survivorId: string, mergedId: string) => stack.http.post(`/api/v1/workshops/${code}/merge?wait=true`, { survivorId, mergedId }, { cookie: aila });

    const types = await merge(org.body.id, theme.body.id);
    expect(types.status).toBe(422);
    expect(types.body.error).toMatchObject({ code: 'MERGE_TYPE_MISMATCH', details: [{ path: 'mergedId' }] });
    const outside = await merge(org.body.id, elsewhere.body.id);
    expect(outside.status).toBe(422);
    expect(outside.body.error).toMatchObject({ code: 'MERGE_NOT_FOUND', details: [{ path: 'mergedId' }] });
    const missing = await merge('org-ei-ole', org.body.id);
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([{ path: 'survivorId', message: expect.any(String) }]);
    const self = await merge(org.body.id, org.body.id);
    expect(self.status).toBe(400);
    expect(self.body.error.details[0].path).toBe('mergedId');
    expect(await storedNode(org.body.id)).toMatchObject({ version: 1 });
    expect(await storedNode(theme.body.id)).toMatchObject({ version: 1 });
  });
});

describe('summary and export', () => {
  let code: string;
  let workshopId: string;
  let päivi: Awaited<ReturnType<typeof joinAs>>;
  let åke: Awaited<ReturnType<typeof joinAs>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await freshWorkspace();
    ({ code, id: workshopId } = await newWorkshop());
    päivi = await joinAs(code, 'Päivi Hämäläinen-Åström');
    åke = await joinAs(code, 'Åke "Ö" Östman, jr.');
    await joinAs(code, 'Hiljainen Havainnoija');
    const oulu = await add(null, 'cities', { name: 'Oulu', lat: 65.0121, lon: 25.4651 });
    const kokkola = await add(null, 'cities', { name: 'Kokkola', lat: 63.8385, lon: 23.1307 });
    ids.yo = (await add(päivi, 'organisations', { name: 'Oulun yliopisto', orgType: 'university' })).body.id;
    ids.tricky = (await add(åke, 'organisations', { name: 'Kemi, "Tornio" & Co\nRivi 2', orgType: 'company' })).body.id;
    ids.formula = (await add(åke, 'organisations', { name: '=HYPERLINK("http://evil.example","klikkaa")', orgType: 'other' })).body.id;
    ids.spam = (await add(åke, 'organisations', { name: 'Roskaa', orgType: 'other' })).body.id;
    ids.person = (await add(päivi, 'people', { name: 'Päivi Hämäläinen-Åström' })).body.id;
    ids.project = (await add(päivi, 'projects', { name: 'Akkuklusteri' })).body.id;
    ids.theme = (await add(åke, 'themes', { name: 'Kiertotalous' })).body.id;
    ids.l1 = (await link(päivi, { type: 'LOCATED_IN', from: ids.yo, to: oulu.body.id })).body.id;
    ids.l2 = (await link(åke, { type: 'LOCATED_IN', from: ids.tricky, to: kokkola.body.id })).body.id;
    ids.l3 = (await link(päivi, { type: 'WORKS_AT', from: ids.person, to: ids.yo, role: 'professori' })).body.id;
    ids.l4 = (await link(åke, { type: 'FOCUSES_ON', from: ids.spam, to: ids.theme })).body.id;
    ids.l5 = (await link(åke, { type: 'LOCATED_IN', from: ids.spam, to: kokkola.body.id })).body.id;
    // Not the workshop's: an editor's organisation in Oulu, and one from another workshop.
    const editorial = await add(null, 'organisations', { name: 'Oulun kaupunki', orgType: 'city' });
    await link(null, { type: 'LOCATED_IN', from: editorial.body.id, to: oulu.body.id });
    const other = await newWorkshop();
    await add(await joinAs(other.code, 'Muu'), 'organisations', { name: 'Muun työpajan yritys', orgType: 'company' });
    expect((await stack.http.post(`/api/v1/workshops/${code}/entries/${ids.spam}/hide?wait=true`, undefined, { cookie: aila })).status).toBe(200);
  });

  test('the summary counts what the workshop added (hidden entries left out), who joined and who is online', async () => {
    const phone = await connectSocket(stack);
    sockets.push(phone);
    expect(await phone.timeout(10_000).emitWithAck('workshop:join', { code, participantToken: päivi.token })).toMatchObject({ ok: true });
    const res = await stack.http.get(`/api/v1/workshops/${code}/summary`, { cookie: aila });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      workshopId,
      code,
      participantsJoined: 3,
      online: 1,
      counts: { organisations: 3, people: 1, projects: 1, themes: 1, links: 3, cities: 2 },
    });
  });

  test('the JSON export lists every entry with who added it and when', async () => {
    const res = await stack.http.get(`/api/v1/workshops/${code}/export?format=json`, { cookie: aila });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { workshop, nodes, relationships } = res.body;
    expect(workshop).toMatchObject({ id: workshopId, code, workspaceId: ws, exportedAt: expect.any(String) });
    const nodeIds = nodes.map((n: { id: string }) => n.id).sort();
    expect(nodeIds).toEqual([ids.yo, ids.tricky, ids.formula, ids.spam, ids.person, ids.project, ids.theme].sort());
    expect(relationships.map((r: { id: string }) => r.id).sort()).toEqual([ids.l1, ids.l2, ids.l3, ids.l4, ids.l5].sort());

    const yo = nodes.find((n: { id: string }) => n.id === ids.yo);
    expect(yo).toMatchObject({ type: 'Organisation', name: 'Oulun yliopisto', createdBy: päivi.participantId, workshopId, addedBy: 'Päivi Hämäläinen-Åström' });
    const [{ at }] = await cypher<{ at: string }>(stack, "MATCH (c:Change {workshopId: $w, op: 'node:created'}) WHERE c.event CONTAINS $id RETURN c.at AS at", { w: workshopId, id: ids.yo });
    expect(yo.addedAt).toBe(at);
    expect(nodes.find((n: { id: string }) => n.id === ids.spam)).toMatchObject({ hidden: true, addedBy: 'Åke "Ö" Östman, jr.' });
    expect(nodes.every((n: Record<string, unknown>) => !('searchText' in n) && !('email' in n))).toBe(true);
    const works = relationships.find((r: { id: string }) => r.id === ids.l3);
    expect(works).toMatchObject({ type: 'WORKS_AT', source: ids.person, target: ids.yo, sourceName: 'Päivi Hämäläinen-Åström', targetName: 'Oulun yliopisto', role: 'professori', addedBy: 'Päivi Hämäläinen-Åström', addedAt: expect.any(String) });
  });

  test('the CSV export: UTF-8 with BOM, one row per entry, quoting and formulas safe for Excel', async () => {
    const res = await fetch(`${stack.api.url}/api/v1/workshops/${code}/export?format=csv`, { headers: { cookie: aila } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="?workshop-${code}\\.csv"?$`));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(['kind', 'type', 'id', 'name', 'from', 'to', 'addedBy', 'addedAt']);
    expect(rows).toHaveLength(12);
    const byId = new Map(rows.map((r) => [r[2], r]));

    expect(byId.get(ids.yo)).toEqual(['node', 'Organisation', ids.yo, 'Oulun yliopisto', '', '', 'Päivi Hämäläinen-Åström', expect.stringMatching(/^\d{4}-\d\d-\d\dT/)]);
    expect(byId.get(ids.tricky)!.slice(3, 7)).toEqual(['Kemi, "Tornio" & Co\nRivi 2', '', '', 'Åke "Ö" Östman, jr.']);
    expect(byId.get(ids.formula)![3]).toBe('\'=HYPERLINK("http://evil.example","klikkaa")');
    expect(byId.get(ids.l3)).toEqual(['relationship', 'WORKS_AT', ids.l3, '', 'Päivi Hämäläinen-Åström', 'Oulun yliopisto', 'Päivi Hämäläinen-Åström', expect.any(String)]);
    expect(byId.get(ids.l2)!.slice(4, 6)).toEqual(['Kemi, "Tornio" & Co\nRivi 2', 'Kokkola']);
    // Quoted in the raw text, with doubled quotes; rows end in CRLF.
    expect(text).toContain('"Kemi, ""Tornio"" & Co\nRivi 2"');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(14);

    const bad = await stack.http.get(`/api/v1/workshops/${code}/export?format=xml`, { cookie: aila });
    expect(bad.status).toBe(400);
  });

  test('cells: formulas neutralised, quotes doubled, Unicode in one form', () => {
    expect(['=1+1', '+358 40', '-5', '@SUM(A1)', '\tx'].map(csvCell)).toEqual(['"\'=1+1"', '"\'+358 40"', '"\'-5"', '"\'@SUM(A1)"', '"\'\tx"']);
    expect(csvCell('Ä"ö",å')).toBe('"Ä""ö"",å"');
    expect(csvCell('Jyva\u0308skyla\u0308')).toBe('"Jyväskylä"');
    expect(csvCell(null)).toBe('""');
  });
});

