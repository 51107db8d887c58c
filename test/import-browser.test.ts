/// <reference lib="dom" />
/**
 * The import flow in a real browser (Debian's chromium through playwright-core) against the real API,
 * worker, Neo4j, Redis and socket.io, on an empty workspace of its own: a CSV of organisations with ä,
 * ö and å and one bad row; the dry run lists the bad row with its row number and column and stores
 * nothing; the corrected file is imported with a progress bar driven by the socket's import events;
 * the new organisations appear on the map without a reload; the column mapping is remembered for the
 * workspace (checked again at phone width).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, SHOTS } from './support/browser';
import { createWorkspace, cypher, snapshot, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let browser: Browser;
let ws: string;
const suffix = randomUUID().slice(0, 6);
const names = [`Jyväskylän Akkutehdas ${suffix} Oy`, `Åbo Kretslopp ${suffix} Ab`, `Pörssi Öljy ${suffix} Oy`];

/** "Huomio" is a column the guesser does not know: the user maps it to the description. */
const csv = (thirdOrgType: string) =>
  '\uFEFF' +
  [
    'Nimi;Organisaatiotyyppi;Huomio',
    `${names[0]};company;Kennot ja ääni`,
    `${names[1]};research_institute;Återvinning av metaller`,
    `${names[2]};${thirdOrgType};Öljyjen kierrätys`,
  ].join('\r\n');

const csvFile = (thirdOrgType: string) => ({
  name: 'organisaatiot.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(csv(thirdOrgType), 'utf8'),
});

