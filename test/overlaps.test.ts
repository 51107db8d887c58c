/**
 * Duplicate work between cities, over the demo network with the theme taxonomy: a project's overlaps
 * with explanations, all cross-city pairs (JSON and CSV), the city × theme specialisation matrix, theme
 * suggestions, and the worker's 'insight:overlaps' event after a new project.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { redisOptions } from '../api/infra/redis';
import { INSIGHTS_QUEUE } from '../domain/jobs';
import type { OverlapInsight } from '../domain/events';
import { THEME_TAXONOMY } from '../domain/themes/taxonomy';
import { seedDemo, taxonomyNodes, taxonomyRelationships } from '../scripts/seed';
import { BATTERY_CHEMISTRY_CITIES, DEMO_WORKSPACE } from '../scripts/seed/demo-network';
import { connectSocket, cypher, eventually, join, sleep, snapshot, startStack, type TestSocket, type TestStack } from './support/stack';
import { parseCsv } from './support/csv';

let stack: TestStack;
let socket: TestSocket;
const insights: OverlapInsight[] = [];

beforeAll(async () => {
  stack = await startStack();
  await seedDemo(stack.config);
  socket = await connectSocket(stack);
  expect(await join(socket, DEMO_WORKSPACE.id)).toMatchObject({ ok: true });
  socket.on('insight:overlaps', (i) => insights.push(i));
}, 60_000);
afterAll(async () => {
  socket?.disconnect();
  await stack.close();
});


const VAASA_PROJECT = `project-vaasa-akkukierratys-${randomUUID().slice(0, 8)}`;

test('the theme taxonomy is seeded with the demo, once', async () => {
  expect(taxonomyNodes.length).toBeGreaterThan(10);
  const [row] = await cypher<{ themes: number; partOf: number }>(
    stack,
    `MATCH (w:Workspace {id: 'demo'})
     RETURN COUNT { (w)<-[:IN_WORKSPACE]-(t:Theme) WHERE t.id IN $ids } AS themes,
            COUNT { (a:Theme)-[r:PART_OF]->(b:Theme) WHERE r.id IN $relIds } AS partOf`,
    { ids: THEME_TAXONOMY.map((t) => t.id), relIds: taxonomyRelationships.map((r) => r.id) },
  );
  expect(row).toEqual({ themes: THEME_TAXONOMY.length, partOf: taxonomyRelationships.length });
  const [recycling] = await cypher<{ parent: string; aliases: string[] }>(
    stack,
    `MATCH (t:Theme {id: 'theme-battery-recycling'})-[:PART_OF]->(p:Theme) RETURN p.id AS parent, t.aliases AS aliases`,
  );
  expect(recycling).toMatchObject({ parent: 'theme-recycling', aliases: expect.arrayContaining(['mustamassa', 'black mass']) });
  const before = await snapshot(stack, DEMO_WORKSPACE.id);
  expect(await seedDemo(stack.config)).toMatchObject({ created: false });
  expect(await snapshot(stack, DEMO_WORKSPACE.id)).toEqual(before);
});

test("the battery-chemistry project's overlaps are found, with explanations in Finnish and English", async () => {
  const res = await stack.http.get('/api/v1/workspaces/demo/projects/project-akkukemia/overlaps?k=20&crossBoundary=none');
  expect(res.status).toBe(200);
  expect(res.body.items.length).toBeGreaterThan(0);
  const satakunta = res.body.items.find((i: { id: string }) => i.id === 'project-kasvua-sahkoistymisesta');
  expect(satakunta).toMatchObject({
    name: 'Kasvua sähköistymisestä teknologiametalliklusteriin',
    cities: [{ id: 'city-pori', name: 'Pori' }],
    score: expect.any(Number),
    parts: { themes: expect.any(Number), text: expect.any(Number) },
    explanation: { fi: expect.any(String), en: expect.any(String) },
  });
  expect(satakunta.score).toBeGreaterThan(0.05);
  expect(satakunta.explanation.en).toMatch(/battery chemi/i);
  expect(satakunta.explanation.fi).toMatch(/akkukemi/i);
  for (let i = 1; i < res.body.items.length; i++) expect(res.body.items[i - 1].score).toBeGreaterThanOrEqual(res.body.items[i].score);

  // Across city boundaries only: Pori is not Kokkola, but no result may be run in Kokkola.
  const cross = await stack.http.get('/api/v1/workspaces/demo/projects/project-akkukemia/overlaps');
  expect(cross.status).toBe(200);
  for (const item of cross.body.items) expect(item.cities.map((c: { id: string }) => c.id)).not.toContain('city-kokkola');
  // By region: Satakunta is not Keski-Pohjanmaa either.
  const byRegion = await stack.http.get('/api/v1/workspaces/demo/projects/project-akkukemia/overlaps?crossBoundary=region&k=3');
  expect(byRegion.status).toBe(200);
  expect(byRegion.body.items.length).toBeLessThanOrEqual(3);
});

test('overlaps: 404 for an unknown workspace or project, 400 for bad parameters', async () => {
  expect((await stack.http.get('/api/v1/workspaces/ei-ole/projects/project-akkukemia/overlaps')).status).toBe(404);
  expect((await stack.http.get('/api/v1/workspaces/demo/projects/project-ei-ole/overlaps')).body.error.code).toBe('NOT_FOUND');
  const bad = await stack.http.get('/api/v1/workspaces/demo/projects/project-akkukemia/overlaps?crossBoundary=country');
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].path).toBe('query.crossBoundary');
  expect((await stack.http.get('/api/v1/workspaces/demo/projects/project-akkukemia/overlaps?k=0')).status).toBe(400);
  expect((await stack.http.get('/api/v1/workspaces/demo/overlaps?minScore=2')).status).toBe(400);
  expect((await stack.http.get('/api/v1/workspaces/demo/overlaps?from=2024-01-01&to=2023-01-01')).status).toBe(400);
  expect((await stack.http.get('/api/v1/workspaces/ei-ole/specialisation')).status).toBe(404);
  expect((await stack.http.get('/api/v1/workspaces/demo/specialisation?by=country')).status).toBe(400);
});

test('the matrix shows the seven battery-chemistry cities on battery chemistry, crowded themes and gaps', async () => {
  const res = await stack.http.get('/api/v1/workspaces/demo/specialisation?by=city');
  expect(res.status).toBe(200);
  const cells = res.body.cells.filter((c: { themeId: string }) => c.themeId === 'theme-battery-chemistry');
  expect(cells.map((c: { placeId: string }) => c.placeId).sort()).toEqual(expect.arrayContaining([...BATTERY_CHEMISTRY_CITIES].sort()));
  const kokkola = cells.find((c: { placeId: string }) => c.placeId === 'city-kokkola');
  // Kokkola leads the project, with three partner organisations of its own; the budget counts once.
  expect(kokkola).toMatchObject({ projects: 1, organisations: 4, euros: 259188 });
  expect(kokkola.projectIds).toBeUndefined();
  expect(cells.find((c: { placeId: string }) => c.placeId === 'city-vaasa')).toMatchObject({ projects: 1, organisations: 0 });
  // The projects behind a cell come from their own endpoint.
  const behind = await stack.http.get('/api/v1/workspaces/demo/specialisation/projects?by=city&place=city-kokkola&theme=theme-battery-chemistry');
  expect(behind.status).toBe(200);
  expect(behind.body).toMatchObject({ by: 'city', placeId: 'city-kokkola', themeId: 'theme-battery-chemistry', total: 1, offset: 0, limit: 50 });
  expect(behind.body.items.map((p: { id: string }) => p.id)).toEqual(['project-akkukemia']);
  expect(behind.body.items[0].cities.map((c: { id: string }) => c.id)).toContain('city-kokkola');
  const crowded = res.body.crowded.find((t: { id: string }) => t.id === 'theme-battery-chemistry');
  expect(crowded.placeIds).toEqual(expect.arrayContaining([...BATTERY_CHEMISTRY_CITIES]));
  // Themes of the taxonomy no project works on are gaps; battery chemistry is not one.
  const gapIds = res.body.gaps.map((t: { id: string }) => t.id);
  expect(gapIds).toContain('theme-lithium');
  expect(gapIds).not.toContain('theme-battery-chemistry');
  expect(res.body.places.find((p: { id: string }) => p.id === 'city-kokkola')).toMatchObject({ name: 'Kokkola', projects: expect.any(Number) });

  const regions = await stack.http.get('/api/v1/workspaces/demo/specialisation?by=region');
  expect(regions.status).toBe(200);
  expect(regions.body.cells).toEqual(
    expect.arrayContaining([expect.objectContaining({ placeId: 'region-keski-pohjanmaa', themeId: 'theme-battery-chemistry', projects: 1 })]),
  );
});

test('a new project in Vaasa about battery-chemical recycling sends one insight to the room', async () => {
  const changes = [
    {
      op: 'node:create',
      nodeType: 'Project',
      id: VAASA_PROJECT,
      props: {
        name: 'Akkukemikaalien kierrätys Vaasassa',
        description: 'Hankkeessa kehitetään akkukemikaalien ja akkumetallien kierrätystä sekä mustamassan jalostusta Vaasan seudulla.',
        startDate: '2024-01-01',
        endDate: '2026-12-31',
        budgetEur: 500000,
      },
    },
    { op: 'relationship:create', data: { type: 'LOCATED_IN', from: VAASA_PROJECT, to: 'city-vaasa' } },
    { op: 'relationship:create', data: { id: `${VAASA_PROJECT}--focuses-on--recycling`, type: 'FOCUSES_ON', from: VAASA_PROJECT, to: 'theme-battery-recycling' } },
    { op: 'relationship:create', data: { type: 'FOCUSES_ON', from: VAASA_PROJECT, to: 'theme-battery-chemicals' } },
  ];
  const res = await stack.http.post('/api/v1/workspaces/demo/changes?wait=true', { changes });
  expect(res.status).toBeLessThan(300);
  const insight = await eventually(() => insights.find((i) => i.projectId === VAASA_PROJECT), 15_000, 'insight:overlaps');
  expect(insight.workspaceId).toBe('demo');
  const akkukemia = insight.overlaps.find((o) => o.projectId === 'project-akkukemia');
  expect(akkukemia).toMatchObject({ name: 'Akkukemian vetovastuuhanke', city: 'Kokkola', score: expect.any(Number), explanation: { fi: expect.any(String), en: expect.any(String) } });
  expect(insight.message.fi).toMatch(/^Uusi hanke Vaasassa on päällekkäinen .*hankkeen kanssa .*Kokkolassa/);
  expect(insight.message.en).toMatch(/^A new project in Vaasa overlaps with .* in .*Kokkola/);
  // The burst (a create and three links) was one job.
  await sleep(1500);
  expect(insights.filter((i) => i.projectId === VAASA_PROJECT)).toHaveLength(1);

  // Editing the project later is a new insight, no longer "new".
  await stack.http.patch(`/api/v1/workspaces/demo/projects/${VAASA_PROJECT}?wait=true`, { goals: ['Mustamassan talteenotto'] });
  const edited = await eventually(() => insights.filter((i) => i.projectId === VAASA_PROJECT)[1], 15_000, 'second insight');
  expect(edited.message.fi).toMatch(/^Hanke Vaasassa/);

  // Removing one of its theme links is a change to the project too (the worker reads the link's ends first).
  const del = await stack.http.delete(`/api/v1/workspaces/demo/relationships/${VAASA_PROJECT}--focuses-on--recycling?wait=true`);
  expect(del.status).toBe(200);
  await eventually(() => insights.filter((i) => i.projectId === VAASA_PROJECT)[2], 15_000, 'insight after a removed link');
});

test('an insight job whose payload can never succeed fails at once', async () => {
  const queue = new Queue(INSIGHTS_QUEUE, { connection: redisOptions(stack.config, 'blocking'), prefix: stack.config.REDIS_PREFIX });
  try {
    // Retries would wait a minute: failing within seconds means it failed at once.
    const job = await queue.add('insights:overlaps', { workspaceId: 42 }, { attempts: 5, backoff: { type: 'fixed', delay: 60_000 } });
    await eventually(async () => (await queue.getJob(job.id!))?.isFailed(), 10_000, 'the job to fail');
    const failed = (await queue.getJob(job.id!))!;
    expect(await failed.getState()).toBe('failed');
    expect(failed.failedReason).toMatch(/MALFORMED_JOB/);
  } finally {
    await queue.close();
  }
});

test('all cross-city pairs, filtered, as JSON and as CSV that parses back', async () => {
  const json = await stack.http.get('/api/v1/workspaces/demo/overlaps?minScore=0.1');
  expect(json.status).toBe(200);
  const pair = json.body.items.find((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(VAASA_PROJECT) && [p.a.id, p.b.id].includes('project-akkukemia'));
  expect(pair).toMatchObject({ score: expect.any(Number), explanation: { fi: expect.any(String), en: expect.any(String) } });
  // No pair of projects run in one city.
  for (const p of json.body.items) {
    const citiesA = new Set(p.a.cities.map((c: { id: string }) => c.id));
    expect(p.b.cities.filter((c: { id: string }) => citiesA.has(c.id))).toEqual([]);
  }
  // Filters: by city (either project), theme (or a narrower one), period.
  const vaasa = await stack.http.get('/api/v1/workspaces/demo/overlaps?minScore=0.1&city=city-vaasa');
  expect(vaasa.body.items.length).toBeGreaterThan(0);
  const lapland = await stack.http.get('/api/v1/workspaces/demo/overlaps?minScore=0.1&region=region-lappi&theme=theme-battery-recycling');
  expect(lapland.body.items.every((p: { a: { id: string }; b: { id: string } }) => p.a.id !== VAASA_PROJECT && p.b.id !== VAASA_PROJECT)).toBe(true);
  const byTheme = await stack.http.get('/api/v1/workspaces/demo/overlaps?minScore=0.1&theme=theme-recycling&from=2024-06-01&to=2024-12-31');
  expect(byTheme.body.items.some((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(VAASA_PROJECT))).toBe(true);
  const past = await stack.http.get('/api/v1/workspaces/demo/overlaps?minScore=0.1&to=2022-12-31');
  expect(past.body.items.some((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(VAASA_PROJECT))).toBe(false);

  // A name that looks like a formula, to see it neutralised.
  await stack.http.patch(`/api/v1/workspaces/demo/projects/${VAASA_PROJECT}?wait=true`, { name: '=HYPERLINK("x"), "akkukierrätys"' });
  const csv = await fetch(`${stack.api.url}/api/v1/workspaces/demo/overlaps?minScore=0.1&format=csv`);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
  expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?overlaps-demo\.csv"?$/);
  const body = Buffer.from(await csv.arrayBuffer()).toString('utf8');
  expect(body.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(body.slice(1));
  expect(rows[0]).toEqual(['score', 'projectA', 'projectAName', 'citiesA', 'projectB', 'projectBName', 'citiesB', 'sharedThemes', 'explanationFi', 'explanationEn']);
  const row = rows.find((r) => r[1] === VAASA_PROJECT || r[4] === VAASA_PROJECT)!;
  expect(row).toBeDefined();
  const name = row[1] === VAASA_PROJECT ? row[2] : row[5];
  expect(name).toBe('\'=HYPERLINK("x"), "akkukierrätys"');
  expect(Number(row[0])).toBeGreaterThan(0);
  expect(rows.slice(1).every((r) => r.length === 10)).toBe(true);
});

test('suggest: themes with reasons for a Finnish text with inflected words, by GET and POST', async () => {
  const text = 'Hankkeessa kehitetään käytettyjen akkujen kierrätystä ja litiumin jalostusta sekä koulutetaan akkualan osaajia.';
  const res = await stack.http.get(`/api/v1/themes/suggest?text=${encodeURIComponent(text)}`);
  expect(res.status).toBe(200);
  const ids = res.body.items.map((i: { themeId: string }) => i.themeId);
  expect(ids).toContain('theme-battery-recycling');
  const recycling = res.body.items.find((i: { themeId: string }) => i.themeId === 'theme-battery-recycling');
  expect(recycling).toMatchObject({ name: 'Akkujen kierrätys', nameEn: 'Battery recycling', score: expect.any(Number) });
  expect(recycling.because.join(' ')).toMatch(/akkujen|kierrätystä/);

  const post = await stack.http.post('/api/v1/themes/suggest', { name: 'Akkukemikaalien kierrätys', description: 'Mustamassan jalostaminen Vaasan seudulla', goals: ['Kierrätysmateriaalien hyödyntäminen'] });
  expect(post.status).toBe(200);
  expect(post.body.items[0]).toMatchObject({ themeId: expect.any(String), because: expect.arrayContaining([expect.any(String)]) });
  expect(post.body.items.map((i: { themeId: string }) => i.themeId)).toContain('theme-battery-recycling');

  expect((await stack.http.get('/api/v1/themes/suggest?text=')).status).toBe(400);
  expect((await stack.http.post('/api/v1/themes/suggest', {})).status).toBe(400);
  expect((await stack.http.post('/api/v1/themes/suggest', { name: 'x', colour: 'red' })).status).toBe(400);
});
