/**
 * Theme taxonomy, text analysis, theme suggestions and overlap scoring: pure functions, no services.
 */
import { ThemeSchema } from '../../domain/entities';
import { RELATIONSHIP_ENDS, RelationshipCreateSchema } from '../../domain/relationships';
import { CorpusModel } from '../../domain/overlap/corpus';
import { OverlapIndex } from '../../domain/overlap/candidate-index';
import { overlapScore, topOverlaps, type OverlapProject } from '../../domain/overlap/score';
import { guessLanguage, normaliseFinnishStem, stem, tokenize } from '../../domain/text/stemming';
import { getThemeMatcher, suggestThemes } from '../../domain/themes/suggest';
import { THEME_TAXONOMY, getTaxonomy, taxonomySeedNodes, taxonomySeedRelationships } from '../../domain/themes/taxonomy';
import { demoNodes, demoRelationships } from '../../scripts/seed/demo-network';
import { demoLabels, demoProjects, generatedQueries } from '../fixtures/overlap-set';

const analyzer = getThemeMatcher().analyzer;
const atoms = (text: string, lang: 'fi' | 'sv' | 'en') => analyzer.analyze(text, lang).tokens.flatMap((t) => t.atoms);

describe('stemming', () => {
  test.each([
    ['akkujen', 'akku'],
    ['akkuja', 'akut'],
    ['kierrätyksen', 'kierrätys'],
    ['kierrätystä', 'kierrätykseen'],
    ['vedenkäsittelyyn', 'vedenkäsittely'],
    ['kiertotalouden', 'kiertotaloutta'],
    ['teollisuuden', 'teollisuus'],
    ['osaamistarpeiden', 'osaamistarpeet'],
    ['vedyn', 'vety'],
    ['sivuvirtojen', 'sivuvirran'],
    ['kaupungin', 'kaupunki'],
  ])('Finnish %s and %s share a stem', (a, b) => {
    expect(stem(a, 'fi')).toBe(stem(b, 'fi'));
  });

  test('hydrogen does not collide with vetää (to lead), which every project text uses', () => {
    expect(stem('vety', 'fi')).not.toBe(stem('vetää', 'fi'));
    expect(stem('vedyn', 'fi')).not.toBe(stem('vedetään', 'fi'));
  });

  test('the Finnish normalisation folds gradation and stem endings', () => {
    expect(normaliseFinnishStem('kierrätyks')).toBe(normaliseFinnishStem('kierrätys'));
    expect(normaliseFinnishStem('teollisuud')).toBe(normaliseFinnishStem('teollisuut'));
  });

  test.each([
    ['batterierna', 'batteri'],
    ['återvinningen', 'återvinning'],
    ['utbildningar', 'utbildning'],
  ])('Swedish %s and %s share a stem', (a, b) => {
    expect(stem(a, 'sv')).toBe(stem(b, 'sv'));
  });

  test.each([
    ['batteries', 'battery'],
    ['recycling', 'recycled'],
    ['chemicals', 'chemical'],
  ])('English %s and %s share a stem', (a, b) => {
    expect(stem(a, 'en')).toBe(stem(b, 'en'));
  });

  test('Finnish and Swedish compounds split into the parts the taxonomy knows', () => {
    expect(atoms('akkukemikaalien', 'fi')).toEqual(atoms('akku kemikaali', 'fi'));
    expect(atoms('vedenkäsittelyyn', 'fi')).toEqual(atoms('veden käsittely', 'fi'));
    expect(atoms('akkujen kierrätykseen', 'fi')).toEqual(atoms('akku kierrätys', 'fi'));
    expect(atoms('batteriåtervinningen', 'sv')).toEqual(atoms('batteri återvinning', 'sv'));
    expect(atoms('akkujen', 'fi')).toHaveLength(1); // not a compound: akku + -jen
  });

  test('a hanging hyphen borrows the head of the next compound', () => {
    const [akku] = analyzer.analyze('akku- ja teknologiametalliklusteri', 'fi').tokens;
    expect(akku.atoms).toEqual(atoms('akkuklusteri', 'fi'));
  });

  test('tokenising drops numbers and splits on punctuation', () => {
    expect(tokenize('EAKR-rahoitus 194 390 € (2023–2025), Kemi-Tornio')).toEqual(['eakr', 'rahoitus', 'kemi', 'tornio']);
  });

  test.each([
    ['Hankkeessa kehitetään akkujen kierrätystä Kokkolan seudulla.', 'fi'],
    ['Projektet utvecklar återvinning av batterier och utbildning för industrin.', 'sv'],
    ['The project develops battery recycling and training in the region.', 'en'],
    ['Kasvua sähköistymisestä teknologiametalliklusteriin', 'fi'],
  ])('guesses the language of "%s"', (text, lang) => {
    expect(guessLanguage(text)).toBe(lang);
  });
});

