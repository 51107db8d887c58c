/**
 * Theme suggestions for a project or organisation from its own words, each with the reasons: which words
 * of the text matched which synonym of which theme.
 *
 * Every name and synonym of the taxonomy becomes a pattern: the sequence of its stemmed atoms (compound
 * parts), in each of the three languages. A pattern matches where all its atoms occur close together in
 * the text analysed in the same language, in any order ("akkujen kierrätys", "kierrätetään akkuja" and
 * "akkukierrätys" all match "akkujen kierrätys"). The text is analysed in all three languages, because
 * project texts mix them (a Finnish description with an English project name).
 */
import { CompoundLexicon, LANGS, TextAnalyzer, type Lang } from '../text/stemming';
import { getTaxonomy, Taxonomy, taxonomyVocabulary, COMPOUND_PARTS, type ThemeEntry } from './taxonomy';

export interface ThemeSuggestion {
  themeId: string;
  /** 0..1; about 0.5 for one plain mention, higher for several or more specific ones. */
  score: number;
  /** Plain reasons, e.g. '"akkukemikaalien" → akkukemikaali (battery chemicals synonym)'. */
  because: string[];
}

/** A project's or organisation's text, or one string. `name` counts more than the rest. */
export type SuggestInput = string | { name?: string; nameEn?: string; description?: string; goals?: readonly string[] };

export interface SuggestOptions {
  /** Suggestions scoring below this are left out (default 0.4). */
  minScore?: number;
  /** At most this many suggestions (default 8). */
  limit?: number;
}

interface Pattern {
  themeId: string;
  lang: Lang;
  /** The name or synonym as written in the taxonomy. */
  phrase: string;
  isName: boolean;
  atoms: string[];
}

/** One place where a pattern matched. */
export interface ThemeMatch {
  pattern: Pattern;
  /** Token positions (in the analysed text of `field`) the atoms were found at. */
  positions: number[];
  /** The words of the text that matched, in text order. */
  words: string[];
  /** True when a matched word has parts the pattern does not (litium inside litiumioniakkujen). */
  partial: boolean;
  /**
   * True when the pattern missed the last part of a matched compound, its head: "koulutusyhtymä" is a
   * consortium, not a kind of koulutus.
   */
  modifierOnly: boolean;
  field: 'name' | 'text';
}

/** The analyzer and patterns compiled from one taxonomy; cached per taxonomy. */
export interface ThemeMatcher {
  taxonomy: Taxonomy;
  analyzer: TextAnalyzer;
  /** Patterns by language and by their first atom. */
  index: Record<Lang, Map<string, Pattern[]>>;
  patternCount: number;
}

const matchers = new WeakMap<Taxonomy, ThemeMatcher>();

function asTaxonomy(t: Taxonomy | readonly ThemeEntry[] | undefined): Taxonomy {
  if (!t) return getTaxonomy();
  return t instanceof Taxonomy ? t : new Taxonomy(t);
}

/** The compound lexicon seeded from the taxonomy's vocabulary (its words and COMPOUND_PARTS). */
export function buildLexicon(taxonomy: Taxonomy): CompoundLexicon {
  const lexicon = new CompoundLexicon();
  const vocab = taxonomyVocabulary(taxonomy.entries);
  // Short base words first so that a longer word's own parts are already known when it is added.
  for (const lang of ['fi', 'sv'] as const) {
    for (const w of [...vocab[lang]].sort((a, b) => a.length - b.length)) lexicon.add(lang, w);
    for (const [form, base] of COMPOUND_PARTS.forms[lang]) lexicon.addForm(lang, form, base);
  }
  return lexicon;
}

