/**
 * Entity resolution: how likely two records are the same organisation or person, and why.
 *
 * `scorePair(a, b)` combines independent evidence with a noisy-OR (1 - Π(1 - p)):
 *   - the best match between any name, alias, English or Swedish name of one and of the other
 *     (exact, normalised, translated, abbreviated, typo-tolerant; for people also reordered or initials);
 *   - the same website / e-mail domain (organisations) or the same e-mail address;
 * and then applies vetoes: a shared valid business id is decisive (score 1), two different valid business
 * ids mean two legal entities (score capped), different entity types never match.
 *
 * Score levels (before the domain / e-mail evidence): 1 identical name, 0.96-0.99 the same apart from
 * case, punctuation, diacritics or legal form, 0.94-0.95 spacing / word order / translation / inflection,
 * 0.9 one typo or a long acronym, ~0.85 a missing "kaupunki"-type word or an initial, 0.8 two typos,
 * below 0.75 partial overlaps, and at most 0.4 for names of different kinds of organisation.
 */
import {
  analyseOrgName,
  analysePersonName,
  emailDomain,
  isSharedDomain,
  normaliseBusinessId,
  registrableDomain,
  type BusinessId,
  type CoreToken,
  type OrgName,
  type PersonName,
  type PersonToken,
} from './normalise';
import { CONCEPTS, RELATED_CONCEPTS } from './lexicon';
import { editDistance } from './similarity';

/** The fields of a node the matcher reads; any node type, any subset of fields. */
export interface EntityRecord {
  id: string;
  type?: string;
  name: string;
  aliases?: readonly string[];
  nameEn?: string;
  nameSv?: string;
  businessId?: string;
  website?: string;
  email?: string;
}

export interface MatchResult {
  /** 0..1; ~0.8 and above: probably the same entity (see bench/resolution-quality.ts for the threshold). */
  score: number;
  /** Plain-language English reasons, strongest first. */
  reasons: string[];
}

type FormLabel = 'name' | 'alias' | 'English name' | 'Swedish name';

export interface NameForm {
  label: FormLabel;
  raw: string;
  org?: OrgName;
  person?: PersonName;
}

export interface PreparedRecord {
  record: EntityRecord;
  forms: NameForm[];
  businessId?: BusinessId;
  /** Registrable domain of the website (or of an organisation's e-mail), unless a shared host. */
  domain?: string;
  email?: string;
}

/**
 * The score from which two records are reported as probably the same entity. Chosen on the development
 * split of the labelled set (bench/resolution-quality.ts); type-ahead may show lower-scored candidates.
 */
export const MATCH_THRESHOLD = 0.8;

/** Evidence weights for the noisy-OR; tuned on the development split of test/fixtures/resolution-set.ts. */
export const WEIGHTS = {
  /** Sub-units and group companies often share a domain (oulu.fi/chydenius), so a domain alone is weak. */
  sameDomain: 0.35,
  samePersonEmail: 0.9,
  sameOrgEmail: 0.5,
  /** Score ceiling when both records carry different valid business ids. */
  differentBusinessIds: 0.2,
  /** Score ceiling for names of different kinds of organisation (yliopisto vs ammattiopisto). */
  conceptConflict: 0.4,
  /** Weight of a kind-of-organisation word next to a distinctive word (1). */
  concept: 0.35,
  /** ... when the other name has no such word at all ("Kokkola" vs "Kokkolan kaupunki"). */
  missingConcept: 0.45,
  /** ... when the other name has another one as well (a sub-unit: "yliopiston tutkimuskeskus"). */
  extraConcept: 1,
};

const MAX_FORMS = 12;

// ---------------------------------------------------------------------------------------------------
// Preparing records
// ---------------------------------------------------------------------------------------------------

const isPersonType = (type: string | undefined) => type === 'Person';

function addForm(forms: NameForm[], seen: Set<string>, label: FormLabel, raw: string | undefined) {
  if (!raw || !raw.trim() || forms.length >= MAX_FORMS) return;
  // "Oulun seudun ammattiopisto (OSAO)": the name and the bracketed abbreviation are two forms.
  const bracket = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(raw.trim());
  const parts: [FormLabel, string][] = bracket ? [[label, bracket[1]], ['alias', bracket[2]]] : [[label, raw.trim()]];
  for (const [l, text] of parts) {
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    forms.push({ label: l, raw: text });
  }
}

const prepared = new WeakMap<EntityRecord, PreparedRecord>();

