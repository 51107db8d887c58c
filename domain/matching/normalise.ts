/**
 * Name, business-id and website normalisation for entity resolution (Finnish / Swedish / English).
 *
 * Two foldings: `foldDiacritics` maps ä->a, ö->o, å->a (so "Makitalo" meets "Mäkitalo", as typed on an
 * English keyboard or exported by an old system); `foldFinnish` keeps ä, ö and å, which are separate
 * letters in Finnish and Swedish. The matcher compares folded forms and uses the Finnish form only to
 * say "differ only in diacritics" and score such pairs a little lower than exact ones.
 */
import {
  ACRONYM_PARTS,
  CONCEPT_HEADS,
  CONCEPTS,
  DIRECTIONS,
  GENERIC_WORDS,
  GIVEN_NAMES,
  HONORIFICS,
  LEGAL_FORMS,
  PLACES,
  SHARED_MAIL_DOMAINS,
  SHARED_WEB_HOSTS,
  STOPWORDS,
  TWO_LABEL_SUFFIXES,
  WORD_ABBREVIATIONS,
} from './lexicon';
import { editDistance } from './similarity';

// ---------------------------------------------------------------------------------------------------
// Folding and words
// ---------------------------------------------------------------------------------------------------

const SPECIAL_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };
const ASCII = /^[\x20-\x7e]*$/;

/** Lower case without diacritics: "Uleåborgs Universitet" -> "uleaborgs universitet". */
export function foldDiacritics(s: string): string {
  const lower = s.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæøœđðłþı]/g, (c) => SPECIAL_LETTERS[c]);
}

/** Lower case without diacritics except the Nordic letters ä, ö, å: "Mäkitalo" stays "mäkitalo". */
export function foldFinnish(s: string): string {
  const lower = s.toLowerCase().normalize('NFC');
  if (ASCII.test(lower)) return lower;
  return lower.replace(/[^äöå]+/g, foldDiacritics);
}

/**
 * The words of a name in original letters (lower case, NFC). Punctuation and hyphens separate words;
 * dotted abbreviations are joined ("r.y." -> "ry", "O.S.A.O." -> "osao"); Finnish case endings written
 * after a colon stay with their abbreviation ("EAKR:n" -> "eakr"); apostrophes join ("O'Brien").
 */
export function nameWords(raw: string): string[] {
  const s = raw
    .normalize('NFC')
    .replace(/([\p{L}\d]):\p{Ll}{1,4}(?=$|[^\p{L}])/gu, '$1')
    .replace(/(?<!\p{L})(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ''))
    .replace(/['’`´]/g, '')
    .toLowerCase();
  return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The words of a name, folded: the form every comparison starts from. */
export const foldedWords = (raw: string): string[] => nameWords(raw).map(foldDiacritics);

/** Names as the user wrote them, in one canonical spacing: "  Oulun   yliopisto " -> "oulun yliopisto". */
export const normaliseName = (raw: string): string => foldedWords(raw).join(' ');

// ---------------------------------------------------------------------------------------------------
// Legal forms
// ---------------------------------------------------------------------------------------------------

const LEGAL = LEGAL_FORMS.map(foldedWords).sort((a, b) => b.length - a.length);

function matchesAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at < 0 || at + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) if (tokens[at + k] !== phrase[k]) return false;
  return true;
}

/**
 * Removes legal forms at the start and end of a name ("Oy Karl Fazer Ab" -> "karl fazer"); never the
 * last remaining word. Returns the index range kept and the forms removed.
 */
export function legalFormSpan(tokens: readonly string[]): { start: number; end: number; removed: string[] } {
  let start = 0;
  let end = tokens.length;
  const removed: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const form of LEGAL) {
      if (end - start > form.length && matchesAt(tokens, end - form.length, form)) {
        removed.push(form.join(' '));
        end -= form.length;
        changed = true;
        break;
      }
      if (end - start > form.length && matchesAt(tokens, start, form)) {
        removed.push(form.join(' '));
        start += form.length;
        changed = true;
        break;
      }
    }
  }
  return { start, end, removed };
}

/**
 * A short last word one edit from a short legal form ("Prizztech OOy", "Posintra O", "Digipolis y"):
 * probably a typo in the legal form. Not removed from the name (it may be a word: "Kemi Lab"); the
 * matcher compares the name without it as a weaker fallback.
 */
const SHORT_LEGAL = ['oy', 'oyj', 'ab', 'abp', 'ltd', 'ky', 'ry', 'inc', 'plc'];
function looksLikeLegalTypo(word: string): boolean {
  return word.length <= 3 && SHORT_LEGAL.some((f) => editDistance(word, f, 1) <= 1 && (word.length > 1 || f.includes(word)));
}

