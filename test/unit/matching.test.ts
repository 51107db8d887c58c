/**
 * Entity resolution (domain/matching): normalisation, Y-tunnus, similarity measures, pair scores and their
 * reasons, acronyms, hard negatives, the candidate index, and a quality floor on the labelled dev split.
 * Pure functions: no database.
 */
import { findCandidates, MatcherIndex } from '../../domain/matching/candidate-index';
import { MATCH_THRESHOLD, scorePair, type EntityRecord } from '../../domain/matching/matcher';
import {
  acronymsOf,
  analyseOrgName,
  analysePersonName,
  businessIdCheckDigit,
  emailDomain,
  foldDiacritics,
  foldFinnish,
  isValidBusinessId,
  nameWords,
  normaliseBusinessId,
  registrableDomain,
} from '../../domain/matching/normalise';
import { editDistance, jaro, jaroWinkler, tokenSetOverlap, trigramDice } from '../../domain/matching/similarity';
import { generateOrgPool } from '../fixtures/org-name-pool';
import { generateResolutionSet, mulberry32, randomBusinessId } from '../fixtures/resolution-set';

const org = (name: string, extra: Partial<EntityRecord> = {}): EntityRecord => ({
  id: `org:${name}`,
  type: 'Organisation',
  name,
  ...extra,
});
const person = (name: string, extra: Partial<EntityRecord> = {}): EntityRecord => ({
  id: `person:${name}`,
  type: 'Person',
  name,
  ...extra,
});

const OULUN_YLIOPISTO = org('Oulun yliopisto', {
  nameEn: 'University of Oulu',
  nameSv: 'Uleåborgs universitet',
  aliases: ['University of Oulu', 'Uleåborgs universitet'],
  website: 'https://www.oulu.fi',
});
const CHYDENIUS = org('Kokkolan yliopistokeskus Chydenius', {
  aliases: ['Chydenius', 'Oulun yliopisto / Kokkolan yliopistokeskus Chydenius'],
  website: 'https://www.oulu.fi/chydenius',
});