export function getThemeMatcher(taxonomyLike?: Taxonomy | readonly ThemeEntry[]): ThemeMatcher {
  const taxonomy = asTaxonomy(taxonomyLike);
  const cached = matchers.get(taxonomy);
  if (cached) return cached;
  const analyzer = new TextAnalyzer(buildLexicon(taxonomy));
  const index: Record<Lang, Map<string, Pattern[]>> = { fi: new Map(), sv: new Map(), en: new Map() };
  let patternCount = 0;
  for (const e of taxonomy.entries) {
    const byLang: Record<Lang, [string, boolean][]> = {
      fi: [[e.name, true], ...e.synonyms.fi.map((s): [string, boolean] => [s, false])],
      en: [[e.nameEn, true], ...e.synonyms.en.map((s): [string, boolean] => [s, false])],
      sv: [[e.nameSv, true], ...e.synonyms.sv.map((s): [string, boolean] => [s, false])],
    };
    for (const lang of LANGS) {
      const seen = new Set<string>();
      for (const [phrase, isName] of byLang[lang]) {
        const atoms = analyzer.analyze(phrase.replace(/\([^)]*\)/g, ' '), lang).tokens.flatMap((t) => t.atoms);
        const sig = atoms.join(' ');
        if (!atoms.length || seen.has(sig)) continue;
        seen.add(sig);
        const list = index[lang].get(atoms[0]) ?? [];
        list.push({ themeId: e.id, lang, phrase, isName, atoms });
        index[lang].set(atoms[0], list);
        patternCount++;
      }
    }
  }
  const matcher = { taxonomy, analyzer, index, patternCount };
  matchers.set(taxonomy, matcher);
  return matcher;
}

/** Every pattern occurrence in one text, in every language. */
export function matchThemes(text: string, matcher: ThemeMatcher, field: 'name' | 'text' = 'text'): ThemeMatch[] {
  const out: ThemeMatch[] = [];
  for (const lang of LANGS) {
    const { tokens } = matcher.analyzer.analyze(text, lang);
    const positions = new Map<string, number[]>();
    for (const t of tokens) {
      for (const a of t.atoms) {
        const list = positions.get(a);
        if (!list) positions.set(a, [t.pos]);
        else if (list[list.length - 1] !== t.pos) list.push(t.pos);
      }
    }
    for (const [anchor, anchorPositions] of positions) {
      for (const pattern of matcher.index[lang].get(anchor) ?? []) {
        // Atoms may be apart by at most as many words as the pattern has atoms (word order is free).
        const reach = Math.max(1, pattern.atoms.length);
        for (const p of anchorPositions) {
          const used = [p];
          let ok = true;
          for (const atom of pattern.atoms.slice(1)) {
            const q = positions.get(atom)?.find((x) => Math.abs(x - p) <= reach);
            if (q === undefined) {
              ok = false;
              break;
            }
            used.push(q);
          }
          if (!ok) continue;
          const uniq = [...new Set(used)].sort((a, b) => a - b);
          const partial = uniq.some((i) => tokens[i].atoms.some((a) => !pattern.atoms.includes(a)));
          const modifierOnly = partial && uniq.some((i) => !pattern.atoms.includes(tokens[i].atoms.at(-1)!));
          const words = uniq.map((i) => tokens[i].surface);
          out.push({ pattern, positions: uniq, words, partial, modifierOnly, field });
        }
      }
    }
  }
  return out;
}

const SCORE_SCALE = 1.2;
/** What a match counts when a longer match of another theme covers it (see `isSubsumed`). */
const SUBSUMED = 0.25;
/** What a match that misses the head of a compound counts. */
const MODIFIER_ONLY = 0.5;

/**
 * A match is discounted when a longer match of another theme covers the same words and atoms, and
 * either it matched only part of a compound (litium inside litiumioniakkujen, which is about batteries,
 * not lithium) or the longer match is of a narrower theme (kierrätys inside akkujen kierrätys: battery
 * recycling, not recycling in general). A whole word covered by a longer phrase of an unrelated theme
 * still counts in full: "akkukemikaalien kierrätys" is about battery chemicals as well as recycling.
 */
function isSubsumed(m: ThemeMatch, all: ThemeMatch[], taxonomy: Taxonomy): boolean {
  const n = m.pattern.atoms.length;
  return all.some(
    (o) =>
      o.pattern.atoms.length > n &&
      o.pattern.themeId !== m.pattern.themeId &&
      o.field === m.field &&
      o.pattern.lang === m.pattern.lang &&
      m.positions.every((p) => o.positions.includes(p)) &&
      m.pattern.atoms.every((a) => o.pattern.atoms.includes(a)) &&
      (m.partial || taxonomy.ancestors(o.pattern.themeId).includes(m.pattern.themeId)),
  );
}