describe('theme suggestions', () => {
  test('suggests themes from inflected Finnish with the reasons', () => {
    const s = suggestThemes('Hankkeessa kehitetään akkukemikaalien kierrätystä ja vedenkäsittelyyn liittyvää osaamista.');
    const byId = new Map(s.map((x) => [x.themeId, x]));
    expect([...byId.keys()]).toEqual(
      expect.arrayContaining(['theme-battery-recycling', 'theme-battery-chemicals', 'theme-water-treatment']),
    );
    expect(byId.get('theme-battery-chemicals')!.because).toContain('"akkukemikaalien" → akkukemikaalit (battery chemicals Finnish name)');
    expect(byId.get('theme-water-treatment')!.because[0]).toMatch(/^"vedenkäsittelyyn" → vedenkäsittely/);
    for (const x of s) {
      expect(x.score).toBeGreaterThan(0);
      expect(x.score).toBeLessThanOrEqual(1);
    }
  });

  test('suggests from English and Swedish, and orders the more specific theme first', () => {
    const en = suggestThemes('Recycling of spent lithium-ion batteries and recovery of black mass.').map((x) => x.themeId);
    expect(en).toContain('theme-battery-recycling');
    expect(en).not.toContain('theme-lithium'); // "lithium" only as part of lithium-ion battery
    const sv = suggestThemes('Projektet utvecklar återvinning av batterier och vattenrening i Skellefteå.');
    expect(sv.map((x) => x.themeId)).toEqual(expect.arrayContaining(['theme-battery-recycling', 'theme-water-treatment']));
    // "kierrätys" inside "akkujen kierrätys" is battery recycling, not recycling in general.
    expect(suggestThemes('Akkujen kierrätys').map((x) => x.themeId)).toEqual(['theme-battery-recycling']);
  });

  test('ordinary project words suggest nothing', () => {
    expect(suggestThemes('Hanketta vetää Oulun kaupunki, ja tuloksista viestitään seminaareissa.')).toEqual([]);
  });

  test('the name counts more than the description', () => {
    const inName = suggestThemes({ name: 'Vetylaakso', description: 'Hanke kartoittaa yrityksiä.' });
    const inText = suggestThemes({ name: 'Kartoitus', description: 'Vetylaakso kartoittaa yrityksiä.' });
    expect(inName[0].themeId).toBe('theme-hydrogen');
    expect(inName[0].score).toBeGreaterThan(inText[0].score);
    expect(inName[0].because[0]).toMatch(/in the name$/);
  });
});

