/// <reference lib="dom" />
/**
 * A network-mapping workshop in a real browser (Debian's chromium through playwright-core): a
 * facilitator signs up and creates a workshop in the UI; three participants on phones, each in a
 * browser context of their own, join from the link and add themselves, their organisations (with
 * ä/ö/å), cities, themes, projects and partners in the UI; the projector and every participant's map
 * show all of it without a reload, and the projector's counters count it. Along the way: "did you
 * mean …?", a draft surviving a reload, an entry made offline and sent when back online, one made
 * while the workshop is paused and sent on resume, and the facilitator hiding, removing and merging.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, SHOTS } from './support/browser';
import { createWorkspace, startStack, type TestStack } from './support/stack';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let stack: TestStack;
let browser: Browser;
let workspaceId: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

interface MapHandle {
  ready: boolean;
  cy: {
    nodes(): { toArray(): { id(): string; data(key: string): unknown; visible(): boolean }[] };
    edges(): { length: number; toArray(): { data(key: string): unknown }[] };
    getElementById(id: string): { length: number; visible(): boolean };
  };
}
type MapWindow = Window & { verkosto?: MapHandle; notReloaded?: boolean };

beforeAll(async () => {
  if (!fs.existsSync(path.join(__dirname, '..', 'client', 'dist', 'index.html')))
    throw new Error('client/dist is missing: `npm test` builds it (or run `npm run build:client`)');
  stack = await startStack();
  workspaceId = await createWorkspace(stack, 'Työpajatesti Åbo–Oulu–Vaasa');
  // What the workspace already knows: three cities and one university (to be picked, not typed again).
  for (const city of [
    { name: 'Oulu', lat: 65.0121, lon: 25.4651 },
    { name: 'Turku', lat: 60.4518, lon: 22.2666 },
    { name: 'Vaasa', lat: 63.0951, lon: 21.6165 },
  ]) {
    const res = await stack.http.post(`/api/v1/workspaces/${workspaceId}/cities?wait=true`, city);
    expect(res.status).toBe(201);
  }
  const university = await stack.http.post(`/api/v1/workspaces/${workspaceId}/organisations?wait=true`, {
    name: 'Oulun yliopisto',
    orgType: 'university',
  });
  expect(university.status).toBe(201);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await stack?.close();
});

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fi-FI', ...options });
  contexts.push(context);
  return context;
}

async function open(context: BrowserContext, url: string, who: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
  await page.goto(url);
  return page;
}

const waitForMap = (page: Page) =>
  page.waitForFunction(() => (window as MapWindow).verkosto?.ready === true, undefined, { timeout: 30_000 });

/** Waits until a page's map holds nodes with all these names (and, if given, none of the others). */
async function waitForNames(page: Page, present: string[], absent: string[] = []): Promise<void> {
  await page.waitForFunction(
    ({ present, absent }) => {
      const names = new Set(
        (window as MapWindow)
          .verkosto!.cy.nodes()
          .toArray()
          .map((n) => n.data('name')),
      );
      return present.every((n) => names.has(n)) && absent.every((n) => !names.has(n));
    },
    { present, absent },
    { timeout: 20_000 },
  );
}

const nodeId = (page: Page, name: string) =>
  page.evaluate(
    (name) =>
      (window as MapWindow)
        .verkosto!.cy.nodes()
        .toArray()
        .find((n) => n.data('name') === name)
        ?.id(),
    name,
  );

/** Joins from the link, or (given a code) by typing the code at /join as it might be typed on a phone. */
async function join(joinUrl: string, name: string, typedCode?: string): Promise<Page> {
  const page = await open(await newContext(PHONE), typedCode ? new URL('/join', joinUrl).href : joinUrl, name);
  if (typedCode) {
    await page.getByTestId('join-code-input').fill(typedCode);
    await page.getByTestId('join-code-submit').click();
    await page.waitForURL(joinUrl);
  }
  await page.getByTestId('display-name-input').fill(name);
  await page.getByTestId('join-submit').click();
  await page.getByTestId('section-me').waitFor();
  await waitForMap(page);
  return page;
}

async function addMe(page: Page, title: string): Promise<void> {
  await page.getByTestId('me-title').fill(title);
  await page.getByTestId('add-me').click();
}

type Picker = 'org-picker' | 'city-picker' | 'projects-picker' | 'partners-picker' | 'themes-picker';