/** Raw evidence per theme from a set of matches; shared with the overlap scoring's concept terms. */
export function themeEvidence(matches: ThemeMatch[], taxonomy: Taxonomy): Map<string, { raw: number; matches: ThemeMatch[] }> {
  const byTheme = new Map<string, { raw: number; matches: ThemeMatch[] }>();
  const seenAt = new Set<string>();
  const perPattern = new Map<Pattern, number>();
  // Longest patterns first, so that where two synonyms of one theme match the same words the more
  // specific one is kept and reported.
  const ordered = [...matches].sort((a, b) => b.pattern.atoms.length - a.pattern.atoms.length);
  for (const m of ordered) {
    const spot = `${m.pattern.themeId}|${m.pattern.lang}|${m.field}|${m.positions.join(',')}`;
    if (seenAt.has(spot)) continue;
    seenAt.add(spot);
    const n = m.pattern.atoms.length;
    let w = 0.7 + 0.3 * Math.min(n, 3);
    if (m.field === 'name') w *= 1.5;
    if (isSubsumed(m, ordered, taxonomy)) w *= SUBSUMED;
    else if (m.modifierOnly) w *= MODIFIER_ONLY;
    // Repeats of one pattern add less and less: 1, 0.5, 0.25, ...
    const k = perPattern.get(m.pattern) ?? 0;
    perPattern.set(m.pattern, k + 1);
    w *= 0.5 ** k;
    const entry = byTheme.get(m.pattern.themeId) ?? { raw: 0, matches: [] };
    entry.raw += w;
    entry.matches.push(m);
    byTheme.set(m.pattern.themeId, entry);
  }
  return byTheme;
}

export function evidenceScore(raw: number): number {
  return 1 - Math.exp(-raw / SCORE_SCALE);
}

function reason(m: ThemeMatch, taxonomy: Taxonomy): string {
  const theme = taxonomy.get(m.pattern.themeId);
  const what = theme ? theme.nameEn.toLowerCase() : m.pattern.themeId;
  const langName = { fi: 'Finnish', sv: 'Swedish', en: 'English' }[m.pattern.lang];
  const kind = m.pattern.isName ? `${langName} name` : 'synonym';
  const where = m.field === 'name' ? ' in the name' : '';
  return `"${m.words.join(' ')}" → ${m.pattern.phrase.toLowerCase()} (${what} ${kind})${where}`;
}

/** Fields of an input as [field, text] pairs. */
function fieldsOf(input: SuggestInput): ['name' | 'text', string][] {
  if (typeof input === 'string') return [['text', input]];
  const out: ['name' | 'text', string][] = [];
  if (input.name) out.push(['name', input.name]);
  if (input.nameEn) out.push(['name', input.nameEn]);
  const body = [input.description ?? '', ...(input.goals ?? [])].filter(Boolean).join('\n');
  if (body) out.push(['text', body]);
  return out;
}

/** All matches of an input's fields. */
export function matchInput(input: SuggestInput, matcher: ThemeMatcher): ThemeMatch[] {
  return fieldsOf(input).flatMap(([field, text]) => matchThemes(text, matcher, field));
}

/**
 * Themes for a text, best first, with why. `taxonomy` defaults to the built-in THEME_TAXONOMY; pass a
 * Taxonomy (or entries) to suggest from a workspace's own themes.
 */
export function suggestThemes(
  input: SuggestInput,
  taxonomy?: Taxonomy | readonly ThemeEntry[],
  options: SuggestOptions = {},
): ThemeSuggestion[] {
  const matcher = getThemeMatcher(taxonomy);
  const evidence = themeEvidence(matchInput(input, matcher), matcher.taxonomy);
  const out: ThemeSuggestion[] = [];
  for (const [themeId, { raw, matches }] of evidence) {
    const score = Math.round(evidenceScore(raw) * 1000) / 1000;
    if (score < (options.minScore ?? 0.4)) continue;
    const because = [...new Set(matches.map((m) => reason(m, matcher.taxonomy)))].slice(0, 4);
    out.push({ themeId, score, because });
  }
  out.sort((a, b) => b.score - a.score || a.themeId.localeCompare(b.themeId));
  return out.slice(0, options.limit ?? 8);
}
