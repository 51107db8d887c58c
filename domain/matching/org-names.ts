/**
 * Comparing two organisation names (also used for other non-person nodes: places, projects, themes):
 * equal as written, equal once normalised (case, punctuation, diacritics, legal form, spacing), the same
 * words in any order or language, typos, abbreviations, and the kind of organisation each names.
 */
import { CONCEPTS, RELATED_CONCEPTS } from './lexicon';
import { NO_MATCH, orgOf, quote, sameText, type NameForm, type NameMatch } from './name-forms';
import type { CoreToken, OrgName } from './normalise';
import { editDistance } from './similarity';

/** Weights of the word comparison; tuned on the development split of test/fixtures/resolution-set.ts. */
export const ORG_NAME_WEIGHTS = {
  /** Score ceiling for names of different kinds of organisation (yliopisto vs ammattiopisto). */
  conceptConflict: 0.4,
  /** Weight of a kind-of-organisation word next to a distinctive word (1). */
  concept: 0.35,
  /** ... when the other name has no such word at all ("Kokkola" vs "Kokkolan kaupunki"). */
  missingConcept: 0.2,
  /** ... when the other name has another one as well (a sub-unit: "yliopiston tutkimuskeskus"). */
  extraConcept: 1,
};

type Difference = 'order' | 'inflection' | 'translation' | 'diacritics' | 'typo1' | 'typo2' | 'related';

/** Ceiling of the score for each kind of difference: a rewritten name is never "identical". */
const DIFFERENCE_CAP: Record<Difference, number> = {
  order: 0.95,
  diacritics: 0.95,
  inflection: 0.94,
  translation: 0.94,
  typo1: 0.9,
  typo2: 0.8,
  // "koulutusyhtymä" vs "ammattiopisto": related bodies, possibly the same; never a confident match.
  related: 0.75,
};

/** Quality (0..1) of two distinctive words meaning the same, and how they differ. */
function tokenQuality(a: CoreToken, b: CoreToken): [number, Difference | null] {
  if (a.key === b.key) {
    if (a.surface === b.surface) return a.fi === b.fi ? [1, null] : [0.97, 'diacritics'];
    if (a.translated || b.translated) return [0.95, 'translation'];
    return [0.96, 'inflection'];
  }
  // Two different known places are different places, however close the spelling.
  if (a.kind === 'place' && b.kind === 'place') return [0, null];
  const sa = a.surface;
  const sb = b.surface;
  // Genitive: "sitran" ~ "sitra", Swedish "-s".
  if ((sa.length === sb.length + 1 && sa.startsWith(sb)) || (sb.length === sa.length + 1 && sb.startsWith(sa))) {
    const last = (sa.length > sb.length ? sa : sb).slice(-1);
    if ((last === 'n' || last === 's') && Math.min(sa.length, sb.length) >= 4) return [0.96, 'inflection'];
  }
  // Short words one letter apart are as often different names as typos (SAMK / SeAMK): five letters minimum.
  const len = Math.min(sa.length, sb.length);
  if (len < 5) return [0, null];
  let d = editDistance(sa, sb, 2);
  if (a.kind === 'place' || b.kind === 'place') d = Math.min(d, editDistance(a.key, b.key, 2));
  if (d === 1) return [len >= 8 ? 0.9 : 0.86, 'typo1'];
  if (d === 2 && len >= 9) return [0.8, 'typo2'];
  return [0, null];
}

const related = new Set(RELATED_CONCEPTS.flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]));
export const conceptLabel = (c: string) => CONCEPTS[c]?.label ?? c.toLowerCase();

/** Kinds of organisation that cannot be the same body: both named, none shared, none related. */
export function conceptsConflict(ca: readonly string[], cb: readonly string[]): boolean {
  if (!ca.length || !cb.length) return false;
  return !ca.some((x) => cb.includes(x) || cb.some((y) => related.has(`${x}|${y}`)));
}

/** Places named in one and not the other, both ways ("Seinäjoen ..." vs "Satakunnan ..."). */
export function placesConflict(pa: readonly string[], pb: readonly string[]): [string, string] | null {
  const onlyA = pa.find((p) => !pb.includes(p));
  const onlyB = pb.find((p) => !pa.includes(p));
  return onlyA && onlyB ? [onlyA, onlyB] : null;
}
export const placesOf = (o: OrgName) => [...new Set(o.core.filter((t) => t.kind === 'place').map((t) => t.key))];

/**
 * Word-by-word comparison: order-free, with translations, inflections, typos and kinds of organisation.
 * The score is a weighted Jaccard index: matched weight (times quality) over all weight, where a word
 * found in only one name counts fully against the match (a sister company "Northvolt Ett" is not
 * "Northvolt"), generic words count a quarter, and a missing kind word ("kaupunki") little.
 */
