/**
 * How much two projects overlap, from plain data, with a plain-language explanation in English and
 * Finnish: the evidence a user needs to decide whether two cities are doing the same work twice.
 *
 * The score combines
 *  - themes: shared themes weighted by the taxonomy (same theme > sibling > parent/child > further
 *    ancestor) and by rarity (IDF over the projects' themes: "battery recycling" says more than "skills");
 *  - text: cosine of stemmed TF-IDF vectors over name, description and goals, plus one concept term per
 *    theme the text mentions in any language (so a Finnish and an English description of the same work
 *    still meet);
 *  - period: the share of the shorter project's months the two run at the same time;
 *  - actors: shared partners, funders and programmes, weighted by rarity (a shared ERDF says little).
 * Content (themes and text) decides; period and actors only scale it, because two unrelated projects
 * that run at the same time with the same funder are not duplicate work:
 *   score = content × (0.7 + 0.15 × period + 0.15 × actors),  content = ½ themes + ½ text.
 * A missing period counts as 0.5 (unknown, neither for nor against).
 */
import { guessLanguage } from '../text/stemming';
import { getTaxonomy, type Taxonomy, type ThemeRelation } from '../themes/taxonomy';
import { evidenceScore, getThemeMatcher, matchInput, themeEvidence, type ThemeMatcher } from '../themes/suggest';
import { CorpusModel } from './corpus';

export interface OverlapProject {
  id: string;
  name: string;
  nameEn?: string;
  description?: string;
  goals?: readonly string[];
  /** Theme ids (FOCUSES_ON). Themes the text clearly names are added at half weight. */
  themes?: readonly string[];
  cityIds?: readonly string[];
  regionIds?: readonly string[];
  /** Lead and partner organisations. */
  partnerIds?: readonly string[];
  funderIds?: readonly string[];
  programmeIds?: readonly string[];
  /** YYYY-MM-DD */
  startDate?: string;
  endDate?: string;
}

/** A project analysed once, reused for every comparison. */
export interface PreparedProject {
  project: OverlapProject;
  /** Term frequencies: stems, compound parts and "@theme-id" concept terms. */
  terms: Map<string, number>;
  /** A surface form per term, for explanations. */
  surfaces: Map<string, string>;
  /** The themes compared: the given ones, then those only suggested from the text. */
  themes: string[];
  /** 1 for a given theme, SUGGESTED_THEME_WEIGHT for one only suggested from the text. */
  themeFactor: Map<string, number>;
  /** Keys for the feature corpus and the candidate index: theme:, partner:, funder:, programme:. */
  features: string[];
  /** Months since year 0, fractional; undefined when the date is missing. */
  start?: number;
  end?: number;
}

export interface OverlapContext {
  taxonomy: Taxonomy;
  matcher: ThemeMatcher;
  /** Document frequencies of text terms; without it every term weighs the same. */
  textCorpus?: CorpusModel;
  /** Document frequencies of features (themes, partners, funders, programmes). */
  featureCorpus?: CorpusModel;
  /** Display names of organisations and programmes for explanations; ids are shown otherwise. */
  labels?: (id: string) => string | undefined;
}

export interface OverlapParts {
  /** 0..1 each. */
  themes: number;
  text: number;
  /** null when a period is missing. */
  period: number | null;
  actors: number;
  sharedThemes: string[];
  /** Closest related (not identical) theme pairs: [theme of a, theme of b, how they relate]. */
  relatedThemes: [string, string, ThemeRelation][];
  /** Words both texts use that weigh most in the similarity, as written in the first project. */
  sharedWords: string[];
  overlapMonths: number | null;
  /** Months from the end of the earlier project to the start of the later one, when they do not overlap. */
  gapMonths: number | null;
  sharedPartners: string[];
  sharedFunders: string[];
  sharedProgrammes: string[];
}

export interface OverlapScore {
  score: number;
  parts: OverlapParts;
  /** English and Finnish, one line each. */
  explanation: string;
  explanationEn: string;
  explanationFi: string;
}

export interface OverlapResult extends OverlapScore {
  id: string;
  project: OverlapProject;
}

/** Which candidates count: only those in other cities (default), other regions, or all. */
export type CrossBoundary = 'city' | 'region' | 'none';

export interface TopOverlapOptions {
  crossBoundary?: CrossBoundary;
  /** Results scoring below this are left out (default 0.05). */
  minScore?: number;
  labels?: (id: string) => string | undefined;
}

// ---------------------------------------------------------------------------------------------------
// Preparing
// ---------------------------------------------------------------------------------------------------

