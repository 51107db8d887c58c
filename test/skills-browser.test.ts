/// <reference lib="dom" />
/**
 * The skills-gap view in a real browser (Debian's chromium through playwright-core), on a workspace of
 * its own: a company in Skellefteå needs automation and cell-operator skills, a vocational college in
 * Vaasa trains in automation. The header button opens the view; it shows the API's needs, providers
 * with their level, the gaps and where the nearest other region offers the skill, per region and per
 * city, in Finnish, English and Swedish.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createWorkspace, startStack, type TestStack } from './support/stack';
import { changeBuilders } from './support/changes';

let stack: TestStack;
let browser: Browser;
let ws: string;
const suffix = randomUUID().slice(0, 6);
const id = (key: string) => `${key}-${suffix}`;

function networkChanges() {
  const { node, link: rel } = changeBuilders(id);
  return [
    node('Region', 'region-pohjanmaa', { name: 'Pohjanmaa', nameEn: 'Ostrobothnia' }),
    node('Region', 'region-vasterbotten', { name: 'Västerbotten' }),
    node('City', 'city-vaasa', { name: 'Vaasa', nameSv: 'Vasa', lat: 63.0951, lon: 21.6165 }),
    node('City', 'city-skelleftea', { name: 'Skellefteå', lat: 64.7507, lon: 20.9528 }),
    rel('IN_REGION', 'city-vaasa', 'region-pohjanmaa'),
    rel('IN_REGION', 'city-skelleftea', 'region-vasterbotten'),
    node('Theme', 'theme-automaatio', { name: 'Automaatio-osaaminen', nameEn: 'Automation skills', kind: 'skill' }),
    node('Theme', 'theme-kenno', { name: 'Kennovalmistuksen operaattori', kind: 'skill' }),
    node('Organisation', 'org-tehdas', { name: 'Älvsbyns Cellfabrik AB', orgType: 'company' }),
    node('Organisation', 'org-opisto', { name: 'Vöyrin ammattiopisto', orgType: 'vocational_college' }),
    rel('LOCATED_IN', 'org-tehdas', 'city-skelleftea'),
    rel('LOCATED_IN', 'org-opisto', 'city-vaasa'),
    rel('NEEDS', 'org-tehdas', 'theme-automaatio'),
    rel('NEEDS', 'org-tehdas', 'theme-kenno'),
    rel('OFFERS_TRAINING', 'org-opisto', 'theme-automaatio', { level: 'vocational' }),
  ];
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(__dirname, '..', 'client', 'dist', 'index.html')))
    throw new Error('client/dist is missing: `npm test` builds it (or run `npm run build:client`)');
  stack = await startStack();
  ws = await createWorkspace(stack, 'Osaamisverkosto Vaasa–Skellefteå');
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, { changes: networkChanges() });
  if (res.status >= 300 || res.body.status !== 'applied') throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.body)}`);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function openWorkspace(lang: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.api.url}/?workspace=${encodeURIComponent(ws)}&lang=${lang}&layout=concentric`);
  await page.waitForFunction(() => (window as Window & { verkosto?: { ready: boolean } }).verkosto?.ready === true, undefined, {
    timeout: 30_000,
  });
  expect(errors).toEqual([]);
  return page;
}

test('the header button opens the needs against offers per region, with the gaps and where they are offered', async () => {
  const page = await openWorkspace('fi');
  await page.getByTestId('skills-button').click();
  const vasterbotten = page.locator(`[data-testid="skills-place"][data-place="${id('region-vasterbotten')}"]`);
  await vasterbotten.waitFor();
  await expect(vasterbotten.locator('h3').textContent()).resolves.toContain('2 aukkoa');
  const automation = vasterbotten.locator(`tr[data-skill="${id('theme-automaatio')}"]`);
  expect(await automation.getAttribute('data-gap')).toBe('true');
  const automationText = await automation.textContent();
  expect(automationText).toContain('Älvsbyns Cellfabrik AB');
  expect(automationText).toMatch(/Tarjolla: Pohjanmaa \(\d+ km\): Vöyrin ammattiopisto \(ammatillinen\)/);
  const cell = vasterbotten.locator(`tr[data-skill="${id('theme-kenno')}"]`);
  expect(await cell.textContent()).toContain('Ei tarjolla muuallakaan');

  const pohjanmaa = page.locator(`[data-testid="skills-place"][data-place="${id('region-pohjanmaa')}"]`);
  expect(await pohjanmaa.locator(`tr[data-skill="${id('theme-automaatio')}"]`).textContent()).toContain(
    'Vöyrin ammattiopisto (ammatillinen)',
  );

  // Per city, and the CSV link for the same view.
  await page.getByTestId('skills-by').selectOption('city');
  await page.locator(`[data-testid="skills-place"][data-place="${id('city-skelleftea')}"]`).waitFor();
  expect(await page.getByTestId('skills-csv').getAttribute('href')).toBe(`/api/v1/workspaces/${ws}/skills?by=city&format=csv`);
  await page.getByTestId('skills-close').click();
  expect(await page.getByTestId('skills-view').isVisible()).toBe(false);
  await page.close();
});

test('in English and Swedish', async () => {
  const page = await openWorkspace('en');
  expect(await page.getByTestId('skills-button').textContent()).toBe('Skills');
  await page.getByTestId('skills-button').click();
  const row = page.locator(`[data-place="${id('region-vasterbotten')}"] tr[data-skill="${id('theme-automaatio')}"]`);
  await row.waitFor();
  expect(await row.textContent()).toMatch(/GapOffered in: Pohjanmaa/);
  await page.getByTestId('skills-close').click();
  await page.getByTestId('language-switch').selectOption('sv');
  expect(await page.getByTestId('skills-button').textContent()).toBe('Kompetens');
  await page.close();
});