function compareOrgTokens(fa: NameForm, fb: NameForm): NameMatch {
  const a = orgOf(fa);
  const b = orgOf(fb);
  const A = a.core;
  const B = b.core;
  if (!A.length || !B.length) return NO_MATCH;

  // Greedy alignment of the best pairs (names have few words; an assignment solver is not needed).
  const pairs: [number, number, number, Difference | null][] = [];
  for (let i = 0; i < A.length; i++) {
    for (let j = 0; j < B.length; j++) {
      const [q, diff] = tokenQuality(A[i], B[j]);
      if (q > 0) pairs.push([q, i, j, diff]);
    }
  }
  if (!pairs.length) return NO_MATCH;
  pairs.sort((x, y) => y[0] - x[0] || Math.abs(x[1] - x[2]) - Math.abs(y[1] - y[2]));
  const usedA = new Uint8Array(A.length);
  const usedB = new Uint8Array(B.length);
  const diffs = new Set<Difference>();
  const typos: string[] = [];
  const translations: string[] = [];
  const matched: [number, number][] = [];
  let hit = 0;
  let total = 0;
  for (const [q, i, j, diff] of pairs) {
    if (usedA[i] || usedB[j]) continue;
    usedA[i] = 1;
    usedB[j] = 1;
    matched.push([i, j]);
    const w = (A[i].weight + B[j].weight) / 2;
    hit += q * w;
    total += w;
    if (diff) diffs.add(diff);
    if (diff === 'typo1' || diff === 'typo2') typos.push(`'${A[i].fi}' ~ '${B[j].fi}'`);
    if (diff === 'translation') translations.push(`${A[i].fi} = ${B[j].fi}`);
  }
  matched.sort((x, y) => x[0] - y[0]);
  for (let k = 1; k < matched.length; k++) if (matched[k][1] < matched[k - 1][1]) diffs.add('order');
  A.forEach((t, i) => (total += usedA[i] ? 0 : t.weight));
  B.forEach((t, j) => (total += usedB[j] ? 0 : t.weight));

  // Kinds of organisation.
  const CA = a.concepts;
  const CB = b.concepts;
  const shared = CA.filter((c) => CB.includes(c));
  const onlyA = CA.filter((c) => !CB.includes(c));
  const onlyB = CB.filter((c) => !CA.includes(c));
  const relatedPairs = Math.min(onlyA.filter((x) => onlyB.some((y) => related.has(`${x}|${y}`))).length, onlyB.length);
  const conflict = conceptsConflict(CA, CB);
  const conceptTypo = a.conceptTypo || b.conceptTypo;
  hit += ORG_NAME_WEIGHTS.concept * (shared.length * (conceptTypo ? 0.9 : 1) + relatedPairs * 0.5);
  total += ORG_NAME_WEIGHTS.concept * (shared.length + relatedPairs);
  const unmatched = onlyA.length + onlyB.length - 2 * relatedPairs;
  total += unmatched * (CA.length && CB.length ? ORG_NAME_WEIGHTS.extraConcept : ORG_NAME_WEIGHTS.missingConcept);
  if (conceptTypo && shared.length) diffs.add('typo1');
  if (relatedPairs) diffs.add('related');
  const wa = a.conceptWords.join(' ');
  const wb = b.conceptWords.join(' ');
  if (shared.length && !conceptTypo && wa !== wb) {
    if (wa.slice(0, 4) !== wb.slice(0, 4)) {
      diffs.add('translation');
      translations.push(`${wa} = ${wb}`);
    } else diffs.add('inflection');
  }

  let score = hit / total;
  for (const d of diffs) score = Math.min(score, DIFFERENCE_CAP[d]);
  score = Math.min(score, 0.95);
  if (conflict) score = Math.min(score, ORG_NAME_WEIGHTS.conceptConflict);

  // Explanation.
  const names = `${quote(fa)} and ${quote(fb)}`;
  if (conflict) {
    return {
      score,
      reason: `different kinds of organisation: ${onlyA.map(conceptLabel).join(', ')} ('${wa}') vs ${onlyB.map(conceptLabel).join(', ')} ('${wb}')`,
    };
  }
  const unA = A.filter((_, i) => !usedA[i]).map((t) => t.fi);
  const unB = B.filter((_, j) => !usedB[j]).map((t) => t.fi);
  let reason: string;
  if (unA.length || unB.length) {
    const sharedWords = matched.map(([i]) => `'${A[i].fi}'`).join(', ');
    reason = `${names} share ${sharedWords} but differ in ${[...unA, ...unB].map((w) => `'${w}'`).join(', ')}`;
  } else if (relatedPairs) {
    reason = `${names} name related kinds of organisation ('${wa}' / '${wb}')`;
  } else if (unmatched) {
    const [withWord, without] = onlyA.length ? [fa, fb] : [fb, fa];
    reason = `${quote(without)} equals ${quote(withWord)} without the word '${onlyA.length ? wa : wb}'`;
  } else if (typos.length || conceptTypo) {
    const count = typos.length + (conceptTypo ? 1 : 0);
    const where = typos.length ? typos.join(', ') : `in '${a.conceptTypo ? wa : wb}'`;
    reason = `${names} differ by ${count === 1 && !diffs.has('typo2') ? 'one typo' : 'two typos'} (${where})`;
  } else if (diffs.has('translation')) {
    reason = `${quote(fa)} is a translation of ${quote(fb)} (${translations.join(', ')})`;
  } else if (diffs.has('inflection')) {
    reason = `${names} are inflected forms of the same name`;
  } else if (diffs.has('order')) {
    reason = `${names} have the same words in a different order`;
  } else if (diffs.has('diacritics')) {
    reason = `${names} differ only in diacritics (ä/ö/å)`;
  } else {
    reason = `${names} have the same words`;
  }
  return { score, reason };
}