/** Types into a picker and adds; answers "did you mean …?" when asked to. Returns once the picker took it. */
async function pick(page: Page, picker: Picker, text: string, didYouMean?: 'yes' | 'no'): Promise<void> {
  await page.getByTestId(`${picker}-input`).fill(text);
  await page.getByTestId(`${picker}-add`).click();
  if (didYouMean) {
    const question = page.getByTestId(picker).getByTestId('did-you-mean');
    await question.waitFor();
    await question.getByTestId(`did-you-mean-${didYouMean}`).click();
  }
  // The picker empties its input when it has picked or queued the entry.
  await page.waitForFunction(
    (testId) => (document.querySelector(`[data-testid="${testId}-input"]`) as HTMLInputElement | null)?.value === '',
    picker,
    { timeout: 10_000 },
  );
}

/** Everything this participant added is saved: nothing waiting, nothing failed. */
async function allSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const outbox = document.querySelector('[data-testid=outbox]');
      const entries = Array.from(document.querySelectorAll('[data-testid=my-entry]'));
      return (
        outbox?.getAttribute('data-pending') === '0' &&
        outbox.getAttribute('data-failed') === '0' &&
        entries.every((e) => e.getAttribute('data-status') === 'saved')
      );
    },
    undefined,
    { timeout: 20_000 },
  );
}

const markNotReloaded = (page: Page) => page.evaluate(() => ((window as MapWindow).notReloaded = true));
const stillNotReloaded = (page: Page) => page.evaluate(() => (window as MapWindow).notReloaded === true);

const counter = (page: Page, name: string) => page.getByTestId(`counter-${name}`).getAttribute('data-value');

