/// <reference lib="dom" />
/**
 * The analysis views in a real browser (Debian's chromium through playwright-core), on a workspace of
 * its own with ä/ö/å names: the metric table lists the organisation with most links (and follows a
 * live metrics:updated), the ego network of depth 1 leaves exactly the neighbours undimmed, an
 * introduction path is highlighted and listed, a double-click brings back a neighbour the map lacks,
 * and the material-flow view draws SUPPLIES with widths in the order of tonnes a year and lists the side
 * stream without a taker. Expected answers come from the link list below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, SHOTS } from './support/browser';
import { createWorkspace, eventually, startStack, type TestStack } from './support/stack';

// A ceiling for a loaded shared machine, not a speed goal.
jest.setTimeout(120_000);

let stack: TestStack;
let browser: Browser;
let ws: string;
const suffix = randomUUID().slice(0, 6);
const id = (key: string) => `${key}-${suffix}`;

const NAMES: Record<string, string> = {
  hub: 'Äänekosken Keskus Oy',
  a1: 'Åbo Akademi Ab',
  a2: 'Öljynjalostus Öy',
  a3: 'Kemin Kuona Oy',
  a4: 'Tornion Höyry Oy',
  b: 'Välittäjä Oy',
  c: 'Ylitornion Tuhka Ky',
  asa: 'Åsa Öberg',
  dregs: 'Viherlipeäsakka',
  bark: 'Kuorijäte',
};
type Link = [type: string, from: string, to: string, props?: Record<string, unknown>];
const LINKS: Link[] = [
  ['COOPERATES_WITH', 'hub', 'a1'],
  ['COOPERATES_WITH', 'hub', 'a2'],
  ['COOPERATES_WITH', 'hub', 'a3'],
  ['COOPERATES_WITH', 'hub', 'a4'],
  ['COOPERATES_WITH', 'a1', 'b'],
  ['COOPERATES_WITH', 'b', 'c'],
  ['WORKS_AT', 'asa', 'a2'],
  ['SUPPLIES', 'a3', 'a4', { material: 'kuona', tonnesPerYear: 9000 }],
  ['SUPPLIES', 'a4', 'hub', { material: 'höyry', tonnesPerYear: 3000 }],
  ['SUPPLIES', 'b', 'c', { material: 'tuhka', tonnesPerYear: 500 }],
  ['PRODUCES', 'c', 'dregs'],
  ['PRODUCES', 'a3', 'bark'],
  ['SUPPLIES', 'bark', 'b', { material: 'kuori', tonnesPerYear: 1200 }],
];

const neighbours = (key: string) => new Set(LINKS.flatMap(([, a, b]) => (a === key ? [b] : b === key ? [a] : [])));

type CyWindow = Window & { verkosto?: { ready: boolean; cy: any } };

beforeAll(async () => {
  if (!fs.existsSync(path.join(__dirname, '..', 'client', 'dist', 'index.html')))
    throw new Error('client/dist is missing: run `npm run build:client`');
  stack = await startStack({ METRICS_DEBOUNCE_MS: 200, METRICS_MIN_INTERVAL_MS: 500 });
  ws = await createWorkspace(stack, 'Analyysiverkosto Kemi–Åbo');
  const org = (key: string) => ({
    op: 'node:create',
    nodeType: 'Organisation',
    id: id(key),
    props: { name: NAMES[key], orgType: 'company' },
  });
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [
      ...['hub', 'a1', 'a2', 'a3', 'a4', 'b', 'c'].map(org),
      { op: 'node:create', nodeType: 'Person', id: id('asa'), props: { name: NAMES.asa } },
      { op: 'node:create', nodeType: 'SideStream', id: id('dregs'), props: { name: NAMES.dregs, tonnesPerYear: 8000 } },
      { op: 'node:create', nodeType: 'SideStream', id: id('bark'), props: { name: NAMES.bark, tonnesPerYear: 1200 } },
      ...LINKS.map(([type, from, to, props]) => ({
        op: 'relationship:create',
        data: { id: id(`${from}-${type}-${to}`), type, from: id(from), to: id(to), ...props },
      })),
    ],
  });
  if (res.status >= 300 || res.body.status !== 'applied') throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.body)}`);
  // The worker computes the metrics after the changes (debounced).
  await eventually(
    async () => (await stack.http.get(`/api/v1/workspaces/${ws}/metrics/summary`)).body.computedAt,
    30_000,
    'metrics computed',
  );
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.setDefaultTimeout(10_000);
  await page.goto(`${stack.api.url}/?workspace=${ws}`);
  await page.waitForFunction(() => (window as CyWindow).verkosto?.ready === true, undefined, { timeout: 60_000 });
  expect(errors).toEqual([]);
  return page;
}

async function openTab(page: Page, tab: 'metrics' | 'explore' | 'flows') {
  if (await page.getByTestId('analysis-drawer').isHidden()) await page.getByTestId('analysis-button').click();
  await page.getByTestId(`analysis-tab-${tab}`).click();
}

/** Ids of the nodes drawn and neither dimmed nor hidden by the analysis. */
const clearNodes = (page: Page) =>
  page.evaluate(() =>
    (window as CyWindow)
      .verkosto!.cy.nodes()
      .filter((n: any) => n.visible() && !n.hasClass('an-dim'))
      .map((n: any) => n.id())
      .sort(),
  );

