/**
 * Skills gap: NEEDS and OFFERS_TRAINING links (only to skill themes, training only from education
 * providers and with a level), and GET …/skills: needs against offers per region and city, the gaps, and
 * the other places that offer what one lacks, nearest first. On a workspace built here with ä/ö/å names,
 * and on the demo's illustrative Battery Region data.
 */
import { randomUUID } from 'node:crypto';
import { RelationshipCreateSchema } from '../domain/relationships';
import { seedDemo } from '../scripts/seed';
import { skillsRelationships } from '../scripts/seed/demo-skills';
import { parseCsv } from './support/csv';
import { createWorkspace, cypher, startStack, type TestStack } from './support/stack';
import { changeBuilders } from './support/changes';

let stack: TestStack;
let ws: string;
// Entity ids are unique across workspaces: every run makes its own.
const run = randomUUID().slice(0, 8);
const id = (name: string) => `${name}-${run}`;

const R = {
  pohjanmaa: id('region-pohjanmaa'),
  vasterbotten: id('region-vasterbotten'),
  keskipohjanmaa: id('region-keski-pohjanmaa'),
  satakunta: id('region-satakunta'),
};
const C = { vaasa: id('city-vaasa'), skelleftea: id('city-skelleftea'), kokkola: id('city-kokkola'), pori: id('city-pori') };
const T = {
  cellOperator: id('theme-kennooperaattori'),
  automation: id('theme-automaatio'),
  chemistry: id('theme-prosessinhoitaja'),
  recyclingTopic: id('theme-kierratys'),
};
const O = {
  batteryFactory: id('org-alvsbyn-batterifabrik'),
  vaasaFactory: id('org-vaasan-akkutehdas'),
  vocational: id('org-ammakosken-ammattiopisto'),
  uasPori: id('org-porin-amk'),
  university: id('org-kokkolan-yliopistokeskus'),
};

const rels = () => `/api/v1/workspaces/${ws}/relationships`;
const skills = (query = '') => stack.http.get(`/api/v1/workspaces/${ws}/skills${query}`);

beforeAll(async () => {
  stack = await startStack();
  ws = await createWorkspace(stack, 'Osaamiskartta Pohjanmaa–Västerbotten');
  const { node, link } = changeBuilders();
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [
      node('Region', R.pohjanmaa, { name: 'Pohjanmaa', nameEn: 'Ostrobothnia', aliases: ['Österbotten'] }),
      node('Region', R.vasterbotten, { name: 'Västerbotten' }),
      node('Region', R.keskipohjanmaa, { name: 'Keski-Pohjanmaa', nameEn: 'Central Ostrobothnia' }),
      node('Region', R.satakunta, { name: 'Satakunta' }),
      node('City', C.vaasa, { name: 'Vaasa', nameSv: 'Vasa', lat: 63.0951, lon: 21.6165 }),
      node('City', C.skelleftea, { name: 'Skellefteå', lat: 64.7507, lon: 20.9528 }),
      node('City', C.kokkola, { name: 'Kokkola', nameSv: 'Karleby', lat: 63.8385, lon: 23.1307 }),
      node('City', C.pori, { name: 'Pori', nameSv: 'Björneborg', lat: 61.4851, lon: 21.7974 }),
      node('Theme', T.cellOperator, { name: 'Kennovalmistuksen operaattori', nameSv: 'Operatör inom celltillverkning', kind: 'skill' }),
      node('Theme', T.automation, { name: 'Automaatio- ja robotiikkaosaaminen', kind: 'skill' }),
      node('Theme', T.chemistry, { name: 'Kemianteollisuuden prosessinhoitaja', kind: 'skill' }),
      node('Theme', T.recyclingTopic, { name: 'Akkujen kierrätys', kind: 'topic' }),
      node('Organisation', O.batteryFactory, { name: 'Älvsbyns Batterifabrik AB', orgType: 'company' }),
      node('Organisation', O.vaasaFactory, { name: 'Vaasan Akkutehdas Oy', orgType: 'company' }),
      node('Organisation', O.vocational, { name: 'Ämmäkosken ammattiopisto', orgType: 'vocational_college' }),
      node('Organisation', O.uasPori, { name: 'Porin Sävel-ammattikorkeakoulu', orgType: 'university_of_applied_sciences' }),
      node('Organisation', O.university, { name: 'Kokkolan yliopistokeskus Åström', orgType: 'university' }),
      link('IN_REGION', C.vaasa, R.pohjanmaa),
      link('IN_REGION', C.skelleftea, R.vasterbotten),
      link('IN_REGION', C.kokkola, R.keskipohjanmaa),
      link('IN_REGION', C.pori, R.satakunta),
      link('LOCATED_IN', O.batteryFactory, C.skelleftea),
      link('LOCATED_IN', O.vaasaFactory, C.vaasa),
      link('LOCATED_IN', O.vocational, C.vaasa),
      link('LOCATED_IN', O.uasPori, C.pori),
      link('LOCATED_IN', O.university, C.kokkola),
    ],
  });
  expect(res.body).toMatchObject({ status: 'applied' });
});
afterAll(() => stack.close());

