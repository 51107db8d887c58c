/**
 * Imports against the real services: CSV, XLSX, our JSON graph, GraphML and GEXF files uploaded to
 * POST .../imports, read and applied by the worker's import job through the change pipeline. Round
 * trips go through the real export endpoint (GET .../export?format=).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ImportStatus } from '../domain/imports';
import { FINAL_IMPORT_STATES } from '../domain/imports';
import { connectSocket, createWorkspace, cypher, eventually, join, snapshot, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let tmp: string;

beforeAll(async () => {
  stack = await startStack();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verkosto-import-test-'));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await stack?.close();
});

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(ws: string, body: Buffer | string, contentType: string, query: Record<string, string> = {}) {
  const qs = new URLSearchParams(query).toString();
  const res = await fetch(`${stack.api.url}/api/v1/workspaces/${ws}/imports${qs ? `?${qs}` : ''}`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) as ImportStatus & { error?: { code: string; message: string } } };
}

async function finished(ws: string, importId: string, timeoutMs = 60_000): Promise<ImportStatus> {
  return eventually(async () => {
    const res = await stack.http.get<ImportStatus>(`/api/v1/workspaces/${ws}/imports/${importId}`);
    return FINAL_IMPORT_STATES.includes(res.body.state) ? res.body : undefined;
  }, timeoutMs, `import ${importId}`);
}

async function importFile(ws: string, body: Buffer | string, contentType: string, query: Record<string, string> = {}) {
  const res = await upload(ws, body, contentType, query);
  expect(res.status).toBe(202);
  return finished(ws, res.body.importId);
}

const orgsOf = (ws: string) =>
  cypher<{ id: string; name: string; orgType: string; aliases: string[] | null; businessId: string | null }>(
    stack,
    'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(o:Organisation) RETURN o.id AS id, o.name AS name, o.orgType AS orgType, o.aliases AS aliases, o.businessId AS businessId ORDER BY name',
    { ws },
  );

const ORG_CSV = [
  'Nimi;Organisaation tyyppi;Y-tunnus;Muut nimet;Kotisivu',
  'Jyväskylän yliopisto;university;0245894-7;JYU;https://www.jyu.fi',
  'Åbo Akademi;university;0246246-8;ÅA;https://www.abo.fi',
  'Kokkolan Ääneväylä Oy;company;;Ääneväylä;',
].join('\r\n');

test('a CSV with ä, ö and å is imported: a dry run first stores nothing, the import creates the rows, a second import changes nothing', async () => {
  const ws = await createWorkspace(stack);
  const before = await snapshot(stack, ws);

  const dry = await importFile(ws, '\uFEFF' + ORG_CSV, CSV, { dryRun: 'true', entityType: 'Organisation' });
  expect(dry.state).toBe('done');
  expect(dry.progress).toMatchObject({ rowsRead: 3, rowsValid: 3, rowsBad: 0, created: 3 });
  expect(await snapshot(stack, ws)).toEqual(before);

  const real = await importFile(ws, '\uFEFF' + ORG_CSV, CSV, { entityType: 'Organisation' });
  expect(real.state).toBe('done');
  expect(real.progress).toMatchObject({ rowsRead: 3, rowsApplied: 3, created: 3, failed: 0 });
  const orgs = await orgsOf(ws);
  expect(orgs.map((o) => o.name).sort()).toEqual(['Jyväskylän yliopisto', 'Kokkolan Ääneväylä Oy', 'Åbo Akademi'].sort());
  expect(orgs.find((o) => o.name === 'Åbo Akademi')).toMatchObject({ orgType: 'university', businessId: '0246246-8', aliases: ['ÅA'] });
  const afterFirst = await snapshot(stack, ws);
  expect(afterFirst.lastSeq).toBe(before.lastSeq + 1); // one change per import chunk (test/import-bulk.test.ts)

  const again = await importFile(ws, '\uFEFF' + ORG_CSV, CSV, { entityType: 'Organisation' });
  expect(again.state).toBe('done');
  expect(again.progress).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  expect(await snapshot(stack, ws)).toEqual(afterFirst);
});

test('bad rows are reported with row, column and reason (formulas, HTML, wrong values) and nothing is stored', async () => {
  const ws = await createWorkspace(stack);
  const before = await snapshot(stack, ws);
  const csv = [
    'name,orgType,businessId,description',
    'Vaasan yliopisto,university,0209599-8,Hyvä rivi',
    '=HYPERLINK("http://evil.example";"Klikkaa"),company,,',
    'Oulun Kaupunki,city,,<script>alert(1)</script>',
    'Seinäjoen ammattikorkeakoulu,school,,',
    'Lapin yliopisto,university,12345,',
    '@SUM(A1:A2),company,,',
    'Puhelin Oy,company,,+358 40 123 4567',
  ].join('\n');
  for (const dryRun of ['true', 'false']) {
    const status = await importFile(ws, csv, CSV, { dryRun, entityType: 'Organisation' });
    expect(status.state).toBe('rejected');
    expect(status.progress).toMatchObject({ rowsRead: 7, rowsBad: 5, rowsValid: 2 });
    const byRow = Object.fromEntries(status.issues.map((i) => [i.row, i]));
    expect(byRow[3]).toMatchObject({ column: 'name', reason: expect.stringMatching(/formula/) });
    expect(byRow[4]).toMatchObject({ column: 'description', reason: expect.stringMatching(/HTML/) });
    expect(byRow[5]).toMatchObject({ column: 'orgType', reason: expect.stringMatching(/Invalid enum value/) });
    expect(byRow[6]).toMatchObject({ column: 'businessId', reason: expect.stringMatching(/business id/) });
    expect(byRow[7]).toMatchObject({ column: 'name', reason: expect.stringMatching(/formula/) });
    expect(byRow[2]).toBeUndefined();
    expect(byRow[8]).toBeUndefined(); // a phone number starting with + is data, not a formula
    expect(await snapshot(stack, ws)).toEqual(before);
  }
  // skipBad stores the good rows only
  const partial = await importFile(ws, csv, CSV, { entityType: 'Organisation', skipBad: 'true' });
  expect(partial.state).toBe('done');
  expect((await orgsOf(ws)).map((o) => o.name).sort()).toEqual(['Puhelin Oy', 'Vaasan yliopisto']);
});

test('a Windows-1252 file is refused with the byte and line, and nothing is stored', async () => {
  const ws = await createWorkspace(stack);
  const before = await snapshot(stack, ws);
  const latin1 = Buffer.from('name,orgType\nOulun yliopisto,university\nJyväskylän yliopisto,university\n', 'latin1');
  const status = await importFile(ws, latin1, CSV, { entityType: 'Organisation' });
  expect(status.state).toBe('failed');
  expect(status.error?.code).toBe('NOT_UTF8');
  expect(status.error?.message).toMatch(/byte 0xE4 at byte \d+, line 3 .*"ä"/);
  expect(status.issues[0]).toMatchObject({ row: 3 });
  expect(await snapshot(stack, ws)).toEqual(before);
});

test('missing required columns stop the import at the header, naming them', async () => {
  const ws = await createWorkspace(stack);
  const status = await importFile(ws, 'Nimi,Kotisivu\nOulun yliopisto,https://oulu.fi\n', CSV, { entityType: 'Organisation' });
  expect(status.state).toBe('failed');
  expect(status.error).toMatchObject({ code: 'MISSING_COLUMNS', message: expect.stringMatching(/orgType/) });
  expect(status.issues[0]).toMatchObject({ row: 1, column: 'orgType' });
  const links = await importFile(ws, 'id,type,source\nx,LEADS,a\n', CSV, { entityType: 'Relationship' });
  expect(links.error).toMatchObject({ code: 'MISSING_COLUMNS', message: expect.stringMatching(/target/) });
});

test('organisations without an id go through the duplicate matcher: "Oulun yliopisto Oy" is the existing Oulun yliopisto', async () => {
  const ws = await createWorkspace(stack);
  const existing = await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { name: 'Oulun yliopisto', orgType: 'university' });
  expect(existing.status).toBe(201);
  const csv = 'Nimi;Tyyppi\nOulun yliopisto Oy;university\nOULUN YLIOPISTO;university\nKemin Digipolis Oy;development_company\nKemin Digipolis;development_company\n';
  const status = await importFile(ws, csv, CSV, { entityType: 'Organisation', mapping: JSON.stringify({ Nimi: 'name', Tyyppi: 'orgType' }) });
  expect(status.state).toBe('done');
  expect(status.progress).toMatchObject({ created: 1, matched: 3 });
  expect(status.matches).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ row: 2, name: 'Oulun yliopisto Oy', matchedId: existing.body.id, matchedName: 'Oulun yliopisto' }),
      expect.objectContaining({ row: 3, matchedId: existing.body.id }),
      expect.objectContaining({ row: 5, name: 'Kemin Digipolis', matchedName: 'Kemin Digipolis Oy' }),
    ]),
  );
  expect((await orgsOf(ws)).map((o) => o.name).sort()).toEqual(['Kemin Digipolis Oy', 'Oulun yliopisto']);
  const again = await importFile(ws, csv, CSV, { entityType: 'Organisation', mapping: JSON.stringify({ Nimi: 'name', Tyyppi: 'orgType' }) });
  expect(again.progress).toMatchObject({ created: 0, updated: 0 });
  expect((await orgsOf(ws)).length).toBe(2);
});

test('an XLSX workbook (one sheet per type and a relationships sheet) is imported; formula cells are reported', async () => {
  const ws = await createWorkspace(stack);
  const book = new ExcelJS.Workbook();
  const orgs = book.addWorksheet('Organisation');
  orgs.addRow(['id', 'name', 'orgType', 'aliases']);
  orgs.addRow([`xo-sykli-${ws}`, 'Sykli Ympäristöopisto', 'vocational_college', 'Sykli;Ympäristöopisto Sykli']);
  orgs.addRow([`xo-pori-${ws}`, 'Porin kaupunki', 'city', '']);
  const projects = book.addWorksheet('Project');
  projects.addRow(['id', 'name', 'startDate', 'budgetEur']);
  projects.addRow([`xp-akku-${ws}`, 'Akkuosaamisen kehittämishanke Åland', new Date(Date.UTC(2024, 2, 1)), 250000]);
  const rels = book.addWorksheet('relationships');
  rels.addRow(['id', 'type', 'source', 'target', 'role']);
  rels.addRow([`xr-1-${ws}`, 'LEADS', `xo-sykli-${ws}`, `xp-akku-${ws}`, '']);
  rels.addRow([`xr-2-${ws}`, 'PARTNER_IN', `xo-pori-${ws}`, `xp-akku-${ws}`, '']);
  const file = Buffer.from(await book.xlsx.writeBuffer());
  const status = await importFile(ws, file, XLSX);
  expect(status).toMatchObject({ state: 'done', issueCount: 0 });
  expect(status.progress).toMatchObject({ rowsRead: 5, created: 5 });
  const [project] = await cypher<{ name: string; startDate: string; budgetEur: number; lead: string }>(
    stack,
    'MATCH (p:Project {id: $id})<-[:LEADS]-(o) RETURN p.name AS name, p.startDate AS startDate, p.budgetEur AS budgetEur, o.name AS lead',
    { id: `xp-akku-${ws}` },
  );
  expect(project).toEqual({ name: 'Akkuosaamisen kehittämishanke Åland', startDate: '2024-03-01', budgetEur: 250000, lead: 'Sykli Ympäristöopisto' });

  const bad = new ExcelJS.Workbook();
  const sheet = bad.addWorksheet('Tiedot');
  sheet.addRow(['Nimi', 'Tyyppi', 'Kuvaus']);
  sheet.addRow(['Rauman kaupunki', 'city', { formula: 'CONCAT("a";"b")', result: 'ab' }]);
  sheet.addRow(['Eurajoen kunta', 'city', '<b>lihavoitu</b>']);
  const before = await snapshot(stack, ws);
  const rejected = await importFile(ws, Buffer.from(await bad.xlsx.writeBuffer()), XLSX, { entityType: 'Organisation', mapping: JSON.stringify({ Nimi: 'name', Tyyppi: 'orgType', Kuvaus: 'description' }) });
  expect(rejected.state).toBe('rejected');
  expect(rejected.issues).toEqual([
    expect.objectContaining({ row: 2, sheet: 'Tiedot', column: 'Kuvaus', reason: expect.stringMatching(/formula/) }),
    expect.objectContaining({ row: 3, sheet: 'Tiedot', column: 'Kuvaus', reason: expect.stringMatching(/HTML/) }),
  ]);
  expect(await snapshot(stack, ws)).toEqual(before);
});

/** A small network in a new workspace, made through the batch API. */
async function sourceNetwork(): Promise<string> {
  const ws = await createWorkspace(stack, 'Lähdeverkosto Åbo–Oulu');
  const id = (s: string) => `${s}-${ws}`;
  const changes = [
    { op: 'node:create', nodeType: 'City', id: id('oulu'), props: { name: 'Oulu', nameSv: 'Uleåborg', lat: 65.01, lon: 25.47 } },
    { op: 'node:create', nodeType: 'Organisation', id: id('oy'), props: { name: 'Oulun yliopisto', orgType: 'university', aliases: ['OY', 'Uleåborgs universitet'], businessId: '0245872-8' } },
    { op: 'node:create', nodeType: 'Organisation', id: id('aa'), props: { name: 'Åbo Akademi', orgType: 'university', nameSv: 'Åbo Akademi' } },
    { op: 'node:create', nodeType: 'Project', id: id('p'), props: { name: 'Akkumateriaalien kierrätys Pohjois-Suomessa', startDate: '2024-01-01', endDate: '2026-12-31', budgetEur: 1200000.5, goals: ['Kierrätys', 'Osaaminen ja koulutus'] } },
    { op: 'node:create', nodeType: 'Theme', id: id('t'), props: { name: 'Akkujen kierrätys', kind: 'topic', nameEn: 'Battery recycling' } },
    { op: 'relationship:create', data: { id: id('r1'), type: 'LOCATED_IN', from: id('oy'), to: id('oulu') } },
    { op: 'relationship:create', data: { id: id('r2'), type: 'LEADS', from: id('oy'), to: id('p'), note: 'Päätoteuttaja' } },
    { op: 'relationship:create', data: { id: id('r3'), type: 'PARTNER_IN', from: id('aa'), to: id('p'), startDate: '2024-02-01' } },
    { op: 'relationship:create', data: { id: id('r4'), type: 'FOCUSES_ON', from: id('p'), to: id('t') } },
  ];
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, { changes });
  expect(res.body.status).toBe('applied');
  return ws;
}