/**
 * Score for a derived abbreviation of `len` letters ("OSAO" from "Oulun seudun ammattiopisto"). Derived
 * acronyms are guesses (SAMK fits Satakunnan and Seinäjoen ammattikorkeakoulu alike), so they stay modest;
 * an abbreviation listed as an alias matches as a name instead.
 */
const acronymScore = (len: number) => (len >= 4 ? 0.85 : len === 3 ? 0.8 : 0.6);

export function compareOrgForms(fa: NameForm, fb: NameForm, primary: boolean): NameMatch {
  const a = orgOf(fa);
  const b = orgOf(fb);
  if (!a.bare || !b.bare) return NO_MATCH;
  if (a.bare === b.bare) {
    if (sameText(fa.raw, fb.raw)) return { score: primary ? 1 : 0.99, reason: `${quote(fa)} equals ${quote(fb)}` };
    if (a.bareFi !== b.bareFi) return { score: 0.96, reason: `${quote(fa)} and ${quote(fb)} differ only in diacritics (ä/ö/å)` };
    const legal = [...new Set([...a.legalForms, ...b.legalForms])];
    const what = legal.length && a.legalForms.join() !== b.legalForms.join() ? `legal form (${legal.join(', ')})` : 'case and punctuation';
    return { score: 0.97, reason: `${quote(fa)} equals ${quote(fb)} apart from ${what}` };
  }
  if (a.compact === b.compact || a.compactAll === b.compactAll)
    return { score: 0.95, reason: `${quote(fa)} equals ${quote(fb)} apart from spacing` };
  if (a.bareLoose === b.bareLoose || a.bareLoose === b.bare || a.bare === b.bareLoose) {
    return { score: 0.9, reason: `${quote(fa)} and ${quote(fb)} differ by a typo in the legal form` };
  }

  let best = compareOrgTokens(fa, fb);
  const abbrev = (x: OrgName, y: OrgName, fx: NameForm, fy: NameForm) => {
    if (x.abbreviation && y.acronyms.includes(x.abbreviation) && acronymScore(x.abbreviation.length) > best.score) {
      best = { score: acronymScore(x.abbreviation.length), reason: `'${fx.raw}' could be an abbreviation of ${quote(fy)}` };
    }
  };
  abbrev(a, b, fa, fb);
  abbrev(b, a, fb, fa);
  // An abbreviation written inside the other name: "VTT" ~ "Teknologian tutkimuskeskus VTT Oy".
  const inside = (x: OrgName, y: OrgName, fx: NameForm, fy: NameForm) => {
    if (x.abbreviation && y.capitalWords.includes(x.abbreviation) && best.score < 0.85) {
      best = { score: 0.85, reason: `'${fx.raw}' is the abbreviation written in ${quote(fy)}` };
    }
  };
  inside(a, b, fa, fb);
  inside(b, a, fb, fa);
  // Typos the word comparison cannot see: across spacing or compounds ("Satakuntaliitt", "Prizz tehc"),
  // unless the names name different places or kinds of organisation ("Turun" / "Oulun" yliopisto).
  if (best.score < 0.86 && !placesConflict(placesOf(a), placesOf(b)) && !conceptsConflict(a.concepts, b.concepts)) {
    const len = Math.min(a.compactLoose.length, b.compactLoose.length);
    if (len >= 9) {
      const max = len >= 14 ? 2 : 1;
      const d = editDistance(a.compactLoose, b.compactLoose, max);
      if (d === 1) best = { score: 0.86, reason: `${quote(fa)} and ${quote(fb)} differ by one typo` };
      else if (d === 2 && max === 2 && best.score < 0.8) best = { score: 0.8, reason: `${quote(fa)} and ${quote(fb)} differ by two typos` };
    }
  }
  return best;
}