describe('taxonomy', () => {
  const taxonomy = getTaxonomy();

  test('ids are unique, every parent exists and there are no cycles', () => {
    const ids = THEME_TAXONOMY.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of THEME_TAXONOMY) {
      if (t.parent) expect([t.id, taxonomy.get(t.parent)?.id]).toEqual([t.id, t.parent]);
      // Walking up must reach a root without meeting the theme again.
      const seen = new Set([t.id]);
      let cur = t.parent;
      while (cur) {
        expect([t.id, seen.has(cur)]).toEqual([t.id, false]);
        seen.add(cur);
        cur = taxonomy.get(cur)?.parent;
      }
    }
  });

  test('every theme has Finnish, English and Swedish names and synonyms', () => {
    for (const t of THEME_TAXONOMY) {
      for (const name of [t.name, t.nameEn, t.nameSv]) expect([t.id, name.trim().length > 0]).toEqual([t.id, true]);
      for (const lang of ['fi', 'sv', 'en'] as const) expect([t.id, lang, t.synonyms[lang].length > 0]).toEqual([t.id, lang, true]);
    }
  });

  test('extends the demo: its themes keep their ids, names, kind and parent', () => {
    const demoParents = new Map(
      demoRelationships.filter((r) => r.type === 'PART_OF' && r.from.startsWith('theme-')).map((r) => [r.from, r.to]),
    );
    for (const n of demoNodes.filter((x) => x.type === 'Theme')) {
      const t = taxonomy.get(n.id);
      expect([n.id, t && { name: t.name, nameEn: t.nameEn, nameSv: t.nameSv, kind: t.kind }]).toEqual([n.id, n.props]);
      if (demoParents.has(n.id)) expect([n.id, t?.parent]).toEqual([n.id, demoParents.get(n.id)]);
    }
  });

  test('seed data is valid under the entity and relationship schemas, with the demo id scheme', () => {
    for (const n of taxonomySeedNodes()) expect([n.id, ThemeSchema.safeParse(n.props).error?.issues ?? []]).toEqual([n.id, []]);
    const demoIds = new Set(demoRelationships.map((r) => r.id));
    const rels = taxonomySeedRelationships();
    expect(rels.length).toBe(THEME_TAXONOMY.filter((t) => t.parent).length);
    for (const r of rels) {
      expect(RelationshipCreateSchema.safeParse(r).success).toBe(true);
      expect(RELATIONSHIP_ENDS.PART_OF.from).toContain('Theme');
      expect(RELATIONSHIP_ENDS.PART_OF.to).toContain('Theme');
    }
    // The demo's own links come out with the same ids, so seeding both creates nothing twice.
    expect(rels.filter((r) => demoIds.has(r.id)).length).toBe(
      demoRelationships.filter((r) => r.type === 'PART_OF' && r.from.startsWith('theme-')).length,
    );
  });

  test('relations: same, sibling, parent/child, ancestor', () => {
    expect(taxonomy.relation('theme-copper-refining', 'theme-copper-refining')).toBe('same');
    expect(taxonomy.relation('theme-copper-refining', 'theme-nickel-refining')).toBe('sibling');
    expect(taxonomy.relation('theme-copper-refining', 'theme-metal-refining')).toBe('child');
    expect(taxonomy.relation('theme-metal-refining', 'theme-copper-refining')).toBe('parent');
    expect(taxonomy.relation('theme-technology-metals', 'theme-copper-refining')).toBe('ancestor');
    expect(taxonomy.relation('theme-copper-refining', 'theme-hydrogen')).toBe('none');
  });
});