/** Double-clicks a node where it is drawn (centred first, so it is on screen). */
async function doubleClickNode(page: Page, nodeId: string) {
  await page.evaluate((n) => {
    const cy = (window as CyWindow).verkosto!.cy;
    cy.center(cy.getElementById(n));
  }, nodeId);
  const box = (await page.getByTestId('graph').boundingBox())!;
  const at = await page.evaluate((n) => (window as CyWindow).verkosto!.cy.getElementById(n).renderedPosition(), nodeId);
  await page.mouse.dblclick(box.x + at.x, box.y + at.y);
}

test('the metric table lists the organisation with most links first, and follows metrics:updated', async () => {
  const page = await openPage();
  await openTab(page, 'metrics');
  const degree = (key: string) => LINKS.filter(([, a, b]) => a === key || b === key).length;
  const orgs = ['hub', 'a1', 'a2', 'a3', 'a4', 'b', 'c'];
  const top = orgs.reduce((best, k) => (degree(k) > degree(best) ? k : best));
  const firstRow = page.locator('[data-testid="metric-table"] tbody tr').first();
  await expect(firstRow.getAttribute('data-node-id', { timeout: 10_000 })).resolves.toBe(id(top));
  await expect(firstRow.textContent()).resolves.toContain(NAMES[top]);
  await page.screenshot({ path: path.join(SHOTS, 'analysis-metrics.png') });

  // Six new partners for Välittäjä Oy: after the worker's recomputation it leads the table, live.
  const changes = Array.from({ length: 6 }, (_, i) => [
    { op: 'node:create', nodeType: 'Organisation', id: id(`extra-${i}`), props: { name: `Lisäkumppani ${i} Öy`, orgType: 'company' } },
    { op: 'relationship:create', data: { type: 'COOPERATES_WITH', from: id('b'), to: id(`extra-${i}`) } },
  ]).flat();
  expect((await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, { changes })).body.status).toBe('applied');
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="metric-table"] tbody tr')?.getAttribute('data-node-id') === b,
    id('b'),
    { timeout: 30_000 },
  );
  await page.close();
});

test('ego network of depth 1 leaves exactly the node and its neighbours undimmed', async () => {
  const page = await openPage();
  await page.evaluate((hub) => {
    (window as CyWindow).verkosto!.cy.getElementById(hub).select();
  }, id('hub'));
  await openTab(page, 'explore');
  await page.getByTestId('ego-1').click();
  await page.waitForFunction(() => (window as CyWindow).verkosto!.cy.nodes('.an-dim').length > 0, undefined, { timeout: 10_000 });
  const expected = [id('hub'), ...[...neighbours('hub')].map(id)].sort();
  expect(await clearNodes(page)).toEqual(expected);
  await page.screenshot({ path: path.join(SHOTS, 'analysis-ego.png') });
  await page.getByTestId('show-all').click();
  expect((await clearNodes(page)).length).toBeGreaterThan(expected.length);
  await page.close();
});

test('an introduction path between two actors is highlighted and listed', async () => {
  const page = await openPage();
  await openTab(page, 'explore');
  await page.getByTestId('path-from').fill(NAMES.asa);
  await page.getByTestId('path-from').press('Tab');
  await page.getByTestId('path-to').fill(NAMES.c);
  await page.getByTestId('path-to').press('Tab');
  await page.getByTestId('path-max').selectOption('6');
  await page.getByTestId('path-find').click();
  const listed = await page.getByTestId('path-list').locator('li').first().textContent({ timeout: 10_000 });
  const chain = ['asa', 'a2', 'hub', 'a1', 'b', 'c'];
  expect(listed).toBe(chain.map((k) => NAMES[k]).join(' → '));
  const marked = await page.evaluate(() => {
    const cy = (window as CyWindow).verkosto!.cy;
    return {
      nodes: cy
        .nodes('.an-path')
        .map((n: any) => n.id())
        .sort(),
      edges: cy.edges('.an-path').length,
    };
  });
  expect(marked.nodes).toEqual(chain.map(id).sort());
  expect(marked.edges).toBe(chain.length - 1);
  await page.screenshot({ path: path.join(SHOTS, 'analysis-path.png') });
  await page.close();
});