// ---------------------------------------------------------------------------------------------------
// Lexicon lookups (built once)
// ---------------------------------------------------------------------------------------------------

interface Phrase {
  tokens: string[];
  concept?: string;
  /** Canonical words of a place or compass word. */
  place?: string[];
  /** The phrase is another language's name for the place (not the Finnish form or its genitive). */
  translated?: boolean;
}

const phrasesByFirst = new Map<string, Phrase[]>();
function addPhrase(p: Phrase) {
  if (!p.tokens.length) return;
  const list = phrasesByFirst.get(p.tokens[0]) ?? [];
  if (!list.some((q) => q.tokens.join(' ') === p.tokens.join(' '))) list.push(p);
  list.sort((a, b) => b.tokens.length - a.tokens.length);
  phrasesByFirst.set(p.tokens[0], list);
}
for (const [concept, { words }] of Object.entries(CONCEPTS)) for (const w of words) addPhrase({ tokens: foldedWords(w), concept });
for (const [canonical, ...variants] of [...PLACES, ...DIRECTIONS]) {
  const place = foldedWords(canonical);
  addPhrase({ tokens: place, place });
  for (const v of variants) {
    const tokens = foldedWords(v);
    const genitive = v.endsWith('n') && v.slice(0, 3) === canonical.slice(0, 3);
    addPhrase({ tokens, place, translated: !genitive });
  }
}

const STOP = new Set(STOPWORDS.map(foldDiacritics));
const GENERIC = new Set(GENERIC_WORDS.map(foldDiacritics));
const HEADS = CONCEPT_HEADS.map(foldDiacritics).sort((a, b) => b.length - a.length);
const SINGLE_CONCEPT_WORDS = [...phrasesByFirst.values()]
  .flat()
  .filter((p) => p.concept && p.tokens.length === 1 && p.tokens[0].length >= 5);

/** A one-word phrase, also in a genitive form: Finnish "-n" ("Oulun", "yliopiston"), Swedish "-s" ("Uleåborgs"). */
function singlePhrase(tok: string): { phrase: Phrase; inflected: boolean } | undefined {
  const direct = phrasesByFirst.get(tok)?.find((p) => p.tokens.length === 1);
  if (direct) return { phrase: direct, inflected: false };
  if (tok.length >= 4 && (tok.endsWith('n') || tok.endsWith('s'))) {
    const base = phrasesByFirst.get(tok.slice(0, -1))?.find((p) => p.tokens.length === 1);
    if (base) return { phrase: base, inflected: true };
  }
  return undefined;
}

const COMPOUND_CONCEPT_WORDS = new Set(
  SINGLE_CONCEPT_WORDS.map((p) => p.tokens[0]).filter((w) => HEADS.some((h) => h !== w && w.endsWith(h) && w.length - h.length >= 3)),
);
const fuzzyConceptCache = new Map<string, string | null>();
/**
 * A word a typo or two away from a concept word ("yliopsito", "liirto", "kaupnyki"): one edit for words
 * of five letters or more (five-letter words must keep their first letter), two edits from twelve
 * letters. `strict` allows only one edit (used before compound splitting, which must win for
 * "satakuntaliitto" over "maakuntaliitto").
 */
function fuzzyConcept(tok: string, strict = false): string | undefined {
  if (tok.length < 5) return undefined;
  const cacheKey = strict ? `!${tok}` : tok;
  let hit = fuzzyConceptCache.get(cacheKey);
  if (hit === undefined) {
    hit = null;
    for (const p of SINGLE_CONCEPT_WORDS) {
      const w = p.tokens[0];
      if (Math.abs(w.length - tok.length) > 2) continue;
      const max = !strict && Math.min(w.length, tok.length) >= 12 ? 2 : 1;
      if (w.length <= 5 && w[0] !== tok[0]) continue;
      // A compound concept word ("maakunta|liitto") must keep its first part: "Saakuntaliitto" is a
      // mistyped "Satakuntaliitto", not a regional council without a name.
      if (COMPOUND_CONCEPT_WORDS.has(w) && w.slice(0, 3) !== tok.slice(0, 3)) continue;
      if (editDistance(tok, w, max) <= max) {
        hit = p.concept!;
        break;
      }
    }
    if (fuzzyConceptCache.size > 100_000) fuzzyConceptCache.clear();
    fuzzyConceptCache.set(cacheKey, hit);
  }
  return hit ?? undefined;
}

// ---------------------------------------------------------------------------------------------------
// Organisation names
// ---------------------------------------------------------------------------------------------------

