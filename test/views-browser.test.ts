/// <reference lib="dom" />
/**
 * Saved views in a real browser (Debian's chromium through playwright-core), on a workspace of its own
 * with computed metrics: a view is saved from the views menu (themes filtered out, at least one link,
 * size by PageRank, colour by community); its URL opened in a fresh browser context applies the filter,
 * style and layout (read from window.verkosto's Cytoscape state); its share link opened in another
 * context shows a read-only map without edit controls and without the e-mail of the person who has one,
 * follows live changes (a rename, a person who enters the view once her metrics are in, a theme that
 * stays out) and says so when the link is revoked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Core } from 'cytoscape';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, SHOTS } from './support/browser';
import { createWorkspace, cypher, eventually, startStack, type TestStack } from './support/stack';
import { changeBuilders } from './support/changes';

const EMAIL = 'asa.ohman@example.fi';

let stack: TestStack;
let browser: Browser;
let ws: string;
const suffix = randomUUID().slice(0, 6);
const id = (key: string) => `${key}-${suffix}`;

type Win = Window & { verkosto?: { ready: boolean; cy: Core; layout(): string }; verkostoViews?: { active(): { id: string } | null } };

function networkChanges() {
  const { node, link: rel } = changeBuilders(id);
  return [
    node('City', 'vaasa', { name: 'Vaasa', nameSv: 'Vasa', lat: 63.0951, lon: 21.6165 }),
    node('City', 'abo', { name: 'Åbo', lat: 60.4518, lon: 22.2666 }),
    node('Organisation', 'vebic', { name: 'Vaasan yliopisto – VEBIC', orgType: 'university' }),
    node('Organisation', 'akademi', { name: 'Åbo Akademi', orgType: 'university' }),
    node('Organisation', 'yksin', { name: 'Yksinäinen Öljy Oy', orgType: 'company' }),
    node('Project', 'akku', { name: 'Akkujen kierrätys Österbottenissa', startDate: '2023-03-01', endDate: '2026-12-31' }),
    node('Person', 'asa', { name: 'Åsa Öhman', title: 'Projektipäällikkö', email: EMAIL, phone: '+358 40 123 4567' }),
    node('Theme', 'kierto', { name: 'Kiertotalous', kind: 'topic' }),
    rel('LOCATED_IN', 'vebic', 'vaasa'),
    rel('LOCATED_IN', 'akademi', 'abo'),
    rel('LEADS', 'vebic', 'akku'),
    rel('PARTNER_IN', 'akademi', 'akku'),
    rel('WORKS_AT', 'asa', 'vebic', { role: 'Projektipäällikkö' }),
    rel('FOCUSES_ON', 'akku', 'kierto'),
  ];
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(__dirname, '..', 'client', 'dist', 'index.html')))
    throw new Error('client/dist is missing: `npm test` builds it (or run `npm run build:client`)');
  stack = await startStack({ EDITOR_TOKEN: 'editor-token-for-views-browser', METRICS_DEBOUNCE_MS: 200, METRICS_MIN_INTERVAL_MS: 500 });
  ws = await createWorkspace(stack, 'Näkymäkartta Vöyri–Åbo');
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, { changes: networkChanges() });
  if (res.status >= 300 || res.body.status !== 'applied') throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.body)}`);
  await eventually(
    async () =>
      (
        await cypher<{ missing: number }>(
          stack,
          'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(n) WHERE n.metrics_pagerank IS NULL RETURN count(n) AS missing',
          { ws },
        )
      )[0].missing === 0,
    30_000,
    'metrics stored',
  );
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function openIn(url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.api.url}${url}`);
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  await page
    .waitForFunction(() => (window as Win).verkosto?.ready === true, undefined, { timeout: 30_000 })
    .catch(async (err) => {
      throw new Error(`${String(err)}\n${errors.join('\n')}\n${(await page.locator('body').innerText()).slice(0, 500)}`);
    });
  return { page, errors };
}

/** What the canvas shows, from the Cytoscape instance. */
const canvasState = (page: Page) =>
  page.evaluate(() => {
    const cy = (window as Win).verkosto!.cy;
    return cy.nodes().map((n) => ({
      id: n.id(),
      type: n.data('type') as string,
      visible: n.visible(),
      vSize: n.data('vSize') as number | undefined,
      width: n.numericStyle('width'),
      colour: n.style('background-color') as string,
      vColour: n.data('vColour') as string | undefined,
    }));
  });