/** Normalises a record once (cached per record object): names, business id, domain. */
export function prepare(record: EntityRecord): PreparedRecord {
  const cached = prepared.get(record);
  if (cached) return cached;
  const forms: NameForm[] = [];
  const seen = new Set<string>();
  addForm(forms, seen, 'name', record.name);
  addForm(forms, seen, 'English name', record.nameEn);
  addForm(forms, seen, 'Swedish name', record.nameSv);
  for (const alias of record.aliases ?? []) addForm(forms, seen, 'alias', alias);
  const email = record.email?.trim().toLowerCase() || undefined;
  let domain = registrableDomain(record.website) ?? (isPersonType(record.type) ? undefined : emailDomain(email));
  if (domain && isSharedDomain(domain)) domain = undefined;
  const result: PreparedRecord = { record, forms, businessId: normaliseBusinessId(record.businessId), domain, email };
  prepared.set(record, result);
  return result;
}

const orgOf = (f: NameForm) => (f.org ??= analyseOrgName(f.raw));
/** The organisation-name analysis of a form, computed once. */
export const orgNameOf = orgOf;
const personOf = (f: NameForm) => (f.person ??= analysePersonName(f.raw));
const quote = (f: NameForm) => `${f.label} '${f.raw}'`;
const sameText = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');

interface NameMatch {
  score: number;
  reason: string;
}
const NO_MATCH: NameMatch = { score: 0, reason: '' };

// ---------------------------------------------------------------------------------------------------
// Organisation (and other non-person) names
// ---------------------------------------------------------------------------------------------------

type Difference = 'order' | 'inflection' | 'translation' | 'diacritics' | 'typo1' | 'typo2';

/** Quality (0..1) of two distinctive words meaning the same, and how they differ. */
function tokenQuality(a: CoreToken, b: CoreToken): [number, Difference | null] {
  if (a.key === b.key) {
    if (a.surface === b.surface) return a.fi === b.fi ? [1, null] : [0.97, 'diacritics'];
    if (a.translated || b.translated) return [0.95, 'translation'];
    return [0.96, 'inflection'];
  }
  // Two different known places are different, however close ("Vaasa" is not "Vasa"... unless listed).
  if (a.kind === 'place' && b.kind === 'place') return [0, null];
  const sa = a.surface;
  const sb = b.surface;
  // Genitive: "sitran" ~ "sitra", Swedish "-s".
  if ((sa.length === sb.length + 1 && sa.startsWith(sb)) || (sb.length === sa.length + 1 && sb.startsWith(sa))) {
    const last = (sa.length > sb.length ? sa : sb).slice(-1);
    if ((last === 'n' || last === 's') && Math.min(sa.length, sb.length) >= 4) return [0.96, 'inflection'];
  }
  const len = Math.min(sa.length, sb.length);
  if (len < 5) return [0, null];
  let d = editDistance(sa, sb, 2);
  if (a.kind === 'place' || b.kind === 'place') d = Math.min(d, editDistance(a.key, b.key, 2));
  if (d === 1) return [len >= 8 ? 0.9 : 0.86, 'typo1'];
  if (d === 2 && len >= 9) return [0.8, 'typo2'];
  return [0, null];
}

const related = new Set(RELATED_CONCEPTS.flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]));
const conceptLabel = (c: string) => CONCEPTS[c]?.label ?? c.toLowerCase();

/** Ceiling of the score for each kind of difference: a rewritten name is never "identical". */
const DIFFERENCE_CAP: Record<Difference, number> = {
  order: 0.95,
  diacritics: 0.95,
  inflection: 0.94,
  translation: 0.94,
  typo1: 0.9,
  typo2: 0.8,
};