/** A distinctive word of a name after normalisation. */
export interface CoreToken {
  /** What equality is decided on: the canonical place ("uleåborg" -> "oulu") or the folded word. */
  key: string;
  /** The folded word as written (for a place: the phrase as written, joined). */
  surface: string;
  /** The word as written with ä/ö/å kept. */
  fi: string;
  kind: 'word' | 'place' | 'generic';
  /** Generic words ("seutu", "palvelut", "group") count less than distinctive ones. */
  weight: number;
  /** The surface is another language's name for `key`. */
  translated: boolean;
  /** The surface is an inflected (genitive) form of `key`. */
  inflected: boolean;
}

export interface OrgName {
  raw: string;
  /** Folded words without legal forms, space-joined: "Prizztech Oy" -> "prizztech". */
  bare: string;
  /** `bare` with ä/ö/å kept. */
  bareFi: string;
  /** `bare` without spaces: "Satakunta liitto" and "Satakuntaliitto" meet here. */
  compact: string;
  /** All folded words, legal forms included, without spaces ("Northvolt EttAB" ~ "Northvolt Ett AB"). */
  compactAll: string;
  /** `bare` without a last word that looks like a mistyped legal form ("prizztech ooy" -> "prizztech"). */
  bareLoose: string;
  compactLoose: string;
  legalForms: string[];
  core: CoreToken[];
  /** Kinds of organisation named (sorted, unique): "Oulun yliopisto" -> ["UNIVERSITY"]. */
  concepts: string[];
  /** The words that named the concepts, for explanations. */
  conceptWords: string[];
  /** A concept word was recognised only with a typo. */
  conceptTypo: boolean;
  /** Acronyms the name could be abbreviated to ("Oulun seudun ammattiopisto" -> "osa", "osao"). */
  acronyms: string[];
  /** Folded words written in capitals in a longer name ("Teknologian tutkimuskeskus VTT" -> ["vtt"]). */
  capitalWords: string[];
  /** The name itself, when it could be an abbreviation (one short word): "OSAO" -> "osao". */
  abbreviation?: string;
}

export const GENERIC_WEIGHT = 0.25;

function coreWord(surface: string, fi: string): CoreToken {
  const generic = GENERIC.has(surface);
  return {
    key: surface,
    surface,
    fi,
    kind: generic ? 'generic' : 'word',
    weight: generic ? GENERIC_WEIGHT : 1,
    translated: false,
    inflected: false,
  };
}

function placeToken(phrase: Phrase, surface: string, fi: string, inflected: boolean): CoreToken[] {
  // A multi-word place ("Varsinais-Suomi") becomes one token per canonical word, each with the surface.
  return phrase.place!.map((key) => ({
    key,
    surface: phrase.place!.length === 1 ? surface : key,
    fi: phrase.place!.length === 1 ? fi : key,
    kind: 'place' as const,
    weight: 1,
    translated: !!phrase.translated,
    inflected: inflected || (!phrase.translated && surface !== phrase.place!.join(' ')),
  }));
}