/**
 * Themes suggested from the text with at least this score join the given ones, at a quarter of the
 * weight: tagging is often incomplete (one project tagged "hydrometallurgy", another "battery
 * recycling", both texts about both), and an untagged project still gets compared by theme. Lower
 * thresholds or higher weights let incidental mentions dilute the given themes (tuned on the
 * development split: 0.45 / 0.5 found all true overlaps in 0.87 of queries, 0.7 / 0.25 in 0.98).
 */
const TEXT_THEME_MIN = 0.7;
const SUGGESTED_THEME_WEIGHT = 0.25;

function month(date: string | undefined, endOfMonth: boolean): number | undefined {
  const m = date && /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Days as a fraction of the month; an end date covers its whole day.
  return y * 12 + (mo - 1) + (d - (endOfMonth ? 0 : 1)) / 31;
}

export function defaultContext(): OverlapContext {
  const taxonomy = getTaxonomy();
  return { taxonomy, matcher: getThemeMatcher(taxonomy) };
}

export function prepareProject(project: OverlapProject, ctx: Pick<OverlapContext, 'matcher'>): PreparedProject {
  const { matcher } = ctx;
  const terms = new Map<string, number>();
  const surfaces = new Map<string, string>();
  const add = (term: string, count: number, surface: string) => {
    terms.set(term, (terms.get(term) ?? 0) + count);
    if (!surfaces.has(term)) surfaces.set(term, surface);
  };
  const body = [project.description ?? '', ...(project.goals ?? [])].filter(Boolean).join('\n');
  const fields: [string, ReturnType<typeof guessLanguage> | undefined][] = [
    [project.name, undefined],
    [project.nameEn ?? '', 'en'],
    [body, undefined],
  ];
  for (const [text, lang] of fields) {
    if (!text) continue;
    const analysis = matcher.analyzer.analyze(text, lang ?? guessLanguage(text));
    for (const [term, { count, surface }] of matcher.analyzer.terms(analysis)) add(term, count, surface);
  }
  // Concept terms: a theme named in any language adds "@theme" as if it were a word of the text.
  const evidence = themeEvidence(matchInput(project, matcher), matcher.taxonomy);
  const suggested: string[] = [];
  for (const [themeId, { raw }] of evidence) {
    const s = evidenceScore(raw);
    if (s < 0.3) continue;
    add(`@${themeId}`, Math.max(1, Math.round(raw)), matcher.taxonomy.label(themeId, 'en'));
    if (s >= TEXT_THEME_MIN) suggested.push(themeId);
  }
  const themeFactor = new Map<string, number>();
  for (const t of project.themes ?? []) themeFactor.set(t, 1);
  for (const t of suggested) if (!themeFactor.has(t)) themeFactor.set(t, SUGGESTED_THEME_WEIGHT);
  const themes = [...themeFactor.keys()];
  const features = [
    ...themes.map((t) => `theme:${t}`),
    ...new Set((project.partnerIds ?? []).map((x) => `partner:${x}`)),
    ...new Set((project.funderIds ?? []).map((x) => `funder:${x}`)),
    ...new Set((project.programmeIds ?? []).map((x) => `programme:${x}`)),
  ];
  return {
    project,
    terms,
    surfaces,
    themes,
    themeFactor,
    features,
    start: month(project.startDate, false),
    end: month(project.endDate, true),
  };
}

// ---------------------------------------------------------------------------------------------------
// Parts
// ---------------------------------------------------------------------------------------------------

/** same > sibling > parent/child > further ancestor; cousins a little; unrelated nothing. */
export const THEME_SIMILARITY: Record<ThemeRelation, number> = {
  same: 1,
  sibling: 0.6,
  parent: 0.45,
  child: 0.45,
  ancestor: 0.25,
  descendant: 0.25,
  cousin: 0.15,
  none: 0,
};