describe('normalisation', () => {
  test('folds case and diacritics, or keeps ä/ö/å for Finnish', () => {
    expect(foldDiacritics('Uleåborgs Universitet')).toBe('uleaborgs universitet');
    expect(foldDiacritics('Mäkitalo Öhman Åberg')).toBe('makitalo ohman aberg');
    expect(foldDiacritics('Straße Ærø Łódź')).toBe('strasse aero lodz');
    expect(foldFinnish('Mäkitalo Öhman Åberg')).toBe('mäkitalo öhman åberg');
    expect(foldFinnish('Müller Señora')).toBe('muller senora');
  });

  test('splits words on punctuation, joins dotted abbreviations and colon endings', () => {
    expect(nameWords('Centria-ammattikorkeakoulu')).toEqual(['centria', 'ammattikorkeakoulu']);
    expect(nameWords('Kotiseutuyhdistys r.y.')).toEqual(['kotiseutuyhdistys', 'ry']);
    expect(nameWords('O.S.A.O.')).toEqual(['osao']);
    expect(nameWords('EAKR:n rahoitus')).toEqual(['eakr', 'rahoitus']);
    expect(nameWords("O'Brien & Co")).toEqual(['obrien', 'co']);
  });

  test('removes legal forms at either end, never the last word', () => {
    expect(analyseOrgName('Prizztech Oy')).toMatchObject({ bare: 'prizztech', legalForms: ['oy'] });
    expect(analyseOrgName('Oy Karl Fazer Ab')).toMatchObject({ bare: 'karl fazer' });
    expect(analyseOrgName('Tmi Jari Mäkinen').bare).toBe('jari makinen');
    expect(analyseOrgName('As Oy Kokkolan Koivula').bare).toBe('kokkolan koivula');
    expect(analyseOrgName('Suomen Kulttuurirahasto sr').bare).toBe('suomen kulttuurirahasto');
    expect(analyseOrgName('Kotiseutuyhdistys r.y.').bare).toBe('kotiseutuyhdistys');
    expect(analyseOrgName('AB').bare).toBe('ab');
    // "Ab" inside a name is not a legal form
    expect(analyseOrgName('Kala Ab Kauppa').bare).toBe('kala ab kauppa');
  });

  test('keeps "kaupunki" as the kind of organisation, with the genitive place as the name', () => {
    const city = analyseOrgName('Kokkolan kaupunki');
    expect(city.concepts).toEqual(['CITY']);
    expect(city.core.map((t) => t.key)).toEqual(['kokkola']);
    expect(analyseOrgName('Karleby stad').core[0]).toMatchObject({ key: 'kokkola', translated: true });
    expect(analyseOrgName('City of Kokkola').concepts).toEqual(['CITY']);
  });

  test('recognises genitives, translations, compass words and compounds', () => {
    expect(analyseOrgName('Oulun yliopisto').core[0]).toMatchObject({ key: 'oulu', inflected: true, translated: false });
    expect(analyseOrgName('Uleåborgs universitet')).toMatchObject({ concepts: ['UNIVERSITY'] });
    expect(analyseOrgName('Uleåborgs universitet').core[0]).toMatchObject({ key: 'oulu', translated: true });
    expect(analyseOrgName('Skellefteån kunta').core[0].key).toBe('skelleftea');
    expect(analyseOrgName('Norra Österbottens förbund').core.map((t) => t.key)).toEqual(['pohjois', 'pohjanmaa']);
    expect(analyseOrgName('Federation of Education in Central Ostrobothnia')).toMatchObject({ concepts: ['EDU_FEDERATION'] });
    expect(analyseOrgName('Satakuntaliitto')).toMatchObject({ concepts: ['COUNCIL'] });
    expect(analyseOrgName('Satakuntaliitto').core.map((t) => t.key)).toEqual(['satakunta']);
    expect(analyseOrgName('Oulun yliopsito')).toMatchObject({ concepts: ['UNIVERSITY'], conceptTypo: true });
    // a compound concept word keeps its first part: not "a regional council" (maakuntaliitto) but Satakunta
    expect(analyseOrgName('Saakuntaliitto').core.length).toBe(1);
  });

  test('derives acronyms from initials, compound parts and word abbreviations', () => {
    const acr = (name: string) =>
      acronymsOf(
        analyseOrgName(name)
          .bare.split(' ')
          .filter((w) => !['of', 'for'].includes(w)),
      );
    expect(acr('Oulun seudun ammattiopisto')).toContain('osao');
    expect(acr('European Secretariat for Cluster Analysis')).toContain('esca');
    expect(acr('European Regional Development Fund')).toContain('erdf');
    expect(acr('Euroopan aluekehitysrahasto')).toContain('eakr');
    expect(acr('Luonnonvarakeskus')).toContain('luke');
    expect(acr('Oulun ammattikorkeakoulu')).toContain('oamk');
  });

  test("reads people's names: comma order, initials, titles", () => {
    expect(analysePersonName('Poikela, Kari')).toMatchObject({ commaReordered: true, tokens: [{ f: 'kari' }, { f: 'poikela' }] });
    expect(analysePersonName('Dr. K. Mäkitalo').tokens).toEqual([
      { f: 'k', fi: 'k', initial: true },
      { f: 'makitalo', fi: 'mäkitalo', initial: false },
    ]);
  });
});

describe('business ids (Y-tunnus)', () => {
  test('check digit: weights 7,9,10,5,8,4,2 modulo 11', () => {
    expect(businessIdCheckDigit('0112038')).toBe(9); // Nokia Oyj 0112038-9
    expect(businessIdCheckDigit('0245894')).toBe(7); // Oulun yliopisto 0245894-7
    expect(businessIdCheckDigit('0190983')).toBe(0); // remainder 0 gives 0
    expect(businessIdCheckDigit('0000005')).toBe(1); // 5 * 2 = 10, remainder 10 gives 11 - 10 = 1
    expect(businessIdCheckDigit('012345')).toBeNull(); // six digits: not an id
  });

  test('remainder 1 is never a valid id', () => {
    // 0000006: 6 * 2 = 12, 12 mod 11 = 1
    expect(businessIdCheckDigit('0000006')).toBeNull();
    expect(isValidBusinessId('0000006-0')).toBe(false);
  });

  test('normalises the usual spellings and validates the check digit', () => {
    expect(normaliseBusinessId('0112038-9')).toEqual({ id: '0112038-9', valid: true });
    expect(normaliseBusinessId('FI01120389')).toEqual({ id: '0112038-9', valid: true });
    expect(normaliseBusinessId(' 0112038 9 ')).toEqual({ id: '0112038-9', valid: true });
    expect(normaliseBusinessId('112038-9')).toEqual({ id: '0112038-9', valid: true });
    expect(normaliseBusinessId('0112038-8')).toEqual({ id: '0112038-8', valid: false });
    expect(normaliseBusinessId('Nokia')).toBeUndefined();
    expect(normaliseBusinessId(undefined)).toBeUndefined();
  });

  test('the fixture generates valid ids', () => {
    const rng = mulberry32(5);
    for (let i = 0; i < 200; i++) expect(isValidBusinessId(randomBusinessId(rng))).toBe(true);
  });
});