/** Analyses an organisation (or project, place, theme...) name for matching. */
export function analyseOrgName(raw: string): OrgName {
  const words = nameWords(raw);
  const folded = words.map(foldDiacritics);
  const fi = words.map(foldFinnish);
  const { start, end, removed } = legalFormSpan(folded);
  const toks = folded.slice(start, end);
  const toksFi = fi.slice(start, end);

  const core: CoreToken[] = [];
  const concepts = new Set<string>();
  const conceptWords: string[] = [];
  let conceptTypo = false;
  for (let i = 0; i < toks.length;) {
    const tok = toks[i];
    const phrase = phrasesByFirst.get(tok)?.find((p) => p.tokens.length > 1 && matchesAt(toks, i, p.tokens));
    if (phrase) {
      const n = phrase.tokens.length;
      if (phrase.concept) {
        concepts.add(phrase.concept);
        conceptWords.push(toksFi.slice(i, i + n).join(' '));
      } else core.push(...placeToken(phrase, toks.slice(i, i + n).join(' '), toksFi.slice(i, i + n).join(' '), false));
      i += n;
      continue;
    }
    i++;
    if (STOP.has(tok)) continue;
    const single = singlePhrase(tok);
    if (single?.phrase.concept) {
      concepts.add(single.phrase.concept);
      conceptWords.push(toksFi[i - 1]);
      continue;
    }
    if (single?.phrase.place) {
      core.push(...placeToken(single.phrase, tok, toksFi[i - 1], single.inflected));
      continue;
    }
    const nearConcept = tok.length >= 8 ? fuzzyConcept(tok, true) : undefined;
    if (nearConcept) {
      concepts.add(nearConcept);
      conceptWords.push(toksFi[i - 1]);
      conceptTypo = true;
      continue;
    }
    // "Satakuntaliitto" = "Satakunta" + "liitto"
    const head = HEADS.find((h) => tok.endsWith(h) && tok.length - h.length >= 4);
    if (head) {
      const rest = tok.slice(0, -head.length);
      const restFi = toksFi[i - 1].slice(0, rest.length);
      const restPlace = singlePhrase(rest);
      if (restPlace?.phrase.place) core.push(...placeToken(restPlace.phrase, rest, restFi, restPlace.inflected));
      else core.push(coreWord(rest, restFi));
      concepts.add(singlePhrase(head)!.phrase.concept!);
      conceptWords.push(toksFi[i - 1].slice(rest.length));
      continue;
    }
    const typoConcept = fuzzyConcept(tok);
    if (typoConcept) {
      concepts.add(typoConcept);
      conceptWords.push(toksFi[i - 1]);
      conceptTypo = true;
      continue;
    }
    core.push(coreWord(tok, toksFi[i - 1]));
  }

  const bare = toks.join(' ');
  const content = toks.filter((t) => !STOP.has(t));
  const loose = !removed.length && toks.length >= 2 && looksLikeLegalTypo(toks[toks.length - 1]) ? toks.slice(0, -1) : toks;
  return {
    raw,
    bare,
    bareFi: toksFi.join(' '),
    compact: toks.join(''),
    compactAll: folded.join(''),
    bareLoose: loose.join(' '),
    compactLoose: loose.join(''),
    legalForms: removed,
    core,
    concepts: [...concepts].sort(),
    conceptWords,
    conceptTypo,
    acronyms: acronymsOf(content),
    capitalWords: content.length > 1 ? capitalWordsOf(raw) : [],
    abbreviation: content.length === 1 && content[0].length >= 2 && content[0].length <= 8 ? content[0] : undefined,
  };
}

/** Words of two to six capital letters (digits allowed) in a name, folded. */
function capitalWordsOf(raw: string): string[] {
  return (raw.match(/(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{N}]{1,5}(?![\p{L}\p{N}])/gu) ?? []).map(foldDiacritics);
}

// ---------------------------------------------------------------------------------------------------
// Acronyms
// ---------------------------------------------------------------------------------------------------

const PARTS = ACRONYM_PARTS.map(foldDiacritics).sort((a, b) => b.length - a.length);
const PART_SET = new Set(PARTS);
const WORD_ABBR = new Map(Object.entries(WORD_ABBREVIATIONS).map(([k, v]) => [foldDiacritics(k), v]));

/** Splits a Finnish compound into known parts from the end: "aluekehitysrahasto" -> alue, kehitys, rahasto. */
export function compoundParts(word: string, depth = 4): string[] {
  if (depth === 0 || PART_SET.has(word)) return [word];
  const part = PARTS.find((p) => word.endsWith(p) && word.length - p.length >= 3);
  return part ? [...compoundParts(word.slice(0, -part.length), depth - 1), part] : [word];
}

/**
 * Acronyms a name could have: initials of its words ("European Regional Development Fund" -> erdf), of
 * its compound parts ("Oulun seudun ammattiopisto" -> osao), with standard word abbreviations
 * ("Oulun ammattikorkeakoulu" -> oamk), and two-letter syllable abbreviations of two-part names
 * ("Luonnonvara|keskus" -> luke). Stopwords are skipped (ESCA = European Secretariat for Cluster Analysis).
 */
export function acronymsOf(words: readonly string[]): string[] {
  if (!words.length) return [];
  const out = new Set<string>();
  const initials = (parts: readonly string[]) => {
    if (parts.length >= 2) out.add(parts.map((p) => p[0]).join(''));
  };
  const split = words.flatMap((w) => compoundParts(w));
  initials(words);
  initials(split);
  if (words.some((w) => WORD_ABBR.has(w))) out.add(words.map((w) => WORD_ABBR.get(w) ?? w[0]).join(''));
  // syllable abbreviations from the last compound split only: "luonnonvarakeskus" -> luonnonvara + keskus
  const lastSplit = words.flatMap((w) => {
    const parts = compoundParts(w);
    return parts.length > 1 ? [w.slice(0, w.length - parts[parts.length - 1].length), parts[parts.length - 1]] : [w];
  });
  for (const parts of [words, lastSplit]) {
    if (parts.length >= 2 && parts.length <= 3 && parts.every((p) => p.length >= 3)) out.add(parts.map((p) => p.slice(0, 2)).join(''));
  }
  return [...out].filter((a) => a.length >= 2);
}