function themePart(a: PreparedProject, b: PreparedProject, ctx: OverlapContext) {
  const weight = (t: string) => (ctx.featureCorpus ? ctx.featureCorpus.idf(`theme:${t}`) : 1);
  const related: [string, string, ThemeRelation, number][] = [];
  const direction = (xs: string[], ys: string[], flip: boolean, factor: Map<string, number>) => {
    let num = 0;
    let den = 0;
    for (const x of xs) {
      const w = weight(x) * (factor.get(x) ?? 1);
      let best = 0;
      let bestY = '';
      let bestRel: ThemeRelation = 'none';
      for (const y of ys) {
        const rel = ctx.taxonomy.relation(x, y);
        const s = THEME_SIMILARITY[rel];
        if (s > best) [best, bestY, bestRel] = [s, y, rel];
      }
      num += w * best;
      den += w;
      if (best > 0 && best < 1) related.push(flip ? [bestY, x, invert(bestRel), w * best] : [x, bestY, bestRel, w * best]);
    }
    return den ? num / den : 0;
  };
  if (!a.themes.length || !b.themes.length) return { value: 0, shared: [], related: [] };
  const value = (direction(a.themes, b.themes, false, a.themeFactor) + direction(b.themes, a.themes, true, b.themeFactor)) / 2;
  const bSet = new Set(b.themes);
  const strength = (t: string) => weight(t) * (a.themeFactor.get(t) ?? 1) * (b.themeFactor.get(t) ?? 1);
  const shared = a.themes.filter((t) => bSet.has(t)).sort((x, y) => strength(y) - strength(x));
  // Related pairs whose themes are not shared anyway, strongest first, each pair once.
  const seen = new Set<string>();
  const rel = related
    .filter(([x, y]) => !bSet.has(x) && !a.themes.includes(y))
    .sort((p, q) => q[3] - p[3])
    .filter(([x, y]) => !seen.has(`${x}|${y}`) && seen.add(`${x}|${y}`))
    .map(([x, y, r]): [string, string, ThemeRelation] => [x, y, r]);
  return { value, shared, related: rel };
}

function invert(rel: ThemeRelation): ThemeRelation {
  const map: Partial<Record<ThemeRelation, ThemeRelation>> = {
    parent: 'child',
    child: 'parent',
    ancestor: 'descendant',
    descendant: 'ancestor',
  };
  return map[rel] ?? rel;
}

function termWeight(tf: number, term: string, corpus: CorpusModel | undefined): number {
  return (1 + Math.log(tf)) * (corpus ? corpus.idf(term) : 1);
}

/** Vector norm with the corpus as it is now (IDF moves as projects are added, so it is not cached). */
function norm(p: PreparedProject, corpus: CorpusModel | undefined): number {
  let s = 0;
  for (const [t, tf] of p.terms) s += termWeight(tf, t, corpus) ** 2;
  return Math.sqrt(s);
}

function textPart(a: PreparedProject, b: PreparedProject, corpus: CorpusModel | undefined, normA?: number, wantWords = true) {
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let dot = 0;
  const contributions: [string, number][] = [];
  for (const [t, tf] of small.terms) {
    const tf2 = large.terms.get(t);
    if (tf2 === undefined) continue;
    const c = termWeight(tf, t, corpus) * termWeight(tf2, t, corpus);
    dot += c;
    if (wantWords && !t.startsWith('@')) contributions.push([t, c]);
  }
  if (dot === 0) return { value: 0, words: [] };
  const value = Math.min(1, dot / ((normA ?? norm(a, corpus)) * norm(b, corpus)));
  // A compound counts as its parts and as a whole, with one surface form: show each word once.
  const words = [...new Set(contributions.sort((x, y) => y[1] - x[1]).map(([t]) => a.surfaces.get(t) ?? t))].slice(0, 3);
  return { value, words };
}

function periodPart(a: PreparedProject, b: PreparedProject) {
  if (a.start === undefined || a.end === undefined || b.start === undefined || b.end === undefined) {
    return { value: null, overlapMonths: null, gapMonths: null };
  }
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.max(1, Math.min(a.end - a.start, b.end - b.start));
  if (overlap <= 0) return { value: 0, overlapMonths: 0, gapMonths: Math.round(-overlap) };
  return { value: Math.min(1, overlap / shorter), overlapMonths: Math.max(1, Math.round(overlap)), gapMonths: null };
}

const ACTOR_WEIGHT = { partner: 0.6, funder: 0.3, programme: 0.3 } as const;

function actorPart(a: PreparedProject, b: PreparedProject, corpus: CorpusModel | undefined) {
  const shared = (xs: readonly string[] = [], ys: readonly string[] = []) => {
    const set = new Set(ys);
    return [...new Set(xs)].filter((x) => set.has(x));
  };
  const partners = shared(a.project.partnerIds, b.project.partnerIds);
  const funders = shared(a.project.funderIds, b.project.funderIds);
  const programmes = shared(a.project.programmeIds, b.project.programmeIds);
  const rarity = (key: string) => (corpus ? Math.min(1, corpus.idf(key) / corpus.maxIdf()) : 1);
  let value = 0;
  for (const x of partners) value += ACTOR_WEIGHT.partner * rarity(`partner:${x}`);
  for (const x of funders) value += ACTOR_WEIGHT.funder * rarity(`funder:${x}`);
  for (const x of programmes) value += ACTOR_WEIGHT.programme * rarity(`programme:${x}`);
  return { value: Math.min(1, value), partners, funders, programmes };
}