describe('overlap scoring', () => {
  const base: OverlapProject = { id: 'a', name: 'A', themes: [], cityIds: ['city-pori'], regionIds: ['region-satakunta'] };

  test('same theme > sibling > ancestor > unrelated', () => {
    const score = (theme: string) =>
      overlapScore({ ...base, themes: ['theme-copper-refining'] }, { ...base, id: 'b', themes: [theme] }).parts.themes;
    const same = score('theme-copper-refining');
    const sibling = score('theme-nickel-refining');
    const ancestor = score('theme-technology-metals');
    const none = score('theme-hydrogen');
    expect(same).toBeGreaterThan(sibling);
    expect(sibling).toBeGreaterThan(ancestor);
    expect(ancestor).toBeGreaterThan(none);
    expect(none).toBe(0);
  });

  test('explains an overlap in English and Finnish', () => {
    const a: OverlapProject = {
      id: 'p-pori',
      name: 'Akkujen kierrätys Porissa',
      description: 'Hankkeessa kehitetään akkukemikaalien kierrätystä ja mustamassan käsittelyä.',
      themes: ['theme-battery-recycling'],
      cityIds: ['city-pori'],
      funderIds: ['org-pirkanmaan-liitto'],
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    };
    const b: OverlapProject = {
      id: 'p-vaasa',
      name: 'Battery recycling Vaasa',
      description: 'Recycling of battery chemicals and black mass from spent batteries.',
      themes: ['theme-battery-recycling'],
      cityIds: ['city-vaasa'],
      funderIds: ['org-pirkanmaan-liitto'],
      startDate: '2024-03-01',
      endDate: '2025-06-30',
    };
    const r = overlapScore(a, b, { labels: demoLabels });
    expect(r.score).toBeGreaterThan(0.5);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.parts.sharedThemes).toEqual(['theme-battery-recycling']);
    expect(r.parts.overlapMonths).toBe(10);
    expect(r.explanationEn).toBe(
      'Both work on battery recycling; run at the same time for 10 months (2024); share the funder Pirkanmaan liitto.',
    );
    expect(r.explanationFi).toBe(
      'Molemmat työskentelevät teemojen parissa: akkujen kierrätys; käynnissä samaan aikaan 10 kk (2024); ' +
        'yhteinen rahoittaja: Pirkanmaan liitto.',
    );
    expect(r.explanation).toBe(`${r.explanationEn}\n${r.explanationFi}`);
  });

  test('unrelated projects score low and say so', () => {
    const r = overlapScore(
      { ...base, description: 'Vihreän vedyn tuotanto satamassa.', themes: ['theme-hydrogen'] },
      { ...base, id: 'b', description: 'Ammatillinen koulutus akkuteollisuuteen.', themes: ['theme-vocational-education'] },
    );
    expect(r.score).toBeLessThan(0.1);
    expect(r.explanationEn).toBe('Little in common.');
  });

  test('only projects in other cities (or regions) count, as asked', () => {
    const query: OverlapProject = { ...base, id: 'q', themes: ['theme-hydrogen'], description: 'Vetylaakso' };
    const candidates: OverlapProject[] = [
      { ...query, id: 'same-city' },
      { ...query, id: 'same-region', cityIds: ['city-rauma'] },
      { ...query, id: 'elsewhere', cityIds: ['city-oulu'], regionIds: ['region-pohjois-pohjanmaa'] },
    ];
    const ids = (mode?: 'city' | 'region' | 'none') =>
      topOverlaps(query, candidates, 5, mode ? { crossBoundary: mode } : {})
        .map((r) => r.id)
        .sort();
    expect(ids()).toEqual(['elsewhere', 'same-region']);
    expect(ids('region')).toEqual(['elsewhere']);
    expect(ids('none')).toEqual(['elsewhere', 'same-city', 'same-region']);
  });

  test('finds the demo project a new project in another city duplicates', () => {
    const query: OverlapProject = {
      id: 'new',
      name: 'Akkukemikaalien kierrätys ja vedenkäsittely Tampereella',
      description: 'Akkukemian kierrätys ja teollisuusalueiden vedenkäsittely; perustuu kansalliseen akkustrategiaan.',
      cityIds: ['city-tampere'],
      regionIds: ['region-pirkanmaa'],
    };
    const [best] = topOverlaps(query, demoProjects(), 3, { labels: demoLabels });
    expect(best.id).toBe('project-akkukemia');
    expect(best.explanationEn).toMatch(/^Both work on /);
  });

  test('the index gives the same answers as a scan, and follows updates and removals', () => {
    const { query, candidates } = generatedQueries('dev', 1, 6)[0];
    const index = new OverlapIndex();
    for (const c of candidates) index.upsert(c);
    const scan = topOverlaps(query, candidates, 5).map((r) => r.id);
    expect(index.query(query, 5).map((r) => r.id)).toEqual(scan);
    expect(topOverlaps(query, index, 5).map((r) => r.id)).toEqual(scan);
    index.remove(scan[0]);
    expect(index.size).toBe(candidates.length - 1);
    expect(index.query(query, 5).map((r) => r.id)).not.toContain(scan[0]);
    index.upsert(candidates.find((c) => c.id === scan[0])!);
    expect(index.query(query, 5)[0].id).toBe(scan[0]);
  });

  test('finds the true overlaps of generated projects (small development sample)', () => {
    const queries = generatedQueries('dev', 16, 8);
    const hits = queries.filter((q) => {
      const top = topOverlaps(q.query, q.candidates, 5).map((r) => r.id);
      return q.trueIds.every((id) => top.includes(id)) && !q.sameCityIds.some((id) => top.includes(id));
    });
    expect(hits.length / queries.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('corpus model', () => {
  test('document frequencies follow additions and removals', () => {
    const m = new CorpusModel();
    m.addDocument(['aku', 'kierät', 'aku']);
    m.addDocument(['aku', 'vety']);
    expect(m.documentCount).toBe(2);
    expect(m.documentFrequency('aku')).toBe(2);
    expect(m.idf('vety')).toBeGreaterThan(m.idf('aku'));
    expect(m.idf('unseen')).toBe(m.maxIdf());
    m.removeDocument(['aku', 'vety']);
    expect(m.documentFrequency('vety')).toBe(0);
    expect(CorpusModel.fromJSON(JSON.parse(JSON.stringify(m))).idf('aku')).toBe(m.idf('aku'));
  });
});