describe('websites and e-mail domains', () => {
  test('reduce to the registrable domain', () => {
    expect(registrableDomain('https://www.oulu.fi/chydenius')).toBe('oulu.fi');
    expect(registrableDomain('oulu.fi')).toBe('oulu.fi');
    expect(registrableDomain('HTTP://Web.Centria.FI/')).toBe('centria.fi');
    expect(registrableDomain('http://news.bbc.co.uk/x')).toBe('bbc.co.uk');
    expect(registrableDomain('not a website')).toBeUndefined();
    expect(registrableDomain('')).toBeUndefined();
    expect(emailDomain('kari.poikela@mail.digipolis.fi')).toBe('digipolis.fi');
  });
});

describe('similarity measures', () => {
  test('edit distance counts adjacent transpositions as one edit and stops early', () => {
    expect(editDistance('yliopisto', 'yliopsito')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });

  test('Jaro and Jaro-Winkler match the textbook values', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  test('trigram Dice and token-set overlap', () => {
    expect(trigramDice('oulu', 'oulu')).toBe(1);
    expect(trigramDice('oulun yliopisto', 'oulun yliopsito')).toBeGreaterThan(0.6);
    expect(trigramDice('oulu', 'turku')).toBeLessThan(0.2);
    expect(tokenSetOverlap(['miltton'], ['miltton', 'networks'])).toBe(1);
    expect(tokenSetOverlap(['a'], [])).toBe(0);
  });
});

describe('scorePair: organisations', () => {
  test('a shared valid business id is decisive and is the first reason', () => {
    const r = scorePair(org('Prizztech Ltd', { businessId: 'FI01909830' }), org('Prizz Oy', { businessId: '0190983-0' }));
    expect(r.score).toBe(1);
    expect(r.reasons[0]).toBe('same business id 0190983-0');
  });

  test('different valid business ids mean different legal entities', () => {
    const r = scorePair(org('Prizztech Oy', { businessId: '0190983-0' }), org('Prizztech Oy', { businessId: '0112038-9' }));
    expect(r.score).toBeLessThanOrEqual(0.2);
    expect(r.reasons[0]).toBe('different business ids 0190983-0 and 0112038-9: separate legal entities');
  });

  test('a business id failing the checksum is ignored, and said so', () => {
    const r = scorePair(org('Prizztech Oy', { businessId: '0190983-1' }), org('Prizztech Oy', { businessId: '0112038-9' }));
    expect(r.score).toBe(1);
    expect(r.reasons).toContain('business id 0190983-1 fails the Y-tunnus checksum and was ignored');
  });

  test('an alias equal to the other name', () => {
    const r = scorePair(org('University of Oulu'), OULUN_YLIOPISTO);
    expect(r.score).toBeGreaterThanOrEqual(0.98);
    expect(r.reasons[0]).toBe("name 'University of Oulu' equals English name 'University of Oulu'");
  });

  test('case, punctuation and legal form', () => {
    expect(scorePair(org('OULUN YLIOPISTO'), OULUN_YLIOPISTO).score).toBe(1);
    const r = scorePair(org('Prizztech'), org('Prizztech Oy'));
    expect(r.score).toBe(0.97);
    expect(r.reasons[0]).toBe("name 'Prizztech' equals name 'Prizztech Oy' apart from legal form (oy)");
    expect(scorePair(org('Prizz tech Oy'), org('Prizztech Oy')).reasons[0]).toContain('apart from spacing');
  });

  test('translations without listed aliases', () => {
    const bare = org('Oulun yliopisto');
    for (const name of ['Oulu University', 'University of Oulu', 'Uleåborgs universitet']) {
      const r = scorePair(org(name), bare);
      expect(r.score).toBeGreaterThanOrEqual(0.9);
      expect(r.reasons[0]).toContain('is a translation of');
    }
    expect(scorePair(org('Federation of Education in Central Ostrobothnia'), org('Keski-Pohjanmaan koulutusyhtymä')).score).toBeGreaterThan(
      0.9,
    );
    expect(scorePair(org('Regional Council of Satakunta'), org('Satakuntaliitto')).score).toBeGreaterThan(0.9);
    expect(scorePair(org('Skellefteån kunta'), org('Skellefteå kommun')).score).toBeGreaterThan(0.9);
  });

  test('typos', () => {
    const one = scorePair(org('Prizztceh Oy'), org('Prizztech Oy'));
    expect(one.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(one.reasons[0]).toBe("name 'Prizztceh Oy' and name 'Prizztech Oy' differ by one typo ('prizztceh' ~ 'prizztech')");
    expect(scorePair(org('Oulun yliopsito'), OULUN_YLIOPISTO).reasons[0]).toContain('differ by one typo');
    expect(scorePair(org('Pirkanmaan liirto'), org('Pirkanmaan liitto')).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(scorePair(org('Satakuntaliitt'), org('Satakuntaliitto')).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(scorePair(org('Prizztech OOy'), org('Prizztech Oy')).reasons[0]).toContain('typo in the legal form');
  });

  test('diacritics only', () => {
    const r = scorePair(org('Skelleftea kommun'), org('Skellefteå kommun'));
    expect(r.score).toBe(0.96);
    expect(r.reasons[0]).toContain('differ only in diacritics');
  });

  test('acronyms: derived, listed, and written inside the name', () => {
    const osao = scorePair(org('OSAO'), org('Oulun seudun ammattiopisto'));
    expect(osao.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(osao.reasons[0]).toBe("'OSAO' could be an abbreviation of name 'Oulun seudun ammattiopisto'");
    expect(scorePair(org('EAKR'), org('Euroopan aluekehitysrahasto')).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(scorePair(org('ESCA'), org('European Secretariat for Cluster Analysis')).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(scorePair(org('osao'), org('Oulun seudun ammattiopisto', { aliases: ['OSAO'] })).score).toBeGreaterThanOrEqual(0.97);
    expect(scorePair(org('VTT'), org('Teknologian tutkimuskeskus VTT Oy')).reasons[0]).toContain('abbreviation written in');
    expect(scorePair(org('Oulun seudun ammattiopisto (OSAO)'), org('OSAO')).score).toBeGreaterThanOrEqual(0.97);
  });

  test('a missing "kaupunki" word is a likely, not a certain, match', () => {
    const r = scorePair(org('Kokkola'), org('Kokkolan kaupunki'));
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(r.score).toBeLessThan(0.9);
    expect(r.reasons[0]).toBe("name 'Kokkola' equals name 'Kokkolan kaupunki' without the word 'kaupunki'");
  });

  test('hard negatives stay below the threshold', () => {
    // The names are part of the compared value so that a failure says which pair failed.
    const below = (a: EntityRecord, b: EntityRecord) => {
      const r = scorePair(a, b);
      expect([a.name, b.name, r.score < MATCH_THRESHOLD]).toEqual([a.name, b.name, true]);
      return r;
    };
    expect(below(org('Oulun seudun ammattiopisto'), OULUN_YLIOPISTO).reasons[0]).toContain('different kinds of organisation');
    below(org('Pirkanmaan liitto'), org('Pohjois-Pohjanmaan liitto'));
    below(org('Pohjanmaan liitto'), org('Pohjois-Pohjanmaan liitto'));
    below(org('Keski-Pohjanmaan liitto'), org('Pohjois-Pohjanmaan liitto'));
    below(org('Kokkolan kaupunki'), CHYDENIUS);
    below(org('Turun yliopisto'), OULUN_YLIOPISTO);
    below(org('Oulun kaupunki'), OULUN_YLIOPISTO);
    below(org('Miltton Oy'), org('Miltton Networks Oy'));
    below(org('Northvolt Ett AB'), org('Northvolt'));
    below(org('Centria-kaupunki'), org('Centria-ammattikorkeakoulu', { aliases: ['Centria'] }));
    below(org('Seinäjoen ammattikorkeakoulu'), org('Satakunnan ammattikorkeakoulu', { aliases: ['SAMK'] }));
    below(org('Teknologian tutkimuskeskus VTT Ett Oy'), org('Teknologian tutkimuskeskus VTT Oy', { aliases: ['VTT'] }));
    // an alias of Chydenius names Oulun yliopisto too
    below(org('Oulun yliopisto'), CHYDENIUS);
  });

  test('a shared website domain is evidence, but weak: sub-units share domains', () => {
    const r = scorePair(org('Oulun yliopisto', { website: 'oulu.fi' }), CHYDENIUS);
    expect(r.reasons).toContain('same website domain oulu.fi');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    const renamed = scorePair(
      org('Prizz Ltd', { website: 'http://prizz.fi/en' }),
      org('Prizztech Oy', { website: 'https://www.prizz.fi' }),
    );
    expect(renamed.reasons).toContain('same website domain prizz.fi');
    expect(
      scorePair(org('X Oy', { website: 'https://facebook.com/x' }), org('Y Oy', { website: 'https://facebook.com/y' })).reasons,
    ).not.toContain('same website domain facebook.com');
  });

  test('different entity types never match', () => {
    expect(scorePair(org('Kokkolan kaupunki'), { id: 'city-kokkola', type: 'City', name: 'Kokkola' })).toEqual({
      score: 0,
      reasons: ['different entity types (Organisation and City)'],
    });
  });

  test('is symmetric', () => {
    const pairs: [EntityRecord, EntityRecord][] = [
      [org('Oulu University'), OULUN_YLIOPISTO],
      [org('Kokkola'), org('Kokkolan kaupunki')],
      [org('OSAO'), org('Oulun seudun ammattiopisto')],
      [org('Miltton Oy'), org('Miltton Networks Oy')],
      [person('K. Poikela'), person('Kari Poikela')],
    ];
    for (const [a, b] of pairs) expect(scorePair(a, b).score).toBe(scorePair(b, a).score);
  });
});

describe('scorePair: people', () => {
  test('word order, comma order, initials, diacritics and titles', () => {
    const kari = person('Kari Poikela');
    const reordered = scorePair(person('Poikela Kari'), kari);
    expect(reordered.score).toBeGreaterThanOrEqual(0.9);
    expect(reordered.reasons[0]).toContain('same names in a different order');
    expect(scorePair(person('Poikela, Kari'), kari).reasons[0]).toContain('surname first');
    const initial = scorePair(person('K. Poikela'), kari);
    expect(initial.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(initial.reasons[0]).toBe("name 'K. Poikela' and name 'Kari Poikela' fit each other: initial 'K.' fits 'kari'");
    expect(scorePair(person('Kari Makitalo'), person('Kari Mäkitalo')).reasons[0]).toContain('differ only in diacritics');
    expect(scorePair(person('Dr. Kari Poikela'), kari).score).toBeGreaterThanOrEqual(0.97);
    expect(scorePair(person('Tiina Ramstedt'), person('Tiina Ramstedt-Sen')).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  test('typos in names, but not other names one letter away', () => {
    expect(scorePair(person('Tqpio Wikström'), person('Tapio Wikström')).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(scorePair(person('Kari Poikla'), person('Kari Poikela')).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(scorePair(person('Sanna Virtanen'), person('Hanna Virtanen')).score).toBeLessThan(MATCH_THRESHOLD);
    expect(scorePair(person('Kari Virtanen'), person('Sari Virtanen')).score).toBeLessThan(MATCH_THRESHOLD);
  });

  test('the same first name or surname alone is not a match', () => {
    const a = scorePair(person('Kari Poikela'), person('Kari Mäkitalo'));
    expect(a.score).toBeLessThan(0.5);
    expect(a.reasons[0]).toBe("name 'Kari Poikela' and name 'Kari Mäkitalo' share the given name 'kari' but not the surname");
    expect(scorePair(person('Matti Poikela'), person('Kari Poikela')).reasons[0]).toContain("share the surname 'poikela'");
  });

  test('the same e-mail address is strong evidence', () => {
    const r = scorePair(
      person('K. Poikela', { email: 'Kari.Poikela@digipolis.fi' }),
      person('Kari Poikela', { email: 'kari.poikela@digipolis.fi' }),
    );
    expect(r.score).toBeGreaterThan(0.95);
    expect(r.reasons).toContain('same e-mail address kari.poikela@digipolis.fi');
  });
});

describe('candidate search', () => {
  const demo = generateResolutionSet(1, 'dev').entities;
  const pool = [...generateOrgPool(5_000, 99), ...demo];
  const index = new MatcherIndex(pool);

  test('finds the right entity among thousands of names', () => {
    expect(index.findCandidates('OSAO')[0].record.id).toBe('org-osao');
    expect(index.findCandidates('Uleåborgs universitet')[0].record.id).toBe('org-oulun-yliopisto');
    expect(index.findCandidates('Difgipolis Oy')[0].record.id).toBe('org-digipolis');
    expect(index.findCandidates({ name: 'Poikela Kari', type: 'Person' })[0].record.id).toBe('person-kari-poikela');
    const prizz = demo.find((e) => e.id === 'org-prizztech')!;
    expect(index.findCandidates({ name: 'Prizz', businessId: prizz.businessId })[0]).toMatchObject({
      score: 1,
      record: { id: 'org-prizztech' },
    });
  });

  test('honours type, limit, minScore and excludeId', () => {
    expect(index.findCandidates('Kari Poikela', { type: 'Organisation' }).every((c) => c.record.type === 'Organisation')).toBe(true);
    expect(index.findCandidates('Oulun Sähkö', { limit: 3, minScore: 0 }).length).toBeLessThanOrEqual(3);
    expect(index.findCandidates('Oulun yliopisto', { minScore: 0.99 }).map((c) => c.record.id)).toEqual(['org-oulun-yliopisto']);
    expect(
      index.findCandidates('Oulun yliopisto', { excludeId: 'org-oulun-yliopisto' }).some((c) => c.record.id === 'org-oulun-yliopisto'),
    ).toBe(false);
    expect(index.findCandidates('Oulun yliopisto', { type: 'Project' })).toEqual([]);
  });

  test('candidates come best first, with reasons', () => {
    const found = index.findCandidates('Oulun yliopisto', { minScore: 0 });
    for (let i = 1; i < found.length; i++) expect(found[i - 1].score).toBeGreaterThanOrEqual(found[i].score);
    expect(found[0].reasons[0]).toBe("name 'Oulun yliopisto' equals name 'Oulun yliopisto'");
  });

  test('an array pool gives the same answer as an index', () => {
    const small = demo.filter((e) => e.type === 'Organisation');
    expect(findCandidates('University of Oulu', small)[0].record.id).toBe('org-oulun-yliopisto');
    expect(findCandidates('University of Oulu', new MatcherIndex(small))[0].record.id).toBe('org-oulun-yliopisto');
  });
});

describe('labelled resolution set', () => {
  test('is deterministic and keeps the look-alikes of the two splits apart', () => {
    const a = generateResolutionSet(1, 'dev');
    const b = generateResolutionSet(1, 'dev');
    expect(a.pairs.map((p) => [p.query.name, p.target.id, p.same])).toEqual(b.pairs.map((p) => [p.query.name, p.target.id, p.same]));
    const test = generateResolutionSet(2, 'test');
    const lookalikes = (s: typeof a) => new Set(s.entities.filter((e) => e.id.startsWith('la-')).map((e) => e.id));
    const dev = lookalikes(a);
    expect([...lookalikes(test)].some((id) => dev.has(id))).toBe(false);
  });

  test('the matcher keeps precision >= 0.95 at recall >= 0.90 on the development split', () => {
    const { pairs } = generateResolutionSet(1, 'dev');
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const p of pairs) {
      const match = scorePair(p.query, p.target).score >= MATCH_THRESHOLD;
      if (match && p.same) tp++;
      else if (match) fp++;
      else if (p.same) fn++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
  });
});
