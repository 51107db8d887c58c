/// <reference lib="dom" />
/**
 * The renderer choice and the printable summary in a real browser (Debian's chromium through
 * playwright-core): the map drawn with the renderer asked for (WebGL when the browser gives a WebGL2
 * context, else the canvas), the choice remembered, and /w/:ws/print showing the summary's figures and
 * a picture of the map.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { launchChromium, SHOTS } from './support/browser';
import { seedDemo } from '../scripts/seed';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(__dirname, '..', 'client', 'dist', 'index.html')))
    throw new Error('client/dist is missing: run `npm run build:client`');
  stack = await startStack();
  await seedDemo(stack.config);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

type RenderWindow = Window & {
  verkosto?: {
    ready: boolean;
    firstRenderMs?: number;
    cy: { nodes(): { length: number } };
    renderer?(): { webgl: boolean; backend: string | null };
  };
  verkostoPrint?: { ready: boolean; mapSource?: string };
};

test('the map is drawn with WebGL when asked (and the browser has WebGL2), and the choice is remembered', async () => {
  const graph = await stack.http.get('/api/v1/workspaces/demo/graph');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.api.url}/?workspace=demo`);
  await page.waitForFunction(() => (window as RenderWindow).verkosto?.ready === true, undefined, { timeout: 60_000 });
  expect(await page.evaluate(() => (window as RenderWindow).verkosto!.renderer!().webgl)).toBe(false);
  const hasWebgl2 = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));

  // Choosing WebGL reloads the page with it, remembered in localStorage.
  await Promise.all([page.waitForEvent('load'), page.getByTestId('renderer-select').selectOption('webgl')]);
  await page.waitForFunction(() => (window as RenderWindow).verkosto?.ready === true, undefined, { timeout: 60_000 });
  const state = await page.evaluate(() => {
    const v = (window as RenderWindow).verkosto!;
    return {
      renderer: v.renderer!(),
      drawn: v.cy.nodes().length,
      firstRenderMs: v.firstRenderMs,
      stored: localStorage.getItem('verkosto.renderer'),
    };
  });
  expect(state.stored).toBe('webgl');
  expect(state.renderer.webgl).toBe(hasWebgl2);
  if (hasWebgl2) expect(state.renderer.backend).toEqual(expect.any(String));
  expect(state.drawn).toBe(graph.body.nodes.length);
  expect(state.firstRenderMs).toBeGreaterThan(0);
  await expect(page.getByTestId('renderer-select').inputValue()).resolves.toBe('webgl');
  expect(errors).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'demo-webgl.png') });
  await page.close();
}, 150_000);

test('the print page shows the summary figures and a picture of the map', async () => {
  const summary = await stack.http.get('/api/v1/workspaces/demo/summary');
  expect(summary.status).toBe(200);
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.api.url}/w/demo/print`);
  await page.waitForFunction(() => (window as RenderWindow).verkostoPrint?.ready === true, undefined, { timeout: 90_000 });
  await expect(page.getByTestId('print-error').count()).resolves.toBe(0);

  const nodes = (await page.getByTestId('figure-nodes').locator('strong').textContent())!.replace(/\D/g, '');
  expect(Number(nodes)).toBe(summary.body.counts.nodes);
  const projects = (await page.getByTestId('figure-projects').locator('strong').textContent())!.replace(/\D/g, '');
  expect(Number(projects)).toBe(summary.body.counts.nodeTypes.find((t: { type: string }) => t.type === 'Project').count);
  const cities = await page.getByTestId('print-cities').locator('li').count();
  expect(cities).toBe(summary.body.cities.length);
  await expect(page.getByTestId('print-title').textContent()).resolves.toMatch(/Yhteenveto/);

  const image = await page
    .getByTestId('print-map')
    .evaluate((img: HTMLImageElement) => ({ src: img.src.slice(0, 22), width: img.naturalWidth }));
  expect(image.src).toBe('data:image/png;base64,');
  expect(image.width).toBeGreaterThan(100);
  expect(await page.evaluate(() => (window as RenderWindow).verkostoPrint!.mapSource)).toBe('drawn');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-actions').isVisible()).resolves.toBe(false);
  // One A4 page when printed.
  const pdf = await page.pdf({ path: path.join(SHOTS, 'print-summary.pdf'), format: 'A4', printBackground: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
  expect(errors).toEqual([]);
  await page.close();
}, 150_000);
