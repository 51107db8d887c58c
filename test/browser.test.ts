/// <reference lib="dom" />
/**
 * The client in a real browser (Debian's chromium through playwright-core): the page draws the demo
 * network, and a change made through the API appears on the open page without a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, SHOTS } from './support/browser';
import { seedDemo } from '../scripts/seed';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(__dirname, '..', 'client', 'dist', 'index.html'))) throw new Error('client/dist is missing: `npm test` builds it (or run `npm run build:client`)');
  stack = await startStack();
  await seedDemo(stack.config);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

type VerkostoWindow = Window & { verkosto?: { ready: boolean; cy: { nodes(): { length: number }; getElementById(id: string): { length: number; data(k: string): unknown } } } };

async function openDemo(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.api.url}/?workspace=demo`);
  await page.waitForFunction(() => (window as VerkostoWindow).verkosto?.ready === true, undefined, { timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

test('the page draws every node of the demo network', async () => {
  const graph = await stack.http.get('/api/v1/workspaces/demo/graph');
  const page = await openDemo();
  const drawn = await page.evaluate(() => (window as VerkostoWindow).verkosto!.cy.nodes().length);
  expect(drawn).toBe(graph.body.nodes.length);
  expect(drawn).toBeGreaterThan(100);
  await expect(page.getByTestId('node-count').getAttribute('data-nodes')).resolves.toBe(String(drawn));
  await page.screenshot({ path: path.join(SHOTS, 'demo-network.png') });
  await page.close();
});

test('a change made through the API appears on the open page without a reload', async () => {
  const page = await openDemo();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const created = await stack.http.post('/api/v1/workspaces/demo/organisations?wait=true', { name: 'Vaasan akkutehdas Oy', orgType: 'company', aliases: ['Vasa batterifabrik'] });
  expect(created.status).toBe(201);
  await page.waitForFunction((id) => (window as VerkostoWindow).verkosto!.cy.getElementById(id).length === 1, created.body.id, { timeout: 10_000 });
  expect(await page.evaluate((id) => (window as VerkostoWindow).verkosto!.cy.getElementById(id).data('name'), created.body.id)).toBe('Vaasan akkutehdas Oy');

  const link = await stack.http.post('/api/v1/workspaces/demo/relationships?wait=true', { type: 'LOCATED_IN', from: created.body.id, to: 'city-vaasa' });
  await page.waitForFunction((id) => (window as VerkostoWindow).verkosto!.cy.getElementById(id).length === 1, link.body.id, { timeout: 10_000 });

  await stack.http.delete(`/api/v1/workspaces/demo/organisations/${created.body.id}?wait=true`);
  await page.waitForFunction((id) => (window as VerkostoWindow).verkosto!.cy.getElementById(id).length === 0, created.body.id, { timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await page.close();
});

test('on a phone-width screen the map and the search fit, and the language switches', async () => {
  const page = await openDemo({ width: 375, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('search-input').isVisible()).resolves.toBe(true);
  const finnish = await page.getByTestId('search-input').getAttribute('placeholder');
  await page.getByTestId('language-switch').selectOption('en');
  await page.waitForFunction((before) => document.querySelector('[data-testid="search-input"]')?.getAttribute('placeholder') !== before, finnish, { timeout: 5000 });
  await page.screenshot({ path: path.join(SHOTS, 'phone.png') });
  await page.close();
});