/** A workspace's graph with ids replaced by names: equal for two workspaces holding the same network. */
async function graphOf(ws: string) {
  const nodes = await cypher<{ n: Record<string, unknown>; type: string }>(
    stack,
    `MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(n) RETURN n {.name, .aliases, .nameSv, .nameEn, .orgType, .businessId, .lat, .lon, .startDate, .endDate, .budgetEur, .goals, .kind} AS n, [l IN labels(n) WHERE l <> 'Entity'][0] AS type`,
    { ws },
  );
  const rels = await cypher<{ r: Record<string, unknown>; type: string; a: string; b: string }>(
    stack,
    `MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(x)-[r]->(y) WHERE type(r) <> 'IN_WORKSPACE'
     RETURN type(r) AS type, x.name AS a, y.name AS b, r {.note, .startDate, .role} AS r`,
    { ws },
  );
  const clean = (o: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null).sort()));
  return {
    nodes: nodes.map((n) => `${n.type} ${clean(n.n)}`).sort(),
    rels: rels.map((r) => `${r.a} -${r.type}-> ${r.b} ${clean(r.r)}`).sort(),
  };
}

async function exported(ws: string, format: string, part?: string): Promise<Buffer> {
  const res = await fetch(`${stack.api.url}/api/v1/workspaces/${ws}/export?format=${format}${part ? `&part=${part}` : ''}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe.each([
  ['json', 'application/json'],
  ['graphml', 'application/graphml+xml'],
  ['gexf', 'application/xml'],
  ['xlsx', XLSX],
])('round trip through the %s export', (format, contentType) => {
  test('export -> import into a fresh workspace gives the same graph (ids mapped), and into the same workspace changes nothing', async () => {
    const source = await sourceNetwork();
    const file = await exported(source, format);
    const target = await createWorkspace(stack, 'Kohdeverkosto Jyväskylä');
    const status = await importFile(target, file, contentType);
    expect(status).toMatchObject({ state: 'done', issueCount: 0 });
    expect(status.progress).toMatchObject({ created: 9, failed: 0 });
    expect(await graphOf(target)).toEqual(await graphOf(source));
    // Ids of the source workspace were mapped to ids of the target: the source is untouched.
    const [{ mapped }] = await cypher<{ mapped: number }>(stack, 'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(n) WHERE n.id STARTS WITH $prefix RETURN count(n) AS mapped', { ws: target, prefix: `oy-${source}.` });
    expect(mapped).toBe(1);
    expect(status.notes.join('\n')).toMatch(/another workspace/);

    const sourceBefore = await snapshot(stack, source);
    const same = await importFile(source, file, contentType);
    expect(same.progress).toMatchObject({ created: 0, updated: 0, unchanged: 9 });
    expect(await snapshot(stack, source)).toEqual(sourceBefore);
    const targetBefore = await snapshot(stack, target);
    const again = await importFile(target, file, contentType);
    expect(again.progress).toMatchObject({ created: 0, updated: 0, unchanged: 9 });
    expect(await snapshot(stack, target)).toEqual(targetBefore);
  });
});

test('round trip through the CSV export: nodes file, then relationships file', async () => {
  const source = await sourceNetwork();
  const target = await createWorkspace(stack);
  const nodes = await importFile(target, await exported(source, 'csv', 'nodes'), CSV);
  expect(nodes).toMatchObject({ state: 'done', issueCount: 0 });
  const links = await importFile(target, await exported(source, 'csv', 'relationships'), CSV);
  expect(links).toMatchObject({ state: 'done', issueCount: 0 });
  expect(links.progress).toMatchObject({ created: 4 });
  expect(await graphOf(target)).toEqual(await graphOf(source));
});

test('GraphML and GEXF written by other tools (labels, typed keys) are read', async () => {
  const ws = await createWorkspace(stack);
  const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="labels" attr.type="string"/>
  <key id="d1" for="node" attr.name="name" attr.type="string"/>
  <key id="d2" for="node" attr.name="orgType" attr.type="string"/>
  <key id="d3" for="node" attr.name="lat" attr.type="double"/>
  <key id="d4" for="node" attr.name="lon" attr.type="double"/>
  <key id="e0" for="edge" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="g-vaasa-${ws}"><data key="d0">:Entity:City</data><data key="d1">Vaasa</data><data key="d3">63.1</data><data key="d4">21.6</data></node>
    <node id="g-wasa-${ws}"><data key="d0">:Organisation</data><data key="d1">Wärtsilä Oyj Abp</data><data key="d2">company</data></node>
    <edge id="g-e1-${ws}" source="g-wasa-${ws}" target="g-vaasa-${ws}"><data key="e0">LOCATED_IN</data></edge>
  </graph>
</graphml>`;
  const a = await importFile(ws, graphml, 'application/graphml+xml');
  expect(a).toMatchObject({ state: 'done', issueCount: 0 });
  expect(a.progress.created).toBe(3);
  const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
  <attributes class="node"><attribute id="0" title="type" type="string"/><attribute id="1" title="orgType" type="string"/></attributes>
  <nodes>
    <node id="x-${ws}" label="Seinäjoen ammattikorkeakoulu"><attvalues><attvalue for="0" value="Organisation"/><attvalue for="1" value="university_of_applied_sciences"/></attvalues></node>
  </nodes>
  <edges><edge id="x-e-${ws}" source="x-${ws}" target="g-vaasa-${ws}" label="LOCATED_IN"/></edges>
</graph></gexf>`;
  const b = await importFile(ws, gexf, 'application/xml');
  expect(b).toMatchObject({ format: 'gexf', state: 'done', issueCount: 0 });
  const [row] = await cypher<{ names: string[] }>(stack, 'MATCH (c:City {id: $id})<-[:LOCATED_IN]-(o) RETURN collect(o.name) AS names', { id: `g-vaasa-${ws}` });
  expect(row.names.sort()).toEqual(['Seinäjoen ammattikorkeakoulu', 'Wärtsilä Oyj Abp']);
});

test('a JSON file that is not our graph format, and links to nodes that do not exist, are reported', async () => {
  const ws = await createWorkspace(stack);
  const notOurs = await importFile(ws, JSON.stringify({ hello: 'world' }), 'application/json');
  expect(notOurs.error?.code).toBe('JSON_NOT_A_GRAPH');
  const doc = { format: 'verkosto-graph', version: 1, nodes: [{ id: `j1-${ws}`, type: 'Theme', name: 'Kiertotalous' }], relationships: [{ id: `jr-${ws}`, type: 'PART_OF', source: `j1-${ws}`, target: 'missing-node' }] };
  const before = await snapshot(stack, ws);
  const status = await importFile(ws, JSON.stringify(doc), 'application/json');
  expect(status.state).toBe('rejected');
  expect(status.issues).toEqual([expect.objectContaining({ row: 1, sheet: 'relationships', column: 'target', reason: expect.stringMatching(/missing-node/) })]);
  expect(await snapshot(stack, ws)).toEqual(before);
});

test('a 50 MB CSV: past a 10 MB limit it is a 413 with the limit; under the default limit it streams and a dry run reports its bad rows', async () => {
  const ws = await createWorkspace(stack);
  const file = path.join(tmp, 'big.csv');
  const out = fs.createWriteStream(file);
  const filler = 'Pitkä kuvaus äöå '.repeat(25);
  let rows = 0;
  out.write('id,name,orgType,description\n');
  while (out.bytesWritten + out.writableLength < 50 * 1024 * 1024) {
    rows++;
    const bad = rows % 10_000 === 0 ? '=cmd|calc' : `Yritys ${rows} Oy`;
    out.write(`big-${rows}-${ws},${bad},company,${filler}\n`);
  }
  await new Promise((r) => out.end(r));
  const size = fs.statSync(file).size;
  expect(size).toBeGreaterThanOrEqual(50 * 1024 * 1024);

  const { startApiServer } = await import('../api/server');
  const small = await startApiServer({ ...stack.config, IMPORT_MAX_BYTES: 10 * 1024 * 1024 });
  try {
    const res = await fetch(`${small.url}/api/v1/workspaces/${ws}/imports`, { method: 'POST', headers: { 'content-type': CSV, 'content-length': String(size) }, body: new Uint8Array(fs.readFileSync(file)) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'IMPORT_TOO_LARGE', message: expect.stringMatching(/10 MB/), limitBytes: 10 * 1024 * 1024 } });
  } finally {
    await small.close();
  }

  const before = await snapshot(stack, ws);
  const res = await upload(ws, fs.readFileSync(file), CSV, { dryRun: 'true', entityType: 'Organisation' });
  expect(res.status).toBe(202);
  const status = await finished(ws, res.body.importId, 180_000);
  expect(status.state).toBe('rejected');
  expect(status.progress).toMatchObject({ rowsRead: rows, rowsBad: Math.floor(rows / 10_000), bytesRead: size });
  expect(status.issues.every((i) => i.column === 'name' && /formula/.test(i.reason))).toBe(true);
  expect(await snapshot(stack, ws)).toEqual(before);
}, 240_000);

test('progress and the end of an import come over the socket to the workspace room, a few times a second at most', async () => {
  const ws = await createWorkspace(stack);
  const socket = await connectSocket(stack);
  try {
    await join(socket, ws);
    const progress: { fraction: number; state: string; at: number }[] = [];
    const finishedEvents: { importId: string; state: string }[] = [];
    socket.on('import:progress', (p) => progress.push({ fraction: p.fraction, state: p.state, at: Date.now() }));
    socket.on('import:finished', (f) => finishedEvents.push(f));
    const lines = ['id,name,type'];
    for (let i = 0; i < 6000; i++) lines.push(`pr-${i}-${ws},Teema ${i} äö,Theme`);
    const started = Date.now();
    const res = await upload(ws, lines.join('\n'), CSV);
    const status = await finished(ws, res.body.importId, 120_000);
    expect(status).toMatchObject({ state: 'done' });
    expect(status.progress).toMatchObject({ created: 6000, rowsApplied: 6000 });
    await eventually(() => finishedEvents.length === 1, 5000, 'import:finished');
    expect(finishedEvents[0]).toMatchObject({ importId: res.body.importId, state: 'done' });
    expect(progress.map((p) => p.state)).toEqual(expect.arrayContaining(['validating', 'applying']));
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    // at most one every 250 ms, plus one per state change
    expect(progress.length).toBeLessThanOrEqual((Date.now() - started) / 250 + 4);
  } finally {
    socket.disconnect();
  }
}, 180_000);