describe('NEEDS and OFFERS_TRAINING links', () => {
  test('an organisation needs a skill; an education provider offers training in it at a level', async () => {
    const needs = await stack.http.post(`${rels()}?wait=true`, { type: 'NEEDS', from: O.batteryFactory, to: T.cellOperator });
    expect(needs.status).toBe(201);
    expect(needs.body.edge).toMatchObject({ type: 'NEEDS', source: O.batteryFactory, target: T.cellOperator });
    const offers = await stack.http.post(`${rels()}?wait=true`, {
      type: 'OFFERS_TRAINING',
      from: O.vocational,
      to: T.automation,
      level: 'vocational',
    });
    expect(offers.status).toBe(201);
    expect(offers.body.edge).toMatchObject({ type: 'OFFERS_TRAINING', level: 'vocational' });
    const [stored] = await cypher<{ level: string }>(stack, 'MATCH ()-[r:OFFERS_TRAINING {id: $id}]->() RETURN r.level AS level', {
      id: offers.body.id,
    });
    expect(stored.level).toBe('vocational');
  });

  test('a level is required on OFFERS_TRAINING, must be one of the three, and belongs to no other type', async () => {
    const missing = await stack.http.post(rels(), { type: 'OFFERS_TRAINING', from: O.vocational, to: T.chemistry });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([expect.objectContaining({ path: 'level' })]);
    const wrong = await stack.http.post(rels(), { type: 'OFFERS_TRAINING', from: O.vocational, to: T.chemistry, level: 'tohtori' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('level');
    const onNeeds = await stack.http.post(rels(), { type: 'NEEDS', from: O.vaasaFactory, to: T.chemistry, level: 'uas' });
    expect(onNeeds.status).toBe(400);
    expect(onNeeds.body.error.details[0].path).toBe('level');
  });

  test('a link to a theme that is not a skill is refused with 422, the field and the reason; nothing is stored', async () => {
    const res = await stack.http.post(rels(), { type: 'NEEDS', from: O.vaasaFactory, to: T.recyclingTopic });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'TO_NOT_SKILL', details: [{ path: 'to', message: expect.stringMatching(/skill/) }] });
    const offer = await stack.http.post(rels(), { type: 'OFFERS_TRAINING', from: O.university, to: T.recyclingTopic, level: 'university' });
    expect(offer.status).toBe(422);
    expect(offer.body.error.code).toBe('TO_NOT_SKILL');
    expect(
      await cypher(stack, 'MATCH (:Organisation)-[r:NEEDS|OFFERS_TRAINING]->(:Theme {id: $t}) RETURN r.id', { t: T.recyclingTopic }),
    ).toEqual([]);
  });

  test('only an education provider offers training', async () => {
    const res = await stack.http.post(rels(), { type: 'OFFERS_TRAINING', from: O.vaasaFactory, to: T.automation, level: 'uas' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'FROM_NOT_EDUCATION_PROVIDER', details: [{ path: 'from' }] });
  });

  test('the worker enforces the same rule for a batch, which the API does not precheck', async () => {
    const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
      changes: [{ op: 'relationship:create', data: { type: 'NEEDS', from: O.batteryFactory, to: T.recyclingTopic } }],
    });
    expect(res.body.failed).toEqual([
      { changeId: res.body.changes[0].changeId, code: 'TO_NOT_SKILL', reason: expect.stringMatching(/skill/) },
    ]);
  });

  test('a level can be changed, not removed', async () => {
    const created = await stack.http.post(`${rels()}?wait=true`, {
      type: 'OFFERS_TRAINING',
      from: O.university,
      to: T.chemistry,
      level: 'uas',
    });
    expect(created.status).toBe(201);
    const removed = await stack.http.patch(`${rels()}/${created.body.id}`, { level: null });
    expect(removed.status).toBe(400);
    expect(removed.body.error.details[0].path).toBe('level');
    const changed = await stack.http.patch(`${rels()}/${created.body.id}?wait=true`, { level: 'university' });
    expect(changed.status).toBe(200);
    expect(changed.body.edge.level).toBe('university');
  });
});