test('a facilitator and three participants map their network together, seen live on every screen', async () => {
  // --- The facilitator signs up and creates the workshop in the UI ---------------------------------
  // From the workspace's map, the "Työpaja" button.
  const facilitatorContext = await newContext({ viewport: { width: 1440, height: 960 } });
  const facilitator = await open(facilitatorContext, `${stack.api.url}/w/${workspaceId}`, 'facilitator');
  await waitForMap(facilitator);
  await facilitator.getByTestId('workshop-button').click();
  await facilitator.waitForURL(`${stack.api.url}/workshop/new?workspace=${workspaceId}`);
  await facilitator.getByTestId('auth-mode-register').click();
  await facilitator.getByTestId('auth-displayName').fill('Päivi Fasilitaattori');
  await facilitator.getByTestId('auth-email').fill(`paivi-${Date.now()}@example.fi`);
  await facilitator.getByTestId('auth-password').fill('pitkä-salasana-123');
  await facilitator.getByTestId('auth-submit').click();
  await facilitator.getByTestId('create-workshop-form').waitFor();
  await expect(facilitator.getByTestId('ws-workspace').inputValue()).resolves.toBe(workspaceId);
  await facilitator.getByTestId('ws-title').fill('Akkuklusterin verkostotyöpaja');
  await facilitator.getByTestId('ws-create-submit').click();
  await facilitator.waitForURL(/\/workshop\/[A-Z0-9]{6}\/facilitate$/);
  const code = (await facilitator.getByTestId('workshop-code').textContent())!.trim();
  expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
  const joinUrl = (await facilitator.getByTestId('join-link').getAttribute('href'))!;
  expect(joinUrl).toBe(`${stack.api.url}/join/${code}`);
  await waitForMap(facilitator);
  await expect(facilitator.getByTestId('workshop-state-badge').getAttribute('data-state')).resolves.toBe('open');

  // --- The projector: the room's computer, not signed in, opened from the read-only projector link -----
  await facilitator.getByTestId('projector-share-button').click();
  const projectorUrl = await facilitator.getByTestId('projector-share-url').inputValue();
  expect(projectorUrl).toMatch(new RegExp(`^${stack.api.url}/workshop/${code}/projector#key=[\\w-]+$`));
  const projectorContext = await newContext({ viewport: { width: 1920, height: 1080 } });
  const projector = await open(projectorContext, projectorUrl, 'projector');
  await waitForMap(projector);
  await expect(projector.getByTestId('join-code').getAttribute('aria-label')).resolves.toBe(code);
  await projector.locator('[data-testid=join-qr] svg').waitFor();

  // --- Three participants join from the link on their phones ---------------------------------------
  const aino = await join(joinUrl, 'Aino Mäkelä');
  const bjorn = await join(joinUrl, 'Björn Öhman');
  const sade = await join(joinUrl, 'Säde Ylönen', `${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
  await projector.waitForFunction(() => document.querySelectorAll('[data-testid=online-participant]').length === 3, undefined, {
    timeout: 15_000,
  });
  expect(await projector.getByTestId('online-participant').allTextContents()).toEqual(
    expect.arrayContaining(['Aino Mäkelä', 'Björn Öhman', 'Säde Ylönen']),
  );

  // What is typed survives a reload (kept as a draft on the phone).
  await aino.getByTestId('themes-picker-input').fill('Vety');
  await aino.reload();
  await aino.getByTestId('section-me').waitFor();
  await expect(aino.getByTestId('themes-picker-input').inputValue()).resolves.toBe('Vety');
  await aino.getByTestId('themes-picker-input').fill('');
  await waitForMap(aino);
  for (const page of [facilitator, projector, aino, bjorn, sade]) await markNotReloaded(page);

  // Aino: herself, a new organisation with å, its city, a new theme.
  await addMe(aino, 'Tutkimuspäällikkö');
  await aino.getByTestId('org-type').selectOption('university');
  await pick(aino, 'org-picker', 'Åbo Akademi');
  await pick(aino, 'city-picker', 'Turku');
  await pick(aino, 'themes-picker', 'Akkumateriaalit');
  await allSaved(aino);

  // Björn mistypes the university that is already there and is asked "did you mean …?"; he picks
  // Aino's organisation as a partner, and insists on a theme close to an existing one (to be merged).
  await addMe(bjorn, 'Kehitysjohtaja');
  await pick(bjorn, 'org-picker', 'Oulun ylipisto', 'yes');
  await expect(bjorn.locator('[data-testid=section-organisation] [data-testid=my-entry]').first().getAttribute('data-name')).resolves.toBe(
    'Oulun yliopisto',
  );
  await pick(bjorn, 'city-picker', 'Oulu');
  await pick(bjorn, 'themes-picker', 'Kiertotalous');
  await waitForNames(bjorn, ['Åbo Akademi', 'Akkumateriaalit']);
  await pick(bjorn, 'partners-picker', 'Åbo Akademi');
  await pick(bjorn, 'themes-picker', 'Akkumateriaali', 'no');
  await allSaved(bjorn);

  // Säde: a new cluster organisation (legal form "ry"), its city, an existing theme typed in lower
  // case (used as it is, not added again), a partner, and a theme the facilitator will remove.
  await addMe(sade, 'Klusterikoordinaattori');
  await sade.getByTestId('org-type').selectOption('cluster_organisation');
  await pick(sade, 'org-picker', 'Vaasan Energiaklusteri ry');
  await pick(sade, 'city-picker', 'Vaasa');
  await waitForNames(sade, ['Akkumateriaalit']);
  await pick(sade, 'themes-picker', 'akkumateriaalit');
  await pick(sade, 'partners-picker', 'Oulun yliopisto');
  await pick(sade, 'themes-picker', 'Testimerkintä poistettavaksi');
  await allSaved(sade);
  expect(
    await sade
      .locator('[data-testid=section-themes] [data-testid=my-entry]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-name'))),
  ).toEqual(['Akkumateriaalit', 'Testimerkintä poistettavaksi']);

  // --- Offline: Säde's phone loses the network; her project waits in the outbox and goes when back --
  await sade.context().setOffline(true);
  await pick(sade, 'projects-picker', 'Akkuarvoketju 2030');
  await sade.waitForFunction(() => document.querySelector('[data-testid=outbox]')?.getAttribute('data-halt') === 'offline', undefined, {
    timeout: 10_000,
  });
  await expect(sade.locator('[data-testid=section-projects] [data-testid=my-entry]').getAttribute('data-status')).resolves.toBe('pending');
  await expect(sade.getByTestId('outbox-waiting').textContent()).resolves.toContain('Ei yhteyttä');
  await sade.context().setOffline(false);
  await allSaved(sade);

  // --- Säde corrects her own project's name on the phone; the projector follows. A partner she only
  // picked (someone else's entry) cannot be edited by her. --------------------------------------------
  const project = sade.locator('[data-testid=section-projects] [data-testid=my-entry]');
  await project.getByTestId('edit-entry').click();
  await sade.getByTestId('edit-name').fill('Akkuarvoketju 2030 – Pohjanmaa');
  await sade.getByTestId('edit-description').fill('Akkuarvoketjun yhteishanke, vaihe 1');
  await sade.getByTestId('edit-save').click();
  await sade.getByTestId('entry-editor').waitFor({ state: 'detached' });
  await expect(project.getAttribute('data-name')).resolves.toBe('Akkuarvoketju 2030 – Pohjanmaa');
  await waitForNames(projector, ['Akkuarvoketju 2030 – Pohjanmaa'], ['Akkuarvoketju 2030']);
  await sade.locator('[data-testid=section-partners] [data-testid=my-entry]').first().getByTestId('edit-entry').click();
  await sade.getByTestId('edit-not-owner').waitFor();
  await sade.getByTestId('edit-cancel').click();

  // --- Paused: Aino adds a project during the pause; it is sent when the facilitator resumes --------
  await facilitator.getByTestId('pause-button').click();
  for (const page of [aino, bjorn, sade])
    await page.waitForSelector('[data-testid=workshop-state][data-state=paused]', { timeout: 10_000 });
  await projector.waitForSelector('[data-testid=workshop-state][data-state=paused]');
  await pick(aino, 'projects-picker', 'Akkujen kierrätys');
  await aino.waitForFunction(() => document.querySelector('[data-testid=outbox]')?.getAttribute('data-halt') === 'paused', undefined, {
    timeout: 10_000,
  });
  await facilitator.getByTestId('resume-button').click();
  await allSaved(aino);
  await expect(aino.getByTestId('workshop-state').isHidden()).resolves.toBe(true);

  // --- The facilitator merges the duplicate theme, hides one entry for a while and removes another --
  await waitForNames(facilitator, ['Akkumateriaali', 'Testimerkintä poistettavaksi']);
  const survivor = (await nodeId(facilitator, 'Akkumateriaalit'))!;
  const duplicate = (await nodeId(facilitator, 'Akkumateriaali'))!;
  await facilitator.getByTestId('merge-survivor').selectOption(survivor);
  await facilitator.getByTestId('merge-merged').selectOption(duplicate);
  await facilitator.getByTestId('merge-submit').click();
  await waitForNames(projector, ['Akkumateriaalit'], ['Akkumateriaali']);
  // Björn's own list follows the merge.
  await bjorn.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('[data-testid=section-themes] [data-testid=my-entry]'))
        .map((e) => e.getAttribute('data-name'))
        .join() === 'Kiertotalous,Akkumateriaalit',
    undefined,
    { timeout: 10_000 },
  );

  const circular = (await nodeId(facilitator, 'Kiertotalous'))!;
  const circularRow = facilitator.locator(`[data-testid=entry-row][data-id="${circular}"]`);
  await circularRow.getByTestId('entry-hide').click();
  await projector.waitForFunction((id) => !(window as MapWindow).verkosto!.cy.getElementById(id).visible(), circular, { timeout: 10_000 });
  await bjorn.waitForFunction((id) => !(window as MapWindow).verkosto!.cy.getElementById(id).visible(), circular, { timeout: 10_000 });
  const hiddenRow = facilitator.locator(`[data-testid=entry-row][data-id="${circular}"][data-hidden=true]`);
  await hiddenRow.waitFor();
  await hiddenRow.getByTestId('entry-unhide').click();
  await projector.waitForFunction((id) => (window as MapWindow).verkosto!.cy.getElementById(id).visible(), circular, { timeout: 10_000 });

  const extra = (await nodeId(facilitator, 'Testimerkintä poistettavaksi'))!;
  const removeButton = facilitator.locator(`[data-testid=entry-row][data-id="${extra}"]`).getByTestId('entry-remove');
  await removeButton.click();
  await expect(removeButton.getAttribute('data-armed')).resolves.toBe('true');
  await removeButton.click();
  await waitForNames(projector, [], ['Testimerkintä poistettavaksi']);

  // --- Every screen shows everything, without a reload ---------------------------------------------
  const everyone = ['Aino Mäkelä', 'Björn Öhman', 'Säde Ylönen'];
  const organisations = ['Åbo Akademi', 'Oulun yliopisto', 'Vaasan Energiaklusteri ry'];
  const rest = ['Turku', 'Oulu', 'Vaasa', 'Akkumateriaalit', 'Kiertotalous', 'Akkuarvoketju 2030 – Pohjanmaa', 'Akkujen kierrätys'];
  const gone = ['Akkumateriaali', 'Testimerkintä poistettavaksi'];
  // The workshop's links: Aino 4 (works at, located in, focuses on, partner in), Björn 5 (works at,
  // located in, 2 × focuses on – one moved by the merge –, cooperates with), Säde 5 (works at, located
  // in, focuses on, cooperates with, partner in; the removed theme's link went with it).
  const workshopLinks = 14;
  for (const page of [projector, facilitator, aino, bjorn, sade]) {
    await waitForNames(page, [...everyone, ...organisations, ...rest], gone);
    await page.waitForFunction((count) => (window as MapWindow).verkosto!.cy.edges().length === count, workshopLinks, { timeout: 15_000 });
    expect(await stillNotReloaded(page)).toBe(true);
  }
  // Nobody typed the university twice, nor the shared theme.
  const names = await projector.evaluate(() =>
    (window as MapWindow)
      .verkosto!.cy.nodes()
      .toArray()
      .map((n) => String(n.data('name'))),
  );
  expect(names.filter((n) => n === 'Oulun yliopisto')).toHaveLength(1);
  expect(names.filter((n) => n.toLowerCase() === 'akkumateriaalit')).toHaveLength(1);

  // --- The projector's counters count the workshop's entries (from the summary) ---------------------
  await projector
    .waitForFunction(
      (links) => {
        const value = (name: string) => document.querySelector(`[data-testid=counter-${name}]`)?.getAttribute('data-value');
        return (
          value('participants') === '3' && value('organisations') === '2' && value('links') === String(links) && value('cities') === '2'
        );
      },
      workshopLinks,
      { timeout: 15_000 },
    )
    .catch(async (err) => {
      const shown = Object.fromEntries(
        await Promise.all(['participants', 'organisations', 'links', 'cities'].map(async (n) => [n, await counter(projector, n)])),
      );
      throw new Error(`projector counters ${JSON.stringify(shown)}: ${(err as Error).message}`);
    });
  await expect(projector.getByTestId('counters').getAttribute('data-source')).resolves.toBe('summary');
  // The projector link reads the summary with its key (and nothing without it).
  const projectorKey = new URL(projectorUrl).hash.replace('#key=', '');
  expect((await projectorContext.request.get(`${stack.api.url}/api/v1/workshops/${code}/summary`)).status()).toBe(401);
  const summary = await projectorContext.request.get(`${stack.api.url}/api/v1/workshops/${code}/summary`, { headers: { 'x-projector-key': projectorKey } });
  expect(await summary.json()).toMatchObject({
    participantsJoined: 3,
    counts: { organisations: 2, people: 3, projects: 2, themes: 2, links: workshopLinks, cities: 2 },
  });

  // --- Export ---------------------------------------------------------------------------------------
  const exported = await facilitatorContext.request.get(
    `${stack.api.url}${await facilitator.getByTestId('export-json').getAttribute('href')}`,
  );
  expect(exported.status()).toBe(200);
  const exportedNames = ((await exported.json()) as { nodes: { name: string; addedBy: string }[] }).nodes.map(
    (n) => `${n.name} / ${n.addedBy}`,
  );
  expect(exportedNames).toEqual(
    expect.arrayContaining(['Åbo Akademi / Aino Mäkelä', 'Vaasan Energiaklusteri ry / Säde Ylönen', 'Kiertotalous / Björn Öhman']),
  );
  const csv = await facilitatorContext.request.get(`${stack.api.url}${await facilitator.getByTestId('export-csv').getAttribute('href')}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('Åbo Akademi');

  // --- One more link arrives and glows on the projector: the picture of the room's screen ------------
  await pick(aino, 'partners-picker', 'Vaasan Energiaklusteri ry');
  await projector.waitForFunction((count) => (window as MapWindow).verkosto!.cy.edges().length === count, workshopLinks + 1, {
    timeout: 15_000,
  });
  await projector.waitForTimeout(1200);
  await projector.screenshot({ path: path.join(SHOTS, 'workshop-projector.png') });
  await aino.getByTestId('tab-map').click();
  await aino.waitForTimeout(600);
  await aino.screenshot({ path: path.join(SHOTS, 'workshop-participant-map.png') });
  for (const page of [bjorn, facilitator]) await page.evaluate(() => window.scrollTo(0, 0));
  await bjorn.screenshot({ path: path.join(SHOTS, 'workshop-participant.png'), fullPage: true });
  await facilitator.screenshot({ path: path.join(SHOTS, 'workshop-facilitator.png') });

  // --- Swedish on one phone; then the facilitator ends the workshop --------------------------------
  await sade.getByTestId('language-switch').selectOption('sv');
  await expect(sade.locator('#section-themes-title').textContent()).resolves.toBe('Teman');
  const closeButton = facilitator.getByTestId('close-button');
  await closeButton.click();
  await closeButton.click();
  await facilitator.waitForSelector('[data-testid=workshop-state-badge][data-state=closed]');
  for (const page of [aino, bjorn, sade])
    await page.waitForSelector('[data-testid=workshop-state][data-state=closed]', { timeout: 10_000 });
  await expect(sade.getByTestId('themes-picker-input').isDisabled()).resolves.toBe(true);
  await projector.waitForSelector('[data-testid=workshop-state][data-state=closed]');

  expect(pageErrors).toEqual([]);
}, 300_000);