test('a view saved in the UI opens from its URL in a fresh browser, and its share link is read-only without contact details', async () => {
  // Save: themes off in the sidebar, at least one link, size by PageRank, colour by community, concentric layout.
  const { page: editor, errors } = await openIn(`/w/${encodeURIComponent(ws)}?lang=fi&layout=concentric`);
  await editor.getByTestId('filter-type-Theme').uncheck();
  await editor.getByTestId('views-button').click();
  await editor.getByTestId('views-save-name').fill('Åsan näkymä – Vöyri');
  await editor.getByTestId('views-save-metric').selectOption('degree');
  await editor.getByTestId('views-save-min').fill('1');
  await editor.getByTestId('views-save-size').selectOption('metrics_pagerank');
  await editor.getByTestId('views-save-colour').selectOption('community');
  await editor.getByTestId('views-save-submit').click();
  const item = editor.locator('[data-testid="views-item"]', { hasText: 'Åsan näkymä – Vöyri' });
  await item.waitFor();
  const viewId = await item.getAttribute('data-view-id');
  expect(viewId).toMatch(/^view-/);
  expect(new URL(editor.url()).searchParams.get('view')).toBe(viewId);
  const stored = await stack.http.get(`/api/v1/workspaces/${ws}/views/${viewId}`);
  expect(stored.body).toMatchObject({
    name: 'Åsan näkymä – Vöyri',
    layout: 'concentric',
    camera: null,
    style: { sizeBy: 'metrics_pagerank', colourBy: 'community' },
    filter: { metricRanges: [{ metric: 'degree', min: 1, max: null }] },
  });
  expect(stored.body.filter.types).not.toContain('Theme');
  expect(stored.body.filter.types).toContain('Person');

  // Open its URL in a fresh context (no local storage, default layout): filter, style and layout applied.
  const { page: viewer, errors: viewerErrors } = await openIn(`/w/${encodeURIComponent(ws)}?view=${viewId}&lang=sv`);
  await viewer.waitForFunction(() => (window as Win).verkostoViews?.active() != null);
  expect(await viewer.evaluate(() => (window as Win).verkosto!.layout())).toBe('concentric');
  // What the view shows is on screen: its bounding box lies within the viewport.
  const onScreen = await viewer.evaluate(() => {
    const cy = (window as Win).verkosto!.cy;
    const box = cy.nodes(':visible').boundingBox({});
    const view = cy.extent();
    return box.x1 >= view.x1 - 1 && box.x2 <= view.x2 + 1 && box.y1 >= view.y1 - 1 && box.y2 <= view.y2 + 1;
  });
  expect(onScreen).toBe(true);
  const nodes = await canvasState(viewer);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  expect(byId.get(id('kierto'))!.visible).toBe(false); // a theme
  expect(byId.get(id('yksin'))!.visible).toBe(false); // no links: degree 0
  expect(await viewer.getByTestId('node-count').getAttribute('data-visible')).toBe('6');
  for (const key of ['vebic', 'akademi', 'akku', 'asa', 'vaasa', 'abo'])
    expect({ key, visible: byId.get(id(key))!.visible }).toEqual({ key, visible: true });
  // Size by PageRank: the highest-ranked node is the largest, drawn at its vSize.
  const ranks = await cypher<{ id: string; pagerank: number; community: number }>(
    stack,
    'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(n) RETURN n.id AS id, n.metrics_pagerank AS pagerank, n.metrics_community AS community',
    { ws },
  );
  // Scaled over the nodes the view shows.
  const shownRanks = ranks.filter((r) => byId.get(r.id)!.visible);
  const top = [...shownRanks].sort((a, b) => b.pagerank - a.pagerank)[0];
  const bottom = [...shownRanks].sort((a, b) => a.pagerank - b.pagerank)[0];
  expect(byId.get(top.id)!.vSize).toBe(72);
  expect(byId.get(top.id)!.width).toBe(72);
  expect(byId.get(bottom.id)!.vSize).toBe(18);
  // Colour by community: same community, same colour; different communities, different colours.
  const visible = shownRanks;
  for (const a of visible) {
    const drawn = byId.get(a.id)!;
    expect(drawn.vColour).toBeDefined();
    for (const b of visible) {
      if (a.community !== b.community) continue;
      expect(byId.get(b.id)!.colour).toBe(drawn.colour);
    }
  }
  if (new Set(visible.map((r) => r.community)).size > 1)
    expect(new Set(visible.map((r) => byId.get(r.id)!.colour)).size).toBeGreaterThan(1);
  await viewer.screenshot({ path: path.join(SHOTS, 'saved-view-opened.png') });

  // Share: the menu shows the read-only link.
  if (!(await editor.getByTestId('views-menu').isVisible())) await editor.getByTestId('views-button').click();
  await item.getByTestId('views-share').click();
  const link = await item.getByTestId('views-share-link').inputValue();
  expect(link).toMatch(new RegExp(`^${stack.api.url}/shared/[A-Za-z0-9_-]{20,}$`));

  // Open it in another context: the view's graph, read-only, without the e-mail anywhere in the page.
  const { page: reader, errors: readerErrors } = await openIn(new URL(link).pathname + '?lang=fi');
  await expect(reader.getByTestId('shared-title').textContent()).resolves.toBe('Åsan näkymä – Vöyri');
  await expect(reader.getByTestId('shared-read-only').textContent()).resolves.toBe('Vain luku');
  const shared = await canvasState(reader);
  expect(shared.map((n) => n.id).sort()).toEqual(['vebic', 'akademi', 'akku', 'asa', 'vaasa', 'abo'].map(id).sort());
  expect(shared.find((n) => n.id === top.id)!.vSize).toBe(72);
  await reader.evaluate((personId) => (window as Win).verkosto!.cy.getElementById(personId).select(), id('asa'));
  const details = reader.getByTestId('shared-details');
  await details.waitFor();
  await expect(details.textContent()).resolves.toContain('Projektipäällikkö');
  for (const testId of ['details-edit', 'details-delete', 'add-button', 'details-add-link', 'views-button']) {
    expect({ testId, count: await reader.getByTestId(testId).count() }).toEqual({ testId, count: 0 });
  }
  expect(await reader.locator('form, input:not([type="hidden"]), textarea').count()).toBe(0);
  const html = await reader.content();
  expect(html).not.toContain(EMAIL);
  expect(html).not.toContain('123 4567');
  expect(JSON.stringify(await reader.evaluate(() => (window as Win).verkosto!.cy.nodes().map((n) => n.data())))).not.toContain(EMAIL);
  await reader.screenshot({ path: path.join(SHOTS, 'saved-view-shared.png') });

  // The shared map follows the workspace live: a rename shows, and a new person appears once the
  // recomputed metrics put her in the view (degree ≥ 1), without her e-mail reaching the page.
  await reader.waitForFunction(() => document.querySelector('[data-testid="shared-live"]')?.getAttribute('data-status') === 'live');
  const noora = id('noora');
  const NOORA_EMAIL = 'noora.nasman@example.fi';
  const live = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [
      { op: 'node:update', nodeType: 'Organisation', id: id('akademi'), props: { name: 'Åbo Akademi – Kemiteknik' } },
      { op: 'node:create', nodeType: 'Person', id: noora, props: { name: 'Noora Näsman', email: NOORA_EMAIL } },
      { op: 'relationship:create', data: { type: 'WORKS_AT', from: noora, to: id('akademi') } },
    ],
  });
  expect(live.body.status).toBe('applied');
  const drawnName = (nodeId: string) =>
    reader.evaluate((n) => (window as Win).verkosto!.cy.getElementById(n).data('name') as string | undefined, nodeId);
  await eventually(async () => (await drawnName(id('akademi'))) === 'Åbo Akademi – Kemiteknik', 20_000, 'rename shown on the shared map');
  await eventually(async () => (await drawnName(noora)) === 'Noora Näsman', 30_000, 'new person shown once her metrics are in');
  expect(await reader.content()).not.toContain(NOORA_EMAIL);
  expect(JSON.stringify(await reader.evaluate(() => (window as Win).verkosto!.cy.nodes().map((n) => n.data())))).not.toContain(NOORA_EMAIL);
  // A theme stays out (the view filters themes away), whatever arrives live; the rename in the same
  // batch shows that the map has read the view again since.
  const theme = id('vety');
  const more = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [
      { op: 'node:create', nodeType: 'Theme', id: theme, props: { name: 'Vety', kind: 'topic' } },
      { op: 'relationship:create', data: { type: 'FOCUSES_ON', from: id('akademi'), to: theme } },
      { op: 'node:update', nodeType: 'Organisation', id: id('vebic'), props: { name: 'VEBIC – Vasa universitet' } },
    ],
  });
  expect(more.body.status).toBe('applied');
  await eventually(async () => (await drawnName(id('vebic'))) === 'VEBIC – Vasa universitet', 20_000, 'second rename shown');
  expect(await drawnName(theme)).toBeUndefined();

  // Revoked: the same link now says so, and the open shared page says it stopped updating.
  const readerErrorsBeforeRevoke = readerErrors.length;
  await item.getByTestId('views-unshare').click();
  await reader.waitForFunction(() => document.querySelector('[data-testid="shared-live"]')?.getAttribute('data-status') === 'lost');
  await expect(reader.getByTestId('shared-live').textContent()).resolves.toContain('lakkasi toimimasta');
  // Its last read answered 404 and its socket was closed: the browser logs both, and nothing else.
  const afterRevoke = readerErrors.splice(readerErrorsBeforeRevoke);
  expect(afterRevoke.filter((e) => !/status of 404|WebSocket is already in CLOSING or CLOSED/.test(e))).toEqual([]);
  await eventually(
    async () => (await stack.http.get(new URL(link).pathname.replace('/shared/', '/api/v1/shared/'))).status === 404,
    5000,
    'link revoked',
  );
  const gone = await (await browser.newContext()).newPage();
  await gone.goto(`${link}?lang=fi`);
  await gone.getByTestId('shared-message').filter({ hasText: 'ei ole voimassa' }).waitFor();

  expect([...errors, ...viewerErrors, ...readerErrors]).toEqual([]);
}, 180_000);
