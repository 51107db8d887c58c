/**
 * A generated workspace for bench/insights-scale.ts, the same for every run (seeded PRNG of
 * domain/random.ts): regions, cities (Finnish and Swedish names with ä/ö/å), organisations (legal
 * suffixes, business ids, some Swedish/English names), projects (themes from the taxonomy, budgets,
 * periods, lead, partners, funder) and their links, as the change events the API would queue.
 */
import { businessIdCheckDigit } from '../domain/matching';
import type { Change } from '../domain/changes';
import type { NodeType } from '../domain/entities';
import { mulberry32, type Rng } from '../domain/random';
import type { RelationshipType } from '../domain/relationships';
import { THEME_TAXONOMY, taxonomySeedNodes, taxonomySeedRelationships } from '../domain/themes/taxonomy';

export interface ScaleSize {
  regions: number;
  cities: number;
  organisations: number;
  projects: number;
}

export interface GeneratedOrg {
  id: string;
  name: string;
  cityId: string;
}

export interface GeneratedCity {
  id: string;
  name: string;
  regionId: string;
}

export interface GeneratedWorkspace {
  /** Nodes first (workspace, regions, cities, themes, organisations, projects), then links. */
  nodeChanges: Change[];
  linkChanges: Change[];
  cities: GeneratedCity[];
  organisations: GeneratedOrg[];
  themeIds: string[];
  counts: Record<string, number>;
}

const REGIONS: [string, string][] = [
  ['Uusimaa', 'Uusimaa'], ['Varsinais-Suomi', 'Southwest Finland'], ['Satakunta', 'Satakunta'], ['Kanta-Häme', 'Tavastia Proper'],
  ['Pirkanmaa', 'Pirkanmaa'], ['Päijät-Häme', 'Päijät-Häme'], ['Kymenlaakso', 'Kymenlaakso'], ['Etelä-Karjala', 'South Karelia'],
  ['Etelä-Savo', 'South Savo'], ['Pohjois-Savo', 'North Savo'], ['Pohjois-Karjala', 'North Karelia'], ['Keski-Suomi', 'Central Finland'],
  ['Etelä-Pohjanmaa', 'South Ostrobothnia'], ['Pohjanmaa', 'Ostrobothnia'], ['Keski-Pohjanmaa', 'Central Ostrobothnia'],
  ['Pohjois-Pohjanmaa', 'North Ostrobothnia'], ['Kainuu', 'Kainuu'], ['Lappi', 'Lapland'], ['Norrbotten', 'Norrbotten'], ['Västerbotten', 'Västerbotten'],
];
const REAL_CITIES = [
  'Helsinki', 'Espoo', 'Vantaa', 'Turku', 'Salo', 'Pori', 'Rauma', 'Hämeenlinna', 'Tampere', 'Nokia', 'Lahti', 'Kotka', 'Hamina',
  'Lappeenranta', 'Mikkeli', 'Kuopio', 'Joensuu', 'Jyväskylä', 'Äänekoski', 'Seinäjoki', 'Vaasa', 'Närpiö', 'Kokkola', 'Pietarsaari',
  'Oulu', 'Raahe', 'Kajaani', 'Rovaniemi', 'Kemi', 'Tornio', 'Luleå', 'Piteå', 'Skellefteå', 'Umeå', 'Kristiinankaupunki', 'Uusikaupunki',
  'Harjavalta', 'Eura', 'Säkylä', 'Kärsämäki', 'Pyhäjärvi', 'Hyvinkää', 'Järvenpää', 'Mäntsälä', 'Ähtäri', 'Jämsä', 'Kankaanpää', 'Sodankylä',
];
const FI_STEMS = ['Järvi', 'Mänty', 'Koivu', 'Kuusi', 'Pyhä', 'Ylä', 'Ala', 'Vähä', 'Iso', 'Sär', 'Kivi', 'Hirvi', 'Lohi', 'Kärkö', 'Rääkkä', 'Pölkky', 'Myllö', 'Kaski', 'Sääksi', 'Hääpä', 'Tervo', 'Lumi'];
const FI_ENDS = ['joki', 'järvi', 'lahti', 'niemi', 'salo', 'mäki', 'vaara', 'koski', 'harju', 'saari', 'kylä', 'vesi', 'lä', 'pää'];
const SV_STEMS = ['Ström', 'Björk', 'Sjö', 'Lind', 'Ek', 'Gran', 'Älv', 'Öster', 'Väster', 'Norr', 'Sör', 'Hög', 'Ås'];
const SV_ENDS = ['by', 'å', 'holm', 'vik', 'backa', 'näs', 'fors', 'sund', 'berg', 'ö'];