describe('GET …/skills', () => {
  beforeAll(async () => {
    // Vaasa's factory needs automation (offered in Vaasa) and chemistry (offered in Kokkola only);
    // Skellefteå's needs automation too (offered in Vaasa and Pori, not at home).
    for (const body of [
      { type: 'NEEDS', from: O.vaasaFactory, to: T.automation },
      { type: 'NEEDS', from: O.vaasaFactory, to: T.chemistry },
      { type: 'NEEDS', from: O.batteryFactory, to: T.automation },
      { type: 'OFFERS_TRAINING', from: O.uasPori, to: T.automation, level: 'uas' },
    ]) {
      expect((await stack.http.post(`${rels()}?wait=true`, body)).status).toBe(201);
    }
  });

  const skillIn = (report: { places: { id: string; skills: { skillId: string }[] }[] }, placeId: string, skillId: string) =>
    report.places.find((p) => p.id === placeId)?.skills.find((s) => s.skillId === skillId) as any;

  test('per region: needs against offers, with counts, organisations, providers and levels', async () => {
    const res = await skills();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ workspaceId: ws, by: 'region', seq: expect.any(Number), unplaced: { needs: 0, offers: 0 } });
    expect(res.body.skills.map((s: { id: string }) => s.id).sort()).toEqual([T.automation, T.cellOperator, T.chemistry].sort());

    const vaasaAutomation = skillIn(res.body, R.pohjanmaa, T.automation);
    expect(vaasaAutomation).toMatchObject({
      skillName: 'Automaatio- ja robotiikkaosaaminen',
      needs: { count: 1, organisations: [{ id: O.vaasaFactory, name: 'Vaasan Akkutehdas Oy' }] },
      offers: {
        count: 1,
        providers: [{ id: O.vocational, name: 'Ämmäkosken ammattiopisto', level: 'vocational' }],
        levels: ['vocational'],
      },
      gap: false,
      offeredElsewhere: [],
    });
    const kokkolaChemistry = skillIn(res.body, R.keskipohjanmaa, T.chemistry);
    expect(kokkolaChemistry).toMatchObject({ needs: { count: 0 }, offers: { count: 1, levels: ['university'] }, gap: false });
    const pohjanmaa = res.body.places.find((p: { id: string }) => p.id === R.pohjanmaa);
    expect(pohjanmaa).toMatchObject({ name: 'Pohjanmaa', nameEn: 'Ostrobothnia', needed: 2, offered: 1, gaps: 1 });
  });

  test('a gap is a skill needed and not offered in the region, with the regions that offer it, nearest first', async () => {
    const res = await skills();
    const chemistry = skillIn(res.body, R.pohjanmaa, T.chemistry);
    expect(chemistry).toMatchObject({ gap: true, offers: { count: 0 } });
    expect(chemistry.offeredElsewhere).toEqual([
      {
        placeId: R.keskipohjanmaa,
        placeName: 'Keski-Pohjanmaa',
        distanceKm: expect.any(Number),
        providers: [{ id: O.university, name: 'Kokkolan yliopistokeskus Åström', level: 'university' }],
      },
    ]);

    const automation = skillIn(res.body, R.vasterbotten, T.automation);
    expect(automation.gap).toBe(true);
    expect(automation.offeredElsewhere.map((o: { placeName: string }) => o.placeName)).toEqual(['Pohjanmaa', 'Satakunta']);
    const [near, far] = automation.offeredElsewhere;
    expect(near.distanceKm).toBeLessThan(far.distanceKm);
    expect(far.providers).toEqual([{ id: O.uasPori, name: 'Porin Sävel-ammattikorkeakoulu', level: 'uas' }]);

    // Needed and offered nowhere: a gap no other region fills.
    const cellOperator = skillIn(res.body, R.vasterbotten, T.cellOperator);
    expect(cellOperator).toMatchObject({
      gap: true,
      needs: { organisations: [{ name: 'Älvsbyns Batterifabrik AB' }] },
      offeredElsewhere: [],
    });
    const vasterbotten = res.body.places.find((p: { id: string }) => p.id === R.vasterbotten);
    expect(vasterbotten.gaps).toBe(2);
    // Gaps first.
    expect(vasterbotten.skills.map((s: { gap: boolean }) => s.gap)).toEqual([true, true]);
  });

  test('per city, and a new offer closes the gap', async () => {
    const before = await skills('?by=city');
    expect(before.body.by).toBe('city');
    expect(skillIn(before.body, C.skelleftea, T.automation).offeredElsewhere.map((o: { placeName: string }) => o.placeName)).toEqual([
      'Vaasa',
      'Pori',
    ]);
    const training = await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, {
      id: id('org-skelleftea-gymnasium'),
      name: 'Skellefteå Yrkesgymnasium',
      orgType: 'vocational_college',
    });
    expect(training.status).toBe(201);
    await stack.http.post(`${rels()}?wait=true`, { type: 'LOCATED_IN', from: training.body.id, to: C.skelleftea });
    await stack.http.post(`${rels()}?wait=true`, {
      type: 'OFFERS_TRAINING',
      from: training.body.id,
      to: T.automation,
      level: 'vocational',
    });
    const after = await skills('?by=city');
    expect(skillIn(after.body, C.skelleftea, T.automation)).toMatchObject({
      gap: false,
      offers: { count: 1, levels: ['vocational'] },
      offeredElsewhere: [],
    });
  });

  test('CSV for Excel: one row per place and skill', async () => {
    const res = await fetch(`${stack.api.url}/api/v1/workspaces/${ws}/skills?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      'place',
      'placeName',
      'skill',
      'skillName',
      'needCount',
      'needingOrganisations',
      'offerCount',
      'providers',
      'gap',
      'offeredElsewhere',
    ]);
    const chemistry = rows.find((r) => r[0] === R.pohjanmaa && r[2] === T.chemistry);
    expect(chemistry).toEqual([
      R.pohjanmaa,
      'Pohjanmaa',
      T.chemistry,
      'Kemianteollisuuden prosessinhoitaja',
      '1',
      'Vaasan Akkutehdas Oy',
      '0',
      '',
      'yes',
      expect.stringMatching(/^Keski-Pohjanmaa: Kokkolan yliopistokeskus Åström \(university\) \(\d+ km\)$/),
    ]);
  });

  test('bad input: 400 with the field; unknown workspace 404', async () => {
    const bad = await skills('?by=country');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.by');
    expect((await stack.http.get('/api/v1/workspaces/ei-ole-olemassa/skills')).status).toBe(404);
  });
});

describe('the demo', () => {
  test('its illustrative Battery Region links are valid and say they are illustrative', () => {
    for (const r of skillsRelationships) {
      expect([
        r.id,
        RelationshipCreateSchema.safeParse({ ...r.props, id: r.id, type: r.type, from: r.from, to: r.to }).error?.issues ?? [],
      ]).toEqual([r.id, []]);
      if (r.type === 'NEEDS' || r.type === 'OFFERS_TRAINING') expect(r.props?.note).toMatch(/illustrative/);
    }
  });

  test('shows the Battery Region gaps after a seed (which stays idempotent)', async () => {
    await seedDemo(stack.config);
    expect(await seedDemo(stack.config)).toMatchObject({ created: false });
    const res = await stack.http.get('/api/v1/workspaces/demo/skills');
    expect(res.status).toBe(200);
    const needed = skillsRelationships.filter((r) => r.type === 'NEEDS');
    const counted = res.body.places
      .flatMap((p: { skills: { needs: { count: number } }[] }) => p.skills)
      .reduce((n: number, s: { needs: { count: number } }) => n + s.needs.count, 0);
    // Other suites may add to the demo, never remove: at least the seeded needs are counted.
    expect(counted).toBeGreaterThanOrEqual(needed.length);
    const vasterbotten = res.body.places.find((p: { id: string }) => p.id === 'region-vasterbotten');
    expect(vasterbotten.gaps).toBeGreaterThan(0);
    const automation = vasterbotten.skills.find((s: { skillId: string }) => s.skillId === 'theme-skill-automation');
    expect(automation.gap).toBe(true);
    const elsewhere = automation.offeredElsewhere as { placeId: string; distanceKm: number }[];
    expect(elsewhere.map((o) => o.placeId)).toEqual(
      expect.arrayContaining(['region-pohjanmaa', 'region-keski-pohjanmaa', 'region-pohjois-pohjanmaa']),
    );
    const distances = elsewhere.map((o) => o.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});
