/// <reference lib="dom" />
/**
 * Duplicate work between cities in a real browser (Debian's chromium through playwright-core), on a
 * workspace of its own: battery-recycling projects in Kokkola, Pori and Turku (Åbo) and a hydrogen
 * project in Vaasa. A project's overlaps panel lists the other cities' projects with the API's
 * explanation and highlights both sides on the map; the specialisation heat map shows the API's
 * values, marks gaps and crowded themes and lists a cell's projects; the overlaps list filters and
 * links the API's CSV; a new overlapping project created through the API arrives live as an insight.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, SHOTS } from './support/browser';
import type { OverlapInsight } from '../domain/events';
import { parseCsv } from './support/csv';
import { connectSocket, createWorkspace, eventually, join, startStack, type TestSocket, type TestStack } from './support/stack';
import { changeBuilders } from './support/changes';

let stack: TestStack;
let browser: Browser;
let socket: TestSocket;
let ws: string;
const insights: OverlapInsight[] = [];
const suffix = randomUUID().slice(0, 6);
const id = (key: string) => `${key}-${suffix}`;

const KOKKOLA = id('project-kokkola');
const PORI = id('project-pori');
const TURKU = id('project-turku');
const VETY = id('project-vety');
const RECYCLING = id('theme-akkukierratys');
const LITHIUM = id('theme-litium');

function networkChanges() {
  const { node, link: rel } = changeBuilders(id);
  return [
    node('Region', 'region-pohjanmaa', { name: 'Pohjanmaa', nameEn: 'Ostrobothnia' }),
    node('Region', 'region-keski-pohjanmaa', { name: 'Keski-Pohjanmaa', nameEn: 'Central Ostrobothnia' }),
    node('Region', 'region-satakunta', { name: 'Satakunta' }),
    node('Region', 'region-varsinais-suomi', { name: 'Varsinais-Suomi', nameEn: 'Southwest Finland' }),
    node('City', 'city-vaasa', { name: 'Vaasa', nameSv: 'Vasa', lat: 63.1, lon: 21.62 }),
    node('City', 'city-kokkola', { name: 'Kokkola', nameSv: 'Karleby', lat: 63.84, lon: 23.13 }),
    node('City', 'city-pori', { name: 'Pori', nameSv: 'Björneborg', lat: 61.49, lon: 21.8 }),
    node('City', 'city-turku', { name: 'Turku', nameSv: 'Åbo', lat: 60.45, lon: 22.27 }),
    rel('IN_REGION', 'city-vaasa', 'region-pohjanmaa'),
    rel('IN_REGION', 'city-kokkola', 'region-keski-pohjanmaa'),
    rel('IN_REGION', 'city-pori', 'region-satakunta'),
    rel('IN_REGION', 'city-turku', 'region-varsinais-suomi'),
    node('Theme', 'theme-akkukierratys', {
      name: 'Akkujen kierrätys',
      nameEn: 'Battery recycling',
      nameSv: 'Återvinning av batterier',
      kind: 'topic',
    }),
    node('Theme', 'theme-vety', { name: 'Vetytalous', nameEn: 'Hydrogen economy', nameSv: 'Väteekonomi', kind: 'topic' }),
    node('Theme', 'theme-litium', { name: 'Litiumin louhinta', nameEn: 'Lithium mining', nameSv: 'Litiumbrytning', kind: 'topic' }),
    node('Organisation', 'org-kokkola-metalli', { name: 'Kokkolan Akkumetalli Oy', orgType: 'company' }),
    rel('LOCATED_IN', 'org-kokkola-metalli', 'city-kokkola'),
    node('Project', 'project-kokkola', {
      name: 'Akkumetallien kierrätys Kokkolassa',
      nameEn: 'Battery metal recycling in Kokkola',
      description: 'Kehitetään akkujen kierrätystä ja mustamassan käsittelyä Kokkolan suurteollisuusalueella.',
      startDate: '2024-01-01',
      endDate: '2026-12-31',
      budgetEur: 800000,
    }),
    rel('LOCATED_IN', 'project-kokkola', 'city-kokkola'),
    rel('FOCUSES_ON', 'project-kokkola', 'theme-akkukierratys'),
    rel('LEADS', 'org-kokkola-metalli', 'project-kokkola'),
    node('Project', 'project-pori', {
      name: 'Akkujen kierrätyksen kehittäminen Porissa',
      description: 'Porin seudulla kehitetään akkujen kierrätystä, mustamassan jalostusta ja akkumetallien talteenottoa.',
      startDate: '2023-06-01',
      endDate: '2025-12-31',
      budgetEur: 450000,
    }),
    rel('LOCATED_IN', 'project-pori', 'city-pori'),
    rel('FOCUSES_ON', 'project-pori', 'theme-akkukierratys'),
    node('Project', 'project-turku', {
      name: 'Kierrätysakut Åbossa',
      description: 'Turussa selvitetään akkujen kierrätystä ja käytettyjen akkujen uudelleenkäyttöä.',
      startDate: '2024-03-01',
      endDate: '2025-08-31',
      budgetEur: 300000,
    }),
    rel('LOCATED_IN', 'project-turku', 'city-turku'),
    rel('FOCUSES_ON', 'project-turku', 'theme-akkukierratys'),
    node('Project', 'project-vety', {
      name: 'Vetytalouden osaaminen Vaasassa',
      description: 'Vaasan seudun vetytalouden koulutus ja elektrolyysin pilotointi.',
      startDate: '2024-01-01',
      endDate: '2026-06-30',
      budgetEur: 600000,
    }),
    rel('LOCATED_IN', 'project-vety', 'city-vaasa'),
    rel('FOCUSES_ON', 'project-vety', 'theme-vety'),
  ];
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(__dirname, '..', 'client', 'dist', 'index.html')))
    throw new Error('client/dist is missing: `npm test` builds it (or run `npm run build:client`)');
  stack = await startStack();
  ws = await createWorkspace(stack, 'Akkuverkosto Pohjanmaa–Åbo');
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, { changes: networkChanges() });
  if (res.status >= 300) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.body)}`);
  socket = await connectSocket(stack);
  expect(await join(socket, ws)).toMatchObject({ ok: true });
  socket.on('insight:overlaps', (i) => insights.push(i));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  socket?.disconnect();
  await browser?.close();
  await stack?.close();
});

type Cy = {
  getElementById(id: string): { length: number; select(): void; hasClass(c: string): boolean };
  elements(): { filter(f: (e: { hasClass(c: string): boolean }) => boolean): { length: number } };
};
type VerkostoWindow = Window & { verkosto?: { ready: boolean; cy: Cy } };

async function openWorkspace(viewport = { width: 1280, height: 800 }, lang = 'fi'): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.api.url}/?workspace=${encodeURIComponent(ws)}&lang=${lang}&layout=concentric`);
  await page.waitForFunction(() => (window as VerkostoWindow).verkosto?.ready === true, undefined, { timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

/** Which of the highlight classes each node carries, read from Cytoscape. */
function highlightClasses(page: Page, ids: string[]): Promise<Record<string, string[]>> {
  return page.evaluate((ids) => {
    const cy = (window as VerkostoWindow).verkosto!.cy;
    const names = ['ov-hit', 'ov-source', 'ov-place', 'ov-dim'];
    return Object.fromEntries(ids.map((i) => [i, names.filter((c) => cy.getElementById(i).hasClass(c))]));
  }, ids);
}

function highlightedCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as VerkostoWindow).verkosto!.cy.elements().filter((e) => ['ov-hit', 'ov-dim', 'ov-edge'].some((c) => e.hasClass(c))).length,
  );
}

test("a project's overlaps panel lists the projects in other cities with the API's explanation, and highlights both sides", async () => {
  const api = await stack.http.get(`/api/v1/workspaces/${ws}/projects/${KOKKOLA}/overlaps?k=10`);
  expect(api.status).toBe(200);
  const pori = api.body.items.find((i: { id: string }) => i.id === PORI);
  expect(pori).toBeDefined();

  const page = await openWorkspace();
  await page.evaluate((pid) => {
    (window as VerkostoWindow).verkosto!.cy.getElementById(pid).select();
  }, KOKKOLA);
  const panel = page.locator('[data-testid="overlaps-panel"][data-state="loaded"]');
  await panel.waitFor({ timeout: 10_000 });
  const items = panel.getByTestId('overlap-item');
  expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(
    api.body.items.map((i: { id: string }) => i.id),
  );
  const poriItem = panel.locator(`[data-testid="overlap-item"][data-id="${PORI}"]`);
  await expect(poriItem.getByTestId('overlap-explanation').textContent()).resolves.toBe(pori.explanation.fi);
  await expect(poriItem.getByTestId('overlap-score').textContent()).resolves.toContain(`${Math.round(pori.score * 100)} %`);
  await expect(poriItem.textContent()).resolves.toContain('Pori');

  // The explanation follows the interface language.
  await page.getByTestId('language-switch').selectOption('en');
  await expect(poriItem.getByTestId('overlap-explanation').textContent()).resolves.toBe(pori.explanation.en);
  await expect(panel.locator('h3').first().textContent()).resolves.toContain('Duplicate work');
  await page.getByTestId('language-switch').selectOption('sv');
  await expect(panel.locator('h3').first().textContent()).resolves.toContain('Dubbelarbete');
  await page.getByTestId('language-switch').selectOption('fi');

  await panel.getByTestId('overlaps-highlight').click();
  await page.getByTestId('highlight-bar').waitFor({ state: 'visible' });
  const marked = await highlightClasses(page, [
    KOKKOLA,
    PORI,
    TURKU,
    VETY,
    id('city-kokkola'),
    id('city-pori'),
    id('city-vaasa'),
    id('theme-vety'),
  ]);
  expect(marked[KOKKOLA]).toEqual(expect.arrayContaining(['ov-hit', 'ov-source']));
  expect(marked[PORI]).toContain('ov-hit');
  expect(marked[id('city-kokkola')]).toEqual(expect.arrayContaining(['ov-hit', 'ov-place']));
  expect(marked[id('city-pori')]).toEqual(expect.arrayContaining(['ov-hit', 'ov-place']));
  // The Vaasa hydrogen project overlaps with nothing here: it and its city are dimmed.
  expect(api.body.items.map((i: { id: string }) => i.id)).not.toContain(VETY);
  expect(marked[VETY]).toEqual(['ov-dim']);
  expect(marked[id('city-vaasa')]).toEqual(['ov-dim']);
  await page.screenshot({ path: path.join(SHOTS, 'overlaps-panel-highlight.png') });

  await page.getByTestId('highlight-clear').click();
  await page.getByTestId('highlight-bar').waitFor({ state: 'hidden' });
  expect(await highlightedCount(page)).toBe(0);
  await page.close();
});