const BRAND_SYLLABLES = ['kä', 'lo', 'vä', 'ri', 'nö', 'ta', 'sy', 'mu', 'ke', 'pö', 'la', 'ni', 'hå', 've', 'ro', 'sä', 'ku', 'mi', 'tö', 'na', 'jä', 'ly', 'ko', 'ra'];
const BRAND_ENDS = ['x', 'n', 'ra', 'la', 'tek', 'tec', 'nova', 'is', 'ia', 'on'];
const FIELDS_FI = [
  'Akkumetalli', 'Konepaja', 'Kierrätys', 'Kaivos', 'Energia', 'Sähkö', 'Teräs', 'Kemia', 'Logistiikka', 'Rakennus', 'Puu', 'Automaatio',
  'Insinööritoimisto', 'Tekniikka', 'Materiaali', 'Vety', 'Aurinkovoima', 'Tuulivoima', 'Biotuote', 'Muovi', 'Lasi', 'Valimo', 'Ohutlevy',
  'Elektroniikka', 'Ohjelmisto', 'Data', 'Konsultointi', 'Koulutus', 'Kuljetus', 'Satama', 'Metsä', 'Vesihuolto', 'Jäteäly', 'Mittaus',
];
const FIELDS_SV = ['Batterimetall', 'Verkstad', 'Återvinning', 'Gruv', 'Energi', 'Stål', 'Kemi', 'Logistik', 'Bygg', 'Trä', 'Automation', 'Teknik', 'Vätgas', 'Sågverk'];
const FIELDS_EN = ['Battery Solutions', 'Circular Materials', 'Mining Services', 'Clean Energy', 'Hydrogen Systems', 'Metals Recycling', 'Automation', 'Engineering'];
const SURNAMES = ['Mäkinen', 'Kärkkäinen', 'Hämäläinen', 'Pöyhönen', 'Väätäinen', 'Lähteenmäki', 'Söderström', 'Åkerlund', 'Nyström', 'Räsänen', 'Heikkilä', 'Östman', 'Björklund', 'Jääskeläinen', 'Kähkönen', 'Salo', 'Laine', 'Niemi'];
const FI_SUFFIXES = ['Oy', 'Oy', 'Oy', 'Oyj', 'Ky', 'Oy Ab', 'ry', 'Osuuskunta'];
const SV_SUFFIXES = ['AB', 'Ab', 'Oy Ab', 'HB'];
const PUBLIC_KINDS: [string, string][] = [
  ['kaupunki', 'city'], ['kehitysyhtiö', 'development_company'], ['ammattiopisto', 'vocational_college'], ['ammattikorkeakoulu', 'university_of_applied_sciences'],
  ['yliopisto', 'university'], ['tutkimuskeskus', 'research_institute'], ['yrityspalvelut', 'development_company'],
];
const PROJECT_WORDS: [string, string][] = [
  ['kehittämishanke', 'development project'], ['pilotti', 'pilot'], ['osaamiskeskus', 'competence centre'], ['verkosto', 'network'],
  ['ekosysteemi', 'ecosystem'], ['tiekartta', 'roadmap'], ['koulutushanke', 'training project'], ['investointi', 'investment'], ['demonstraatio', 'demonstration'],
];
const GOALS = [
  'Lisätä alueen yritysten osaamista', 'Vähentää neitseellisten raaka-aineiden käyttöä', 'Luoda uusia työpaikkoja', 'Kehittää yhteistyötä korkeakoulujen kanssa',
  'Pilotoida uusi prosessi', 'Kartoittaa alueen sivuvirrat', 'Kouluttaa osaajia akkuteollisuuteen', 'Parantaa materiaalien jäljitettävyyttä',
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);
/** Skewed draw (square of a uniform): low indexes (big cities, busy organisations) are drawn more. */
const skewed = (rng: Rng, n: number) => Math.floor(rng() ** 2 * n);

function genitive(city: string): string {
  if (/[aeiouyäöå]$/i.test(city)) return `${city}n`;
  return `${city}in`;
}