// ---------------------------------------------------------------------------------------------------
// Score and explanation
// ---------------------------------------------------------------------------------------------------

export function combine(themes: number, text: number, period: number | null, actors: number): number {
  const content = 0.5 * themes + 0.5 * text;
  return content * (0.7 + 0.15 * (period ?? 0.5) + 0.15 * actors);
}

/** The score and its parts, without the explanation (cheap enough to run on every candidate). */
export function scoreParts(
  a: PreparedProject,
  b: PreparedProject,
  ctx: OverlapContext,
  normA?: number,
  withWords = true,
): { score: number; parts: OverlapParts } {
  const th = themePart(a, b, ctx);
  const tx = textPart(a, b, ctx.textCorpus, normA, withWords);
  const pe = periodPart(a, b);
  const ac = actorPart(a, b, ctx.featureCorpus);
  const parts: OverlapParts = {
    themes: round(th.value),
    text: round(tx.value),
    period: pe.value === null ? null : round(pe.value),
    actors: round(ac.value),
    sharedThemes: th.shared,
    relatedThemes: th.related.slice(0, 3),
    sharedWords: tx.words,
    overlapMonths: pe.overlapMonths,
    gapMonths: pe.gapMonths,
    sharedPartners: ac.partners,
    sharedFunders: ac.funders,
    sharedProgrammes: ac.programmes,
  };
  return { score: round(combine(th.value, tx.value, pe.value, ac.value)), parts };
}

/** Scores two prepared projects and explains the score; `normA` saves recomputing a's vector norm. */
export function scorePrepared(a: PreparedProject, b: PreparedProject, ctx: OverlapContext, normA?: number): OverlapScore {
  const { score, parts } = scoreParts(a, b, ctx, normA);
  const { en, fi } = explain(a, b, parts, ctx);
  return { score, parts, explanation: `${en}\n${fi}`, explanationEn: en, explanationFi: fi };
}