test('the heat map shows the API values, marks gaps and crowded themes, and lists and highlights the projects of a cell', async () => {
  const spec = (await stack.http.get(`/api/v1/workspaces/${ws}/specialisation?by=city`)).body;
  const cell = spec.cells.find((c: { placeId: string; themeId: string }) => c.placeId === id('city-kokkola') && c.themeId === RECYCLING);
  expect(cell).toMatchObject({ projects: 1, organisations: 1, euros: 800000 });
  const cellIds = async (by: string, place: string, theme: string) =>
    (await stack.http.get(`/api/v1/workspaces/${ws}/specialisation/projects?by=${by}&place=${place}&theme=${theme}`)).body.items.map((p: { id: string }) => p.id);
  expect(await cellIds('city', id('city-kokkola'), RECYCLING)).toEqual([KOKKOLA]);

  const page = await openWorkspace();
  await page.getByTestId('overlaps-button').click();
  await page.getByTestId('overlaps-tab-heatmap').click();
  await page.locator('[data-testid="heatmap"][data-state="loaded"]').waitFor({ timeout: 10_000 });
  const uiCell = page.locator(`[data-testid="heat-cell"][data-place="${id('city-kokkola')}"][data-theme="${RECYCLING}"]`);
  await expect(uiCell.getAttribute('data-value')).resolves.toBe(String(cell.projects));
  for (const measure of ['organisations', 'euros', 'projects'] as const) {
    await page.locator(`[data-testid="heat-measure"] button[data-value="${measure}"]`).click();
    await expect(page.getByTestId('heatmap').getAttribute('data-measure')).resolves.toBe(measure);
    await expect(uiCell.getAttribute('data-value')).resolves.toBe(String(cell[measure]));
  }
  // As many cells as the API has, one row per place.
  await expect(page.getByTestId('heat-cell').count()).resolves.toBe(spec.cells.length);
  await expect(page.locator('.heat-table tbody tr').count()).resolves.toBe(spec.places.length);
  // Gaps and crowded themes, as the API says.
  expect(spec.gaps.map((g: { id: string }) => g.id)).toContain(LITHIUM);
  expect(spec.crowded.map((c: { id: string }) => c.id)).toContain(RECYCLING);
  await expect(page.locator(`[data-testid="heat-theme"][data-theme="${LITHIUM}"] [data-testid="heat-gap"]`).count()).resolves.toBe(1);
  await expect(page.locator(`[data-testid="heat-theme"][data-theme="${RECYCLING}"] [data-testid="heat-crowded"]`).count()).resolves.toBe(1);
  await expect(page.locator(`[data-testid="heat-theme"][data-theme="${id('theme-vety')}"] .badge`).count()).resolves.toBe(0);
  await expect(page.getByTestId('heat-gap-list').textContent()).resolves.toContain('Litiumin louhinta');
  await page.screenshot({ path: path.join(SHOTS, 'specialisation-heatmap.png') });

  await uiCell.click();
  const detail = page.getByTestId('heat-cell-detail');
  // The cell's projects are asked for when it is chosen (GET …/specialisation/projects).
  await detail.getByTestId('heat-project').first().waitFor();
  await expect(detail.getByTestId('heat-project').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).resolves.toEqual(
    await cellIds('city', id('city-kokkola'), RECYCLING),
  );
  await expect(detail.textContent()).resolves.toContain('Akkumetallien kierrätys Kokkolassa');
  await detail.getByTestId('heat-highlight').click();
  await page.getByTestId('overlaps-drawer').waitFor({ state: 'hidden' });
  const marked = await highlightClasses(page, [KOKKOLA, id('city-kokkola'), PORI]);
  expect(marked[KOKKOLA]).toContain('ov-hit');
  expect(marked[id('city-kokkola')]).toContain('ov-place');
  expect(marked[PORI]).toEqual(['ov-dim']);
  // Back to the heat map from the highlight bar; the region rows are the API's too.
  await page.getByTestId('highlight-back').click();
  await page.locator('[data-testid="heat-by"] button[data-value="region"]').click();
  await page.locator('[data-testid="heatmap"][data-state="loaded"][data-by="region"]').waitFor();
  const regions = (await stack.http.get(`/api/v1/workspaces/${ws}/specialisation?by=region`)).body;
  const regionCell = regions.cells.find(
    (c: { placeId: string; themeId: string }) => c.placeId === id('region-satakunta') && c.themeId === RECYCLING,
  );
  expect(regionCell).toMatchObject({ projects: 1 });
  expect(await cellIds('region', id('region-satakunta'), RECYCLING)).toEqual([PORI]);
  await expect(
    page.locator(`[data-testid="heat-cell"][data-place="${id('region-satakunta')}"][data-theme="${RECYCLING}"]`).getAttribute('data-value'),
  ).resolves.toBe(String(regionCell.projects));
  await page.close();
});