/** Word-by-word comparison: order-free, with translations, inflections, typos and kinds of organisation. */
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
  pairs.sort((x, y) => y[0] - x[0] || Math.abs(x[1] - x[2]) - Math.abs(y[1] - y[2]));
  const usedA = new Uint8Array(A.length);
  const usedB = new Uint8Array(B.length);
  const diffs = new Set<Difference>();
  const typos: string[] = [];
  const translations: string[] = [];
  let num = 0;
  let lastJ = -1;
  let ordered = true;
  const matched: [number, number][] = [];
  for (const [q, i, j, diff] of pairs) {
    if (usedA[i] || usedB[j]) continue;
    usedA[i] = 1;
    usedB[j] = 1;
    matched.push([i, j]);
    num += q * (A[i].weight + B[j].weight);
    if (diff) diffs.add(diff);
    if (diff === 'typo1' || diff === 'typo2') typos.push(`'${A[i].fi}' ~ '${B[j].fi}'`);
    if (diff === 'translation') translations.push(`${A[i].fi} = ${B[j].fi}`);
  }
  matched.sort((x, y) => x[0] - y[0]);
  for (const [, j] of matched) {
    if (j < lastJ) ordered = false;
    lastJ = j;
  }
  if (!ordered) diffs.add('order');
  if (!matched.length) return NO_MATCH;
  let den = A.reduce((s, t) => s + t.weight, 0) + B.reduce((s, t) => s + t.weight, 0);

  // Kinds of organisation.
  const CA = a.concepts;
  const CB = b.concepts;
  const shared = CA.filter((c) => CB.includes(c));
  const onlyA = CA.filter((c) => !CB.includes(c));
  const onlyB = CB.filter((c) => !CA.includes(c));
  const relatedPairs = onlyA.filter((x) => onlyB.some((y) => related.has(`${x}|${y}`))).length;
  const conflict = CA.length > 0 && CB.length > 0 && shared.length === 0 && relatedPairs === 0;
  const conceptQ = a.conceptTypo || b.conceptTypo ? 0.9 : 1;
  if (a.conceptTypo || b.conceptTypo) diffs.add('typo1');
  num += 2 * WEIGHTS.concept * (shared.length * conceptQ + relatedPairs * 0.7);
  den += 2 * WEIGHTS.concept * (shared.length + relatedPairs);
  const unmatchedWeight = CA.length && CB.length ? WEIGHTS.extraConcept : WEIGHTS.missingConcept;
  den += unmatchedWeight * (onlyA.length + onlyB.length - 2 * relatedPairs);
  if (shared.length && a.conceptWords.join(' ') !== b.conceptWords.join(' ')) {
    const wa = a.conceptWords.join(' ');
    const wb = b.conceptWords.join(' ');
    if (!a.conceptTypo && !b.conceptTypo && wa.slice(0, 4) !== wb.slice(0, 4)) {
      diffs.add('translation');
      translations.push(`${wa} = ${wb}`);
    } else if (!a.conceptTypo && !b.conceptTypo) diffs.add('inflection');
  }

  let score = num / den;
  for (const d of diffs) score = Math.min(score, DIFFERENCE_CAP[d]);
  score = Math.min(score, 0.95);
  if (conflict) score = Math.min(score, WEIGHTS.conceptConflict);

  // Explanation.
  const names = `${quote(fa)} and ${quote(fb)}`;
  if (conflict) {
    return {
      score,
      reason: `different kinds of organisation: ${onlyA.map(conceptLabel).join(', ')} ('${a.conceptWords.join(' ')}') vs ${onlyB
        .map(conceptLabel)
        .join(', ')} ('${b.conceptWords.join(' ')}')`,
    };
  }
  const unA = A.filter((_, i) => !usedA[i]).map((t) => t.fi);
  const unB = B.filter((_, j) => !usedB[j]).map((t) => t.fi);
  const parts: string[] = [];
  if (unA.length || unB.length) {
    const sharedWords = matched.map(([i]) => A[i].fi);
    parts.push(`${names} share ${sharedWords.map((w) => `'${w}'`).join(', ')} but differ in ${[...unA, ...unB].map((w) => `'${w}'`).join(', ')}`);
  } else if (onlyA.length + onlyB.length > 2 * relatedPairs) {
    const [withWord, without] = onlyA.length ? [fa, fb] : [fb, fa];
    const word = (onlyA.length ? a : b).conceptWords.join(' ');
    return { score, reason: `${quote(without)} equals ${quote(withWord)} without the word '${word}'` };
  } else if (typos.length) {
    parts.push(`${names} differ by ${typos.length === 1 && !diffs.has('typo2') ? 'one typo' : 'two typos'} (${typos.join(', ') || 'in the kind of organisation'})`);
  } else if (!typos.length && (a.conceptTypo || b.conceptTypo)) {
    parts.push(`${names} differ by one typo (in '${(a.conceptTypo ? a : b).conceptWords.join(' ')}')`);
  } else if (diffs.has('translation')) {
    parts.push(`${quote(fa)} is a translation of ${quote(fb)} (${translations.join(', ')})`);
  } else if (diffs.has('inflection')) {
    parts.push(`${names} are inflected forms of the same name`);
  } else if (diffs.has('order')) {
    parts.push(`${names} have the same words in a different order`);
  } else if (diffs.has('diacritics')) {
    parts.push(`${names} differ only in diacritics (ä/ö/å)`);
  } else {
    parts.push(`${names} have the same words`);
  }
  return { score, reason: parts.join('; ') };
}

/** Score for an abbreviation of `len` letters: two letters are too ambiguous to be strong evidence. */
const acronymScore = (len: number) => (len >= 4 ? 0.9 : len === 3 ? 0.85 : 0.7);