beforeAll(async () => {
  if (!fs.existsSync(path.join(__dirname, '..', 'client', 'dist', 'index.html')))
    throw new Error('client/dist is missing: `npm test` builds it (or run `npm run build:client`)');
  stack = await startStack();
  ws = await createWorkspace(stack, 'Tuontiverkosto Jyväskylä–Åbo');
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function openWorkspace(page: Page): Promise<void> {
  page.setDefaultTimeout(15_000);
  await page.goto(`${stack.api.url}/?workspace=${encodeURIComponent(ws)}&lang=fi&layout=concentric`);
  await page.waitForFunction(() => (window as Window & { verkosto?: { ready: boolean } }).verkosto?.ready === true, undefined, {
    timeout: 30_000,
  });
}

const organisations = () =>
  cypher<{ name: string; orgType: string; description: string | null }>(
    stack,
    'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(o:Organisation) RETURN o.name AS name, o.orgType AS orgType, o.description AS description',
    { ws },
  );

const mappingOf = (page: Page, column: string) => page.locator(`select[data-testid="import-mapping-field"][data-column="${column}"]`);

test('dry run lists the bad row and stores nothing; the import shows live progress, the nodes appear, the mapping is remembered', async () => {
  // One context: its pages share localStorage, where the mapping is remembered.
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openWorkspace(page);
  const before = await snapshot(stack, ws);

  await page.getByTestId('import-button').click();
  await page.getByTestId('import-file').setInputFiles(csvFile('yritys'));
  expect(await page.getByTestId('import-format').getAttribute('data-format')).toBe('csv');
  // Headers read in the browser, fields guessed from the Finnish names; "Huomio" is not guessed.
  await mappingOf(page, 'Huomio').waitFor();
  expect(await mappingOf(page, 'Nimi').inputValue()).toBe('name');
  expect(await mappingOf(page, 'Organisaatiotyyppi').inputValue()).toBe('orgType');
  expect(await mappingOf(page, 'Huomio').inputValue()).toBe('-');
  expect(await page.getByTestId('import-entity-type').inputValue()).toBe('Organisation');
  await mappingOf(page, 'Huomio').selectOption('description');

  // Dry run: the bad row with its spreadsheet row number (header = 1) and column; nothing stored.
  await page.getByTestId('import-dry-run').click();
  const headline = page.getByTestId('import-headline');
  await headline.waitFor();
  expect(await headline.getAttribute('data-state')).toBe('rejected');
  const issues = page.getByTestId('import-issue');
  expect(await issues.count()).toBe(1);
  expect(await issues.first().getAttribute('data-row')).toBe('4');
  expect(await issues.first().getAttribute('data-column')).toBe('Organisaatiotyyppi');
  expect(await page.getByTestId('import-issue-count').getAttribute('data-total')).toBe('1');
  expect(await page.locator('[data-testid="import-summary"] [data-field="rowsRead"] dd').textContent()).toBe('3');
  expect(await organisations()).toEqual([]);
  expect(await snapshot(stack, ws)).toEqual(before);

  // The corrected file: the mapping chosen above is taken again (remembered at the dry run).
  await page.getByTestId('import-file').setInputFiles(csvFile('company'));
  await mappingOf(page, 'Huomio').waitFor();
  expect(await mappingOf(page, 'Huomio').inputValue()).toBe('description');
  expect(await headline.count()).toBe(0);

  // Record every value the progress bar takes.
  await page.evaluate(() => {
    const bar = document.querySelector('[data-testid="import-progress"]') as HTMLElement;
    const seen: number[] = [];
    (window as Window & { progressSeen?: number[] }).progressSeen = seen;
    new MutationObserver(() => seen.push(Number(bar.dataset.value))).observe(bar, { attributes: true, attributeFilter: ['data-value'] });
  });
  await page.getByTestId('import-run').click();
  await page.locator('[data-testid="import-headline"][data-state="done"]').waitFor({ timeout: 60_000 });
  const seen = await page.evaluate(() => (window as Window & { progressSeen?: number[] }).progressSeen ?? []);
  expect(seen[seen.length - 1]).toBe(100);
  expect(seen.some((v) => v > 0 && v < 100)).toBe(true);
  expect(Number(await page.getByTestId('import-progress').getAttribute('data-events'))).toBeGreaterThanOrEqual(2);
  expect(await page.locator('[data-testid="import-summary"] [data-field="created"] dd').textContent()).toBe('3');
  expect(await page.locator('[data-testid="import-summary"] [data-field="failed"] dd').textContent()).toBe('0');

  // Stored with the mapped description, and on the map through the live changes, without a reload.
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
  expect((await organisations()).sort(byName)).toEqual(
    [
      { name: names[0], orgType: 'company', description: 'Kennot ja ääni' },
      { name: names[1], orgType: 'research_institute', description: 'Återvinning av metaller' },
      { name: names[2], orgType: 'company', description: 'Öljyjen kierrätys' },
    ].sort(byName),
  );
  await page.waitForFunction(
    (expected) => {
      const cy = (window as Window & { verkosto?: { cy: { nodes(): { map<T>(f: (n: { data(k: string): unknown }) => T): T[] } } } })
        .verkosto!.cy;
      const labels = new Set(cy.nodes().map((n) => String(n.data('name') ?? n.data('label'))));
      return expected.every((name) => labels.has(name));
    },
    names,
    { timeout: 15_000 },
  );
  await page.screenshot({ path: path.join(SHOTS, 'import-dialog.png') });
  expect(errors).toEqual([]);
  await page.close();

  // A new page at phone width: the workspace's mapping is remembered, and the dialog fits the screen.
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await openWorkspace(phone);
  await phone.getByTestId('import-button').click();
  await phone.getByTestId('import-file').setInputFiles(csvFile('company'));
  await mappingOf(phone, 'Huomio').waitFor();
  expect(await mappingOf(phone, 'Huomio').inputValue()).toBe('description');
  expect(await mappingOf(phone, 'Nimi').inputValue()).toBe('name');
  const fits = await phone
    .getByTestId('import-dialog')
    .evaluate((d) => d.getBoundingClientRect().width <= window.innerWidth && d.scrollWidth <= d.clientWidth);
  expect(fits).toBe(true);
  await context.close();
}, 120_000);

test('an XLSX file: the dry run tells the columns, which can then be mapped, and the import stores the rows', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Hankkeet');
  sheet.addRow(['Nimi', 'Tila', 'Lisätieto']);
  sheet.addRow([`Akkumineraalit Kokkola–Skellefteå ${suffix}`, 'käynnissä', 'Sivuvirrat hyötykäyttöön']);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await openWorkspace(page);
  await page.getByTestId('import-button').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'hankkeet.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  expect(await page.getByTestId('import-format').getAttribute('data-format')).toBe('xlsx');
  await page.getByTestId('import-entity-type').selectOption('Project');
  expect(await page.getByTestId('import-mapping').count()).toBe(0);

  await page.getByTestId('import-dry-run').click();
  await mappingOf(page, 'Lisätieto').waitFor({ timeout: 30_000 });
  expect(await mappingOf(page, 'Nimi').inputValue()).toBe('name');
  expect(await mappingOf(page, 'Lisätieto').inputValue()).toBe('-');
  await mappingOf(page, 'Lisätieto').selectOption('description');
  await mappingOf(page, 'Tila').selectOption('-');
  await page.getByTestId('import-run').click();
  await page.locator('[data-testid="import-headline"][data-state="done"]').waitFor({ timeout: 60_000 });
  const projects = await cypher<{ name: string; description: string | null; status: string | null }>(
    stack,
    'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(p:Project) RETURN p.name AS name, p.description AS description, p.status AS status',
    { ws },
  );
  expect(projects).toEqual([
    { name: `Akkumineraalit Kokkola–Skellefteå ${suffix}`, description: 'Sivuvirrat hyötykäyttöön', status: null },
  ]);
  await context.close();
}, 120_000);

test('with the socket down the dialog polls the import and still ends with its summary', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // No live connection at all: every socket.io request fails, the REST API works.
  await page.route('**/socket.io/**', (route) => route.abort());
  await page.goto(`${stack.api.url}/?workspace=${encodeURIComponent(ws)}&lang=en&layout=concentric`);
  await page.getByTestId('import-button').click();
  const name = `Vöyrin Kierrätys ${suffix} Oy`;
  await page.getByTestId('import-file').setInputFiles({
    name: 'yksi.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`Name,Organisation type\n${name},company\n`, 'utf8'),
  });
  await mappingOf(page, 'Organisation type').waitFor();
  expect(await mappingOf(page, 'Organisation type').inputValue()).toBe('orgType');
  await page.getByTestId('import-run').click();
  await page.locator('[data-testid="import-headline"][data-state="done"]').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('import-progress').getAttribute('data-events')).toBe('0');
  expect(await page.getByTestId('import-progress').getAttribute('data-value')).toBe('100');
  expect(await page.getByTestId('import-dialog').evaluate((d) => d.classList.contains('import-polling'))).toBe(true);
  expect(await page.locator('[data-testid="import-summary"] [data-field="created"] dd').textContent()).toBe('1');
  const stored = await cypher<{ n: number }>(
    stack,
    'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(o:Organisation {name: $name}) RETURN count(o) AS n',
    { ws, name },
  );
  expect(stored).toEqual([{ n: 1 }]);
  await context.close();
}, 120_000);