/** Overlap of two projects on their own (no corpus: every term and theme weighs the same). */
export function overlapScore(
  a: OverlapProject,
  b: OverlapProject,
  options: { context?: Partial<OverlapContext>; labels?: (id: string) => string | undefined } = {},
): OverlapScore {
  const ctx = { ...defaultContext(), ...options.context, ...(options.labels ? { labels: options.labels } : {}) };
  return scorePrepared(prepareProject(a, ctx), prepareProject(b, ctx), ctx);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function listEn(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
function listFi(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ja ${xs[xs.length - 1]}`;
}
/** Lower-cases a label's first letter unless it starts an acronym (TKI, RDI, S3). */
function lc(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

function years(from: number, to: number): string {
  const y1 = Math.floor(from / 12);
  const y2 = Math.floor((to - 0.001) / 12);
  return y1 === y2 ? `${y1}` : `${y1}–${y2}`;
}

function explain(a: PreparedProject, b: PreparedProject, parts: OverlapParts, ctx: OverlapContext) {
  const name = (id: string) => ctx.labels?.(id) ?? id;
  const theme = (id: string, lang: 'fi' | 'en') => lc(ctx.taxonomy.label(id, lang));
  const en: string[] = [];
  const fi: string[] = [];

  const shared = parts.sharedThemes.slice(0, 3);
  if (shared.length) {
    en.push(`both work on ${listEn(shared.map((t) => theme(t, 'en')))}`);
    fi.push(`molemmat työskentelevät teemojen parissa: ${listFi(shared.map((t) => theme(t, 'fi')))}`);
  }
  const related = parts.relatedThemes.slice(0, shared.length ? 1 : 2);
  if (related.length) {
    en.push(`related themes: ${related.map(([x, y]) => `${theme(x, 'en')} ~ ${theme(y, 'en')}`).join(', ')}`);
    fi.push(`lähiteemat: ${related.map(([x, y]) => `${theme(x, 'fi')} ~ ${theme(y, 'fi')}`).join(', ')}`);
  }
  if (parts.text >= 0.1 && parts.sharedWords.length) {
    const words = parts.sharedWords.map((w) => `"${w}"`).join(', ');
    en.push(`similar descriptions (${words})`);
    fi.push(`samankaltaiset kuvaukset (${words})`);
  }
  if (parts.overlapMonths && a.start !== undefined && b.start !== undefined) {
    const span = years(Math.max(a.start, b.start), Math.min(a.end!, b.end!));
    en.push(`run at the same time for ${parts.overlapMonths} months (${span})`);
    fi.push(`käynnissä samaan aikaan ${parts.overlapMonths} kk (${span})`);
  } else if (parts.gapMonths !== null) {
    en.push(`one ended ${parts.gapMonths} months before the other began: its results may be reusable`);
    fi.push(`toinen päättyi ${parts.gapMonths} kk ennen toisen alkua: sen tuloksia voi ehkä hyödyntää`);
  }
  const actors: [string[], string, string, string, string][] = [
    [parts.sharedPartners, 'the partner', 'the partners', 'yhteinen kumppani', 'yhteiset kumppanit'],
    [parts.sharedFunders, 'the funder', 'the funders', 'yhteinen rahoittaja', 'yhteiset rahoittajat'],
    [parts.sharedProgrammes, 'the programme', 'the programmes', 'sama ohjelma', 'samat ohjelmat'],
  ];
  for (const [ids, one, many, yksi, monta] of actors) {
    if (!ids.length) continue;
    const names = ids.slice(0, 3).map(name);
    en.push(`share ${ids.length === 1 ? one : many} ${listEn(names)}`);
    fi.push(`${ids.length === 1 ? yksi : monta}: ${listFi(names)}`);
  }
  if (!en.length) return { en: 'Little in common.', fi: 'Vähän yhteistä.' };
  const sentence = (xs: string[]) => `${xs.join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
  return { en: sentence(en), fi: sentence(fi) };
}

// ---------------------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------------------

/**
 * A test for candidates of one project: true when the candidate lies across the chosen boundary. With
 * 'city', candidates sharing a city are out; when either side has no city, sharing a region decides.
 * With 'region', sharing a city or a region puts a candidate out. Built once per query, because it runs
 * on every candidate the index touches.
 */
export function boundaryFilter(project: OverlapProject, mode: CrossBoundary = 'city'): (candidate: OverlapProject) => boolean {
  if (mode === 'none') return () => true;
  const cities = new Set(project.cityIds ?? []);
  const regions = new Set(project.regionIds ?? []);
  const hasAny = (xs: readonly string[] | undefined, set: Set<string>) => {
    if (!xs || !set.size) return false;
    for (const x of xs) if (set.has(x)) return true;
    return false;
  };
  return (c) => {
    if (hasAny(c.cityIds, cities)) return false;
    if (mode === 'region' || !cities.size || !c.cityIds?.length) return !hasAny(c.regionIds, regions);
    return true;
  };
}

/** True when b lies across the chosen boundary from a (see boundaryFilter). */
export function isCrossBoundary(a: OverlapProject, b: OverlapProject, mode: CrossBoundary = 'city'): boolean {
  return boundaryFilter(a, mode)(b);
}

/** Anything that answers top-k queries itself, like OverlapIndex. */
export interface OverlapSearcher {
  query(project: OverlapProject, k: number, options?: TopOverlapOptions): OverlapResult[];
}

/**
 * The k candidates that overlap most with `project`, best first, only across the boundary (by default:
 * projects in other cities). With an array this scans every candidate, IDF taken from the candidates;
 * for many projects, or repeated queries, pass an OverlapIndex, which keeps its corpus and finds
 * candidates through an inverted index.
 */
export function topOverlaps(
  project: OverlapProject,
  candidates: readonly OverlapProject[] | OverlapSearcher,
  k = 5,
  options: TopOverlapOptions = {},
): OverlapResult[] {
  if (!Array.isArray(candidates)) return (candidates as OverlapSearcher).query(project, k, options);
  const base = defaultContext();
  const textCorpus = new CorpusModel();
  const featureCorpus = new CorpusModel();
  const prepared = (candidates as readonly OverlapProject[]).map((c) => prepareProject(c, base));
  const query = prepareProject(project, base);
  for (const p of [query, ...prepared]) {
    textCorpus.addDocument(p.terms.keys());
    featureCorpus.addDocument(p.features);
  }
  const ctx: OverlapContext = { ...base, textCorpus, featureCorpus, labels: options.labels };
  const normQ = norm(query, textCorpus);
  const crosses = boundaryFilter(project, options.crossBoundary ?? 'city');
  const scored: { c: PreparedProject; score: number }[] = [];
  for (const c of prepared) {
    if (c.project.id === project.id || !crosses(c.project)) continue;
    const { score } = scoreParts(query, c, ctx, normQ, false);
    if (score >= (options.minScore ?? 0.05)) scored.push({ c, score });
  }
  return scored
    .sort((x, y) => y.score - x.score || x.c.project.id.localeCompare(y.c.project.id))
    .slice(0, k)
    .map(({ c }) => ({ id: c.project.id, project: c.project, ...scorePrepared(query, c, ctx, normQ) }));
}

export { norm as vectorNorm };
