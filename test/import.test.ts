/**
 * Imports against the real services: CSV, XLSX, our JSON graph, GraphML and GEXF files uploaded to
 * POST .../imports, read and applied by the worker's import job through the change pipeline.
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
  const res = await fetch(`${stack.api.url}/api/v1/workspaces/${ws}/imports${qs ? `?${qs}` : ''}`, { method: 'POST', headers: { 'content-type': contentType }, body });
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
  expect(afterFirst.lastSeq).toBe(before.lastSeq + 3);

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
    if (status.state !== 'rejected') console.log(JSON.stringify(status));
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
  if (status.state !== 'done') console.log(JSON.stringify(status.issues));
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