function compareOrgForms(fa: NameForm, fb: NameForm, primary: boolean): NameMatch {
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
  if (a.compact === b.compact) return { score: 0.95, reason: `${quote(fa)} equals ${quote(fb)} apart from spacing` };

  let best = compareOrgTokens(fa, fb);
  const abbrev = (x: OrgName, y: OrgName, fx: NameForm, fy: NameForm) => {
    if (x.abbreviation && y.acronyms.includes(x.abbreviation) && acronymScore(x.abbreviation.length) > best.score) {
      best = { score: acronymScore(x.abbreviation.length), reason: `'${fx.raw}' is an abbreviation of ${quote(fy)}` };
    }
  };
  abbrev(a, b, fa, fb);
  abbrev(b, a, fb, fa);
  // One typo across a spacing change ("Prizz tehc" ~ "Prizztech"): the word comparison cannot see it.
  if (best.score < 0.86 && a.compact.length >= 10 && b.compact.length >= 10 && a.bare.split(' ').length !== b.bare.split(' ').length) {
    if (editDistance(a.compact, b.compact, 1) <= 1) best = { score: 0.86, reason: `${quote(fa)} and ${quote(fb)} differ by one typo and spacing` };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------
// People's names
// ---------------------------------------------------------------------------------------------------

function personTokenQuality(a: PersonToken, b: PersonToken): [number, string | null] {
  if (a.f === b.f) return a.fi === b.fi ? [1, null] : [0.97, 'diacritics'];
  if (a.initial !== b.initial) return a.f[0] === b.f[0] ? [0.85, 'initial'] : [0, null];
  if (a.initial) return [0, null];
  const len = Math.min(a.f.length, b.f.length);
  if (len < 5) return [0, null];
  const d = editDistance(a.f, b.f, 2);
  if (d === 1) return [0.88, 'typo'];
  if (d === 2 && len >= 8) return [0.75, 'typo'];
  return [0, null];
}

function comparePersonForms(fa: NameForm, fb: NameForm, primary: boolean): NameMatch {
  const a = personOf(fa);
  const b = personOf(fb);
  const A = a.tokens;
  const B = b.tokens;
  if (!A.length || !B.length) return NO_MATCH;
  const names = `${quote(fa)} and ${quote(fb)}`;
  const joinedA = A.map((t) => t.f).join(' ');
  const joinedB = B.map((t) => t.f).join(' ');
  if (joinedA === joinedB) {
    if (sameText(fa.raw, fb.raw)) return { score: primary ? 1 : 0.99, reason: `${quote(fa)} equals ${quote(fb)}` };
    if (A.map((t) => t.fi).join(' ') !== B.map((t) => t.fi).join(' ')) return { score: 0.96, reason: `${names} differ only in diacritics (ä/ö/å)` };
    if (a.commaReordered !== b.commaReordered) return { score: 0.97, reason: `${names} are the same name, one written surname first` };
    return { score: 0.97, reason: `${quote(fa)} equals ${quote(fb)} apart from case and punctuation` };
  }

  const pairs: [number, number, number, string | null][] = [];
  for (let i = 0; i < A.length; i++) {
    for (let j = 0; j < B.length; j++) {
      const [q, how] = personTokenQuality(A[i], B[j]);
      if (q > 0) pairs.push([q, i, j, how]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0] || Math.abs(x[1] - x[2]) - Math.abs(y[1] - y[2]));
  const usedA = new Int32Array(A.length).fill(-1);
  const usedB = new Int32Array(B.length).fill(-1);
  let minQ = 1;
  const notes: string[] = [];
  let crossed = false;
  for (const [q, i, j, how] of pairs) {
    if (usedA[i] >= 0 || usedB[j] >= 0) continue;
    usedA[i] = j;
    usedB[j] = i;
    minQ = Math.min(minQ, q);
    if (how === 'initial') notes.push(`initial '${(A[i].initial ? A[i] : B[j]).f.toUpperCase()}.' fits '${(A[i].initial ? B[j] : A[i]).fi}'`);
    if (how === 'typo') notes.push(`'${A[i].fi}' ~ '${B[j].fi}' (typo)`);
    if (how === 'diacritics') notes.push(`'${A[i].fi}' ~ '${B[j].fi}' (diacritics)`);
  }
  for (let i = 1, last = -1; i <= A.length; i++) {
    const j = usedA[i - 1];
    if (j < 0) continue;
    if (j < last) crossed = true;
    last = j;
  }
  const matchedA = A.filter((_, i) => usedA[i] >= 0).length;
  const [shortT, longT, shortUsed] = A.length <= B.length ? [A, B, usedA] : [B, A, usedB];
  const allShortMatched = shortT.every((_, i) => shortUsed[i] >= 0);
  const surnameA = A.length - 1;
  const surnameB = B.length - 1;

  if (!allShortMatched || matchedA === 0) {
    // Partial: same surname or same first name only. Decide by the natural surname positions.
    const surnameShared = usedA[surnameA] === surnameB && !A[surnameA].initial;
    const firstShared = usedA[0] === 0 && !A[0].initial;
    if (surnameShared) return { score: 0.35, reason: `${names} share the surname '${A[surnameA].fi}' but not the given name` };
    if (firstShared && A.length > 1 && B.length > 1) return { score: 0.25, reason: `${names} share the given name '${A[0].fi}' but not the surname` };
    return matchedA ? { score: 0.2, reason: `${names} share only part of the name` } : NO_MATCH;
  }
  if (shortT.length === 1) {
    return { score: 0.55 * minQ, reason: `${names} share only one name ('${shortT[0].fi}')` };
  }
  let score = Math.min(0.95, minQ);
  const extra = longT.filter((_, i) => (longT === A ? usedA : usedB)[i] < 0).map((t) => t.fi);
  if (extra.length) {
    score *= 0.92;
    notes.push(`one name has the extra part${extra.length > 1 ? 's' : ''} ${extra.map((w) => `'${w}'`).join(', ')}`);
  }
  if (crossed) notes.unshift(a.commaReordered || b.commaReordered ? 'surname written first' : 'same names in a different order');
  return { score, reason: `${names} fit each other${notes.length ? `: ${notes.join(', ')}` : ''}` };
}

// ---------------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------------

function bestNameMatch(a: PreparedRecord, b: PreparedRecord, person: boolean): NameMatch {
  let best = NO_MATCH;
  for (const fa of a.forms) {
    for (const fb of b.forms) {
      const primary = fa === a.forms[0] && fb === b.forms[0];
      const m = person ? comparePersonForms(fa, fb, primary) : compareOrgForms(fa, fb, primary);
      if (m.score > best.score) best = m;
      if (best.score >= 1) return best;
    }
  }
  return best;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Scores two prepared records (see `scorePair`). */
export function scorePrepared(a: PreparedRecord, b: PreparedRecord): MatchResult {
  const ta = a.record.type;
  const tb = b.record.type;
  if (ta && tb && ta !== tb) return { score: 0, reasons: [`different entity types (${ta} and ${tb})`] };
  const person = isPersonType(ta ?? tb);
  const reasons: string[] = [];
  const name = bestNameMatch(a, b, person);

  const ba = a.businessId;
  const bb = b.businessId;
  let ceiling = 1;
  let evidence = 0;
  if (ba && bb) {
    if (ba.id === bb.id && ba.valid) return { score: 1, reasons: [`same business id ${ba.id}`, ...(name.reason ? [name.reason] : [])] };
    if (ba.id === bb.id) {
      evidence = 0.9;
      reasons.push(`same business id ${ba.id}, though it fails the Y-tunnus checksum`);
    } else if (ba.valid && bb.valid) {
      ceiling = WEIGHTS.differentBusinessIds;
      reasons.push(`different business ids ${ba.id} and ${bb.id}: separate legal entities`);
    } else {
      for (const x of [ba, bb]) if (!x.valid) reasons.push(`business id ${x.id} fails the Y-tunnus checksum and was ignored`);
    }
  }

  const noisyOr = [name.score, evidence];
  if (name.reason) reasons.unshift(name.reason);
  if (!person && a.domain && a.domain === b.domain) {
    noisyOr.push(WEIGHTS.sameDomain);
    reasons.push(`same website domain ${a.domain}`);
  }
  if (a.email && a.email === b.email) {
    noisyOr.push(person ? WEIGHTS.samePersonEmail : WEIGHTS.sameOrgEmail);
    reasons.push(`same e-mail address ${a.email}`);
  }
  const score = Math.min(ceiling, 1 - noisyOr.reduce((p, x) => p * (1 - x), 1));
  if (ceiling < 1) reasons.unshift(...reasons.splice(reasons.findIndex((r) => r.startsWith('different business ids')), 1));
  return { score: round(score), reasons: reasons.length ? reasons : ['no similarity in names or identifiers'] };
}

/**
 * How likely `a` and `b` are the same entity (0..1), with the reasons in plain English.
 * Records of different types never match; a record without a type takes the other's.
 */
export function scorePair(a: EntityRecord, b: EntityRecord): MatchResult {
  return scorePrepared(prepare(a), prepare(b));
}