test('double-clicking a node brings back a neighbour the map does not have', async () => {
  const page = await openPage();
  const missing = id('c');
  const before = await page.evaluate((c) => {
    const cy = (window as CyWindow).verkosto!.cy;
    cy.getElementById(c).remove();
    return cy.nodes().length;
  }, missing);
  await doubleClickNode(page, id('b')); // Välittäjä Oy
  await page.waitForFunction((c) => (window as CyWindow).verkosto!.cy.getElementById(c).length === 1, missing, { timeout: 10_000 });
  const after = await page.evaluate(() => (window as CyWindow).verkosto!.cy.nodes().length);
  expect(after).toBe(before + 1);
  const edgesBack = await page.evaluate((c) => (window as CyWindow).verkosto!.cy.getElementById(c).connectedEdges().length, missing);
  expect(edgesBack).toBeGreaterThan(0);
  await page.close();
});

test('a neighbour that double-click brought past the filters stays shown when live changes arrive, until the user changes a filter', async () => {
  const page = await openPage();
  const asa = id('asa');
  const hiddenByFilter = (nodeId: string) =>
    page.evaluate((n) => (window as CyWindow).verkosto!.cy.getElementById(n).hasClass('filtered'), nodeId);
  await page.getByTestId('filter-type-Person').uncheck();
  expect(await hiddenByFilter(asa)).toBe(true);

  await doubleClickNode(page, id('a2')); // Öljynjalostus Öy, whose only person is Åsa Öberg
  await page.waitForFunction((n) => !(window as CyWindow).verkosto!.cy.getElementById(n).hasClass('filtered'), asa, { timeout: 10_000 });

  // A live change makes the map apply its filters again: Åsa stays.
  const newcomer = id('newcomer');
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [{ op: 'node:create', nodeType: 'Organisation', id: newcomer, props: { name: 'Myöhäinen Ålandia Oy', orgType: 'company' } }],
  });
  expect(res.body.status).toBe('applied');
  await page.waitForFunction((n) => (window as CyWindow).verkosto!.cy.getElementById(n).length === 1, newcomer, { timeout: 10_000 });
  await page.waitForTimeout(100); // the filters run again in the next animation frame
  expect(await hiddenByFilter(asa)).toBe(false);

  // A filter the user changes is a new intent: Åsa is hidden again.
  await page.getByTestId('filter-type-SideStream').uncheck();
  expect(await hiddenByFilter(asa)).toBe(true);
  await page.close();
});

test('the material-flow view draws SUPPLIES by tonnes a year and lists the side stream without a taker', async () => {
  const page = await openPage();
  await openTab(page, 'flows');
  await page.getByTestId('flows-toggle').click();
  const supplies = LINKS.filter(([type]) => type === 'SUPPLIES');
  await page.waitForFunction((n) => (window as CyWindow).verkosto!.cy.edges('.an-flow').length === n, supplies.length, { timeout: 10_000 });
  const flows = await page.evaluate(() =>
    (window as CyWindow)
      .verkosto!.cy.edges('.an-flow')
      .map((e: any) => ({ tonnes: e.data('tonnesPerYear'), width: e.numericStyle('width'), type: e.data('type') })),
  );
  expect(flows.every((f: { type: string }) => f.type === 'SUPPLIES')).toBe(true);
  const byTonnes = [...flows].sort((a, b) => a.tonnes - b.tonnes);
  for (let i = 1; i < byTonnes.length; i++) expect(byTonnes[i]!.width).toBeGreaterThan(byTonnes[i - 1]!.width);
  // Besides the flows, only the link from a side stream without a taker to its producer stays clear.
  const others = await page.evaluate(() =>
    (window as CyWindow)
      .verkosto!.cy.edges('[type != "SUPPLIES"]')
      .filter((e: any) => !e.hasClass('an-dim'))
      .map((e: any) => `${e.data('type')} ${e.source().id()} ${e.target().id()}`),
  );
  expect(others).toEqual([`PRODUCES ${id('c')} ${id('dregs')}`]);
  const untaken = page.getByTestId('untaken-streams').locator('li');
  await expect(untaken.count()).resolves.toBe(1);
  await expect(untaken.first().textContent()).resolves.toContain(NAMES.dregs);
  await expect(untaken.first().textContent()).resolves.toContain(NAMES.c);
  await expect(page.getByTestId('untaken-streams').textContent()).resolves.not.toContain(NAMES.bark);
  await page.screenshot({ path: path.join(SHOTS, 'analysis-flows.png') });
  await page.close();
});