// ---------------------------------------------------------------------------------------------------
// People's names
// ---------------------------------------------------------------------------------------------------

export interface PersonToken {
  /** Folded word: "mäkitalo" -> "makitalo". */
  f: string;
  fi: string;
  /** A single letter ("K." in "K. Poikela"). */
  initial: boolean;
}

export interface PersonName {
  raw: string;
  /** Given names first, surname last ("Poikela, Kari" is reordered). */
  tokens: PersonToken[];
  /** The name was written surname first with a comma. */
  commaReordered: boolean;
}

const HONOURS = new Set(HONORIFICS.map(foldDiacritics));

const KNOWN_GIVEN_NAMES = new Set(GIVEN_NAMES.map(foldDiacritics));
/** A common given name in Finland ("sanna", "bjorn"), folded. */
export const isKnownGivenName = (folded: string): boolean => KNOWN_GIVEN_NAMES.has(folded);

export function analysePersonName(raw: string): PersonName {
  let text = raw.replace(/\([^)]*\)/g, ' ');
  let commaReordered = false;
  const comma = text.indexOf(',');
  if (comma > 0 && comma < text.length - 1) {
    text = `${text.slice(comma + 1)} ${text.slice(0, comma)}`;
    commaReordered = true;
  }
  const words = text
    .normalize('NFC')
    .replace(/['’`´]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let tokens = words.map((w) => ({ f: foldDiacritics(w), fi: foldFinnish(w), initial: w.length === 1 }));
  while (tokens.length > 1 && HONOURS.has(tokens[0].f)) tokens = tokens.slice(1);
  while (tokens.length > 1 && HONOURS.has(tokens[tokens.length - 1].f)) tokens = tokens.slice(0, -1);
  return { raw, tokens, commaReordered };
}

// ---------------------------------------------------------------------------------------------------
// Business ids (Y-tunnus)
// ---------------------------------------------------------------------------------------------------

const Y_WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/**
 * The check digit of a Finnish business id's seven digits: weights 7,9,10,5,8,4,2, sum modulo 11;
 * remainder 0 gives 0, remainder 1 is never issued (null), otherwise 11 - remainder.
 */
export function businessIdCheckDigit(digits: string): number | null {
  if (!/^\d{7}$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * Y_WEIGHTS[i];
  const r = sum % 11;
  if (r === 0) return 0;
  if (r === 1) return null;
  return 11 - r;
}

export interface BusinessId {
  /** Canonical form 1234567-8. */
  id: string;
  /** The check digit agrees with the seven digits. */
  valid: boolean;
}

/**
 * Reads a business id written in any usual way: "0190983-0", "0190983 0", "01909830", the EU VAT form
 * "FI01909830", or an old six-digit id "190983-0" (a leading zero is implied). Undefined if it is none.
 */
export function normaliseBusinessId(input: string | undefined | null): BusinessId | undefined {
  if (!input) return undefined;
  const m = /^(?:FI)?(\d{6,7})-?(\d)$/i.exec(input.replace(/\s+/g, ''));
  if (!m) return undefined;
  const digits = m[1].padStart(7, '0');
  const id = `${digits}-${m[2]}`;
  return { id, valid: businessIdCheckDigit(digits) === Number(m[2]) };
}

export const isValidBusinessId = (input: string): boolean => normaliseBusinessId(input)?.valid === true;

// ---------------------------------------------------------------------------------------------------
// Websites and e-mail domains
// ---------------------------------------------------------------------------------------------------

const TWO_LABEL = new Set(TWO_LABEL_SUFFIXES);
const SHARED_HOSTS = new Set([...SHARED_WEB_HOSTS, ...SHARED_MAIL_DOMAINS]);

/**
 * The registrable domain of a website or host: "https://www.oulu.fi/fi/chydenius" -> "oulu.fi",
 * "http://news.bbc.co.uk" -> "bbc.co.uk". Undefined for what is not a host name.
 */
export function registrableDomain(website: string | undefined | null): string | undefined {
  if (!website) return undefined;
  const trimmed = website.trim();
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return undefined;
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.')) return undefined;
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith('[')) return host;
  const labels = host.split('.');
  const n = TWO_LABEL.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-n).join('.');
}

/** The registrable domain of an e-mail address: "kari.poikela@digipolis.fi" -> "digipolis.fi". */
export function emailDomain(email: string | undefined | null): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  return at > 0 ? registrableDomain(email!.slice(at + 1)) : undefined;
}

/** Webmail and social-media domains that unrelated parties share: not evidence of identity. */
export const isSharedDomain = (domain: string): boolean => SHARED_HOSTS.has(domain);