test('on a phone the heat map scrolls inside its box and the page does not overflow', async () => {
  const page = await openWorkspace({ width: 375, height: 740 }, 'sv');
  await page.getByTestId('overlaps-button').click();
  await page.getByTestId('overlaps-tab-heatmap').click();
  await page.locator('[data-testid="heatmap"][data-state="loaded"]').waitFor({ timeout: 10_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const box = await page.getByTestId('heat-scroll').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  // Swedish place names come from the graph (Åbo for Turku).
  await expect(page.locator(`.heat-table tr[data-place="${id('city-turku')}"] th`).textContent()).resolves.toBe('Åbo');
  await page.screenshot({ path: path.join(SHOTS, 'specialisation-heatmap-phone.png') });
  await page.close();
});

test('the overlaps list filters by city, links the CSV of the same pairs, and shows a pair on the map', async () => {
  const all = (await stack.http.get(`/api/v1/workspaces/${ws}/overlaps`)).body;
  const inPori = (await stack.http.get(`/api/v1/workspaces/${ws}/overlaps?city=${id('city-pori')}`)).body;
  expect(all.total).toBeGreaterThan(inPori.total);
  expect(inPori.total).toBeGreaterThan(0);

  const page = await openWorkspace();
  await page.getByTestId('overlaps-button').click();
  const list = page.getByTestId('overlaps-list');
  await page.locator('[data-testid="overlaps-list"][data-state="loaded"]').waitFor({ timeout: 10_000 });
  await expect(list.getByTestId('overlaps-count').getAttribute('data-total')).resolves.toBe(String(all.total));
  await expect(list.getByTestId('overlap-pair').count()).resolves.toBe(all.items.length);

  await list.getByTestId('overlaps-filter-city').selectOption(id('city-pori'));
  await page.waitForFunction(
    (total) => document.querySelector('[data-testid="overlaps-count"]')?.getAttribute('data-total') === String(total),
    inPori.total,
    { timeout: 10_000 },
  );
  const pairs = await list
    .getByTestId('overlap-pair')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-a'), e.getAttribute('data-b')]));
  expect(pairs).toEqual(inPori.items.map((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id]));
  for (const pair of pairs) expect(pair).toContain(PORI);

  const href = await list.getByTestId('overlaps-csv').getAttribute('href');
  expect(href).toContain(`city=${encodeURIComponent(id('city-pori'))}`);
  const csv = await fetch(stack.api.url + href!);
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  const rows = parseCsv(await csv.text());
  expect(rows.length - 1).toBe(inPori.total);

  await list.getByTestId('pair-highlight').first().click();
  const [a, b] = pairs[0]!;
  const marked = await highlightClasses(page, [a!, b!, VETY]);
  expect(marked[a!]).toContain('ov-hit');
  expect(marked[b!]).toContain('ov-hit');
  expect(marked[VETY]).toEqual(['ov-dim']);
  await page.close();
});

test('a new overlapping project created through the API arrives live as an insight that highlights the projects', async () => {
  const page = await openWorkspace();
  const vaasa = id('project-vaasa-kierratys');
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [
      {
        op: 'node:create',
        nodeType: 'Project',
        id: vaasa,
        props: {
          name: 'Akkujen kierrätys Vaasassa',
          description: 'Vaasan seudulla kehitetään akkujen kierrätystä ja mustamassan käsittelyä yhdessä yritysten kanssa.',
          startDate: '2025-01-01',
          endDate: '2027-12-31',
          budgetEur: 350000,
        },
      },
      { op: 'relationship:create', data: { type: 'LOCATED_IN', from: vaasa, to: id('city-vaasa') } },
      { op: 'relationship:create', data: { type: 'FOCUSES_ON', from: vaasa, to: RECYCLING } },
    ],
  });
  expect(res.status).toBeLessThan(300);
  const insight = await eventually(() => insights.find((i) => i.projectId === vaasa), 15_000, 'insight:overlaps on the test socket');
  expect(insight.overlaps.map((o) => o.projectId)).toEqual(expect.arrayContaining([KOKKOLA, PORI]));

  const toast = page.locator('[data-testid="toast"].clickable', { hasText: insight.message.fi });
  await toast.waitFor({ timeout: 15_000 });
  const entry = page.locator(`[data-testid="insight-entry"][data-project="${vaasa}"]`);
  await expect(entry.textContent()).resolves.toContain(insight.message.fi);
  await toast.click();
  await page.getByTestId('highlight-bar').waitFor({ state: 'visible' });
  const involved = [vaasa, ...insight.overlaps.map((o) => o.projectId)];
  const marked = await highlightClasses(page, [...involved, VETY]);
  for (const pid of involved) expect(marked[pid]).toContain('ov-hit');
  expect(marked[vaasa]).toContain('ov-source');
  expect(marked[VETY]).toEqual(['ov-dim']);

  // The sidebar entry does the same after a clear.
  await page.getByTestId('highlight-clear').click();
  expect(await highlightedCount(page)).toBe(0);
  await entry.getByTestId('insight-show').click();
  expect((await highlightClasses(page, [vaasa]))[vaasa]).toContain('ov-hit');
  await page.close();
});