export function generateWorkspace(workspaceId: string, size: ScaleSize, seed = 20250611): GeneratedWorkspace {
  const rng = mulberry32(seed);
  const at = '2025-06-11T08:00:00.000Z';
  let n = 0;
  const nodeChanges: Change[] = [];
  const linkChanges: Change[] = [];
  const node = (nodeType: NodeType, nodeId: string, props: Record<string, unknown>) =>
    nodeChanges.push({ id: `${workspaceId}-c${++n}`, workspaceId, actor: 'bench', at, op: 'node:create', nodeType, nodeId, props });
  let rel = 0;
  const link = (relType: RelationshipType, from: string, to: string, props: Record<string, unknown> = {}) =>
    linkChanges.push({ id: `${workspaceId}-c${++n}`, workspaceId, actor: 'bench', at, op: 'relationship:create', relType, relId: `${workspaceId}-r${++rel}`, from, to, props });

  node('Workspace', workspaceId, { name: 'Skaalaustesti – Pohjoinen yhteistyö', language: 'fi' });

  const regionIds = REGIONS.slice(0, size.regions).map(([name, nameEn], i) => {
    const id = `${workspaceId}-region-${pad(i, 2)}`;
    node('Region', id, { name, nameEn });
    return id;
  });

  const cityNames = new Set<string>(REAL_CITIES.slice(0, size.cities));
  while (cityNames.size < size.cities) {
    const swedish = rng() < 0.25;
    cityNames.add(swedish ? pick(rng, SV_STEMS) + pick(rng, SV_ENDS) : pick(rng, FI_STEMS) + pick(rng, FI_ENDS));
  }
  const cities: GeneratedCity[] = [...cityNames].map((name, i) => {
    const id = `${workspaceId}-city-${pad(i, 3)}`;
    const regionId = regionIds[i % regionIds.length];
    node('City', id, { name, lat: 60 + rng() * 6, lon: 21 + rng() * 8 });
    link('IN_REGION', id, regionId);
    return { id, name, regionId };
  });

  for (const t of taxonomySeedNodes()) node('Theme', t.id, t.props);
  for (const r of taxonomySeedRelationships()) link('PART_OF', r.from, r.to);
  const themeIds = THEME_TAXONOMY.map((t) => t.id);
  const themeName = new Map(THEME_TAXONOMY.map((t) => [t.id, t]));

  const organisations: GeneratedOrg[] = [];
  const orgNames = new Set<string>();
  const funders: string[] = [];
  while (organisations.length < size.organisations) {
    const city = cities[skewed(rng, cities.length)];
    const r = rng();
    let name: string;
    let orgType = 'company';
    let nameSv: string | undefined;
    let nameEn: string | undefined;
    if (r < 0.03) {
      const [kind, type] = pick(rng, PUBLIC_KINDS);
      name = kind === 'kaupunki' ? `${city.name}n kaupunki` : `${genitive(city.name)} ${kind}`;
      orgType = type;
      if (rng() < 0.3) nameEn = `${city.name} ${type.replace(/_/g, ' ')}`;
    } else if (r < 0.035) {
      name = `${pick(rng, ['Rahoitus', 'Kehitys', 'Innovaatio'])}rahasto ${city.name}`;
      orgType = 'funder';
    } else if (r < 0.2) {
      const stem = pick(rng, SV_STEMS) + pick(rng, SV_ENDS);
      name = `${stem} ${pick(rng, FIELDS_SV)} ${pick(rng, SV_SUFFIXES)}`;
    } else if (r < 0.27) {
      name = `${capitalise(pick(rng, BRAND_SYLLABLES) + pick(rng, BRAND_SYLLABLES))} ${pick(rng, FIELDS_EN)} Oy`;
    } else if (r < 0.45) {
      name = `${pick(rng, SURNAMES)} ${pick(rng, FIELDS_FI)} ${pick(rng, FI_SUFFIXES)}`;
    } else if (r < 0.6) {
      name = `${genitive(city.name)} ${pick(rng, FIELDS_FI)} ${pick(rng, FI_SUFFIXES)}`;
    } else {
      name = '';
    }
    // Coined brand names make up the rest, and replace a name already taken (the small patterns run out).
    while (!name || orgNames.has(name)) {
      const brand = capitalise(pick(rng, BRAND_SYLLABLES) + pick(rng, BRAND_SYLLABLES) + (rng() < 0.5 ? pick(rng, BRAND_SYLLABLES) : '') + pick(rng, BRAND_ENDS));
      name = `${brand} ${pick(rng, FIELDS_FI)} ${pick(rng, FI_SUFFIXES)}`;
      orgType = 'company';
      nameSv = rng() < 0.1 ? `${brand} ${pick(rng, FIELDS_SV)} Ab` : undefined;
      nameEn = undefined;
    }
    orgNames.add(name);
    const id = `${workspaceId}-org-${pad(organisations.length, 6)}`;
    const props: Record<string, unknown> = { name, orgType };
    if (nameSv) props.nameSv = nameSv;
    if (nameEn) props.nameEn = nameEn;
    if (orgType === 'company' && rng() < 0.6) {
      const digits = pad(1_000_000 + Math.floor(rng() * 8_999_999), 7);
      const check = businessIdCheckDigit(digits);
      if (check !== null) props.businessId = `${digits}-${check}`;
    }
    node('Organisation', id, props);
    link('LOCATED_IN', id, city.id);
    organisations.push({ id, name, cityId: city.id });
    if (orgType === 'funder') funders.push(id);
  }
  const orgsByCity = new Map<string, string[]>();
  for (const o of organisations) {
    const list = orgsByCity.get(o.cityId);
    if (list) list.push(o.id);
    else orgsByCity.set(o.cityId, [o.id]);
  }
  // Each region leans to a few themes, as real regional specialisation does.
  const regionThemes = new Map(regionIds.map((r) => [r, Array.from({ length: 8 }, () => pick(rng, themeIds))]));

  for (let i = 0; i < size.projects; i++) {
    const city = cities[skewed(rng, cities.length)];
    const themes = new Set<string>();
    const count = 1 + Math.floor(rng() * 3);
    while (themes.size < count) themes.add(rng() < 0.7 ? pick(rng, regionThemes.get(city.regionId)!) : pick(rng, themeIds));
    const [first] = themes;
    const theme = themeName.get(first)!;
    const [word, wordEn] = pick(rng, PROJECT_WORDS);
    const start = 2016 + Math.floor(rng() * 10);
    const months = 12 + Math.floor(rng() * 36);
    const end = new Date(Date.UTC(start, Math.floor(rng() * 12) + months, 0)).toISOString().slice(0, 10);
    const id = `${workspaceId}-proj-${pad(i, 5)}`;
    const budget = Math.round((50_000 + rng() ** 2 * 4_950_000) / 1000) * 1000;
    const themeLabels = [...themes].map((t) => themeName.get(t)!.name.toLowerCase());
    node('Project', id, {
      name: `${theme.name} – ${word} ${pad(i % 1000, 3)} (${city.name})`,
      nameEn: `${theme.nameEn} ${wordEn} ${city.name}`,
      description: `Hanke ${city.name}n seudulla: ${themeLabels.join(', ')}. ${pick(rng, GOALS)}.`,
      goals: [pick(rng, GOALS), pick(rng, GOALS)],
      startDate: `${start}-01-01`,
      endDate: end < `${start}-01-01` ? `${start}-12-31` : end,
      budgetEur: budget,
      euShareEur: Math.round(budget * 0.6),
      status: start + months / 12 < 2025 ? 'finished' : 'running',
    });
    for (const t of themes) link('FOCUSES_ON', id, t);
    if (rng() < 0.7) link('LOCATED_IN', id, city.id);
    const local = orgsByCity.get(city.id) ?? [];
    const lead = local.length && rng() < 0.8 ? pick(rng, local) : organisations[skewed(rng, organisations.length)].id;
    link('LEADS', lead, id);
    const partners = new Set<string>([lead]);
    const partnerCount = Math.floor(rng() * 5);
    for (let k = 0; k < partnerCount; k++) {
      const other = rng() < 0.5 && local.length ? pick(rng, local) : organisations[skewed(rng, organisations.length)].id;
      if (partners.has(other)) continue;
      partners.add(other);
      link('PARTNER_IN', other, id);
    }
    if (rng() < 0.05) link('PARTNER_IN', city.id, id);
    if (funders.length) link('FUNDS', pick(rng, funders), id, { amountEur: Math.round(budget * 0.6) });
  }

  const counts: Record<string, number> = {};
  for (const c of nodeChanges) if (c.op === 'node:create') counts[c.nodeType] = (counts[c.nodeType] ?? 0) + 1;
  for (const c of linkChanges) if (c.op === 'relationship:create') counts[c.relType] = (counts[c.relType] ?? 0) + 1;
  return { nodeChanges, linkChanges, cities, organisations, themeIds, counts };
}
