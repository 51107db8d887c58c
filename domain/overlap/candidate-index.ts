/**
 * An incremental index of a workspace's projects for overlap queries. Scoring one project against every
 * other takes too long once there are tens of thousands, so a query first gathers candidates from an
 * inverted index, then scores only the best few hundred of them exactly:
 *  - themes: the query's themes and their siblings, parent and children (weighted like the scoring);
 *  - words: the query's most distinctive terms (highest TF-IDF), skipping terms so common that they
 *    cannot tell projects apart (they still count in the exact score);
 *  - partners and programmes.
 * The corpus statistics (IDF) follow every upsert and removal.
 */
import { getTaxonomy, type Taxonomy } from '../themes/taxonomy';
import { getThemeMatcher } from '../themes/suggest';
import { CorpusModel } from './corpus';
import {
  THEME_SIMILARITY,
  boundaryFilter,
  prepareProject,
  scoreParts,
  scorePrepared,
  vectorNorm,
  type OverlapContext,
  type OverlapProject,
  type OverlapResult,
  type OverlapSearcher,
  type PreparedProject,
  type TopOverlapOptions,
} from './score';

export interface OverlapIndexOptions {
  taxonomy?: Taxonomy;
  /** How many candidates are scored exactly per query (default 300). */
  candidates?: number;
  /** How many of the query's terms are looked up (default 16). */
  queryTerms?: number;
  /** Terms in more than this share of the projects are not looked up (default 0.1). */
  maxTermShare?: number;
  labels?: (id: string) => string | undefined;
}

export interface IndexQueryOptions extends TopOverlapOptions {
  /** Score every project instead of the index's candidates (for checking the candidate generation). */
  exhaustive?: boolean;
}

export class OverlapIndex implements OverlapSearcher {
  readonly textCorpus = new CorpusModel();
  readonly featureCorpus = new CorpusModel();
  private readonly ctx: OverlapContext;
  private readonly docs: (PreparedProject | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  /** term or feature → slots; removal leaves stale slots behind, skipped and compacted later. */
  private postings = new Map<string, number[]>();
  private stale = 0;
  /** Candidate scores by slot, reused by every query (zeroed again after each). */
  private acc = new Float64Array(1024);
  private readonly opts: Required<Omit<OverlapIndexOptions, 'taxonomy' | 'labels'>>;

  constructor(options: OverlapIndexOptions = {}) {
    const taxonomy = options.taxonomy ?? getTaxonomy();
    this.ctx = {
      taxonomy,
      matcher: getThemeMatcher(taxonomy),
      textCorpus: this.textCorpus,
      featureCorpus: this.featureCorpus,
      labels: options.labels,
    };
    this.opts = {
      candidates: options.candidates ?? 300,
      queryTerms: options.queryTerms ?? 16,
      maxTermShare: options.maxTermShare ?? 0.1,
    };
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds a project, or replaces the one with the same id. */
  upsert(project: OverlapProject): void {
    this.remove(project.id);
    const p = prepareProject(project, this.ctx);
    const slot = this.docs.length;
    this.docs.push(p);
    this.slotOf.set(project.id, slot);
    this.textCorpus.addDocument(p.terms.keys());
    this.featureCorpus.addDocument(p.features);
    for (const key of [...p.terms.keys(), ...p.features]) {
      const list = this.postings.get(key);
      if (list) list.push(slot);
      else this.postings.set(key, [slot]);
    }
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const p = this.docs[slot]!;
    this.textCorpus.removeDocument(p.terms.keys());
    this.featureCorpus.removeDocument(p.features);
    this.docs[slot] = undefined;
    this.slotOf.delete(id);
    if (++this.stale > 1000 && this.stale > this.slotOf.size / 2) this.compact();
    return true;
  }

  /** Drops stale slots from the postings (after many removals). */
  compact(): void {
    const postings = new Map<string, number[]>();
    for (const [key, slots] of this.postings) {
      const live = slots.filter((s) => this.docs[s] !== undefined);
      if (live.length) postings.set(key, live);
    }
    this.postings = postings;
    this.stale = 0;
  }

  /** The k projects that overlap most with `project` across the boundary (default: other cities). */
  query(project: OverlapProject, k = 5, options: IndexQueryOptions = {}): OverlapResult[] {
    const ctx = options.labels ? { ...this.ctx, labels: options.labels } : this.ctx;
    // A project of the index asked about as it was put in (the same object) is prepared already (the
    // preparation depends on the project and the theme matcher only).
    const indexed = this.docs[this.slotOf.get(project.id) ?? -1];
    const q = indexed && indexed.project === project ? indexed : prepareProject(project, ctx);
    const crosses = boundaryFilter(project, options.crossBoundary ?? 'city');
    const accept = (p: PreparedProject) => p.project.id !== project.id && crosses(p.project);
    const normQ = vectorNorm(q, this.textCorpus);
    const scored: { p: PreparedProject; score: number }[] = [];
    const slots = options.exhaustive ? this.docs.keys() : this.candidates(q, accept);
    for (const slot of slots) {
      const p = this.docs[slot];
      if (!p || !accept(p)) continue;
      const { score } = scoreParts(q, p, ctx, normQ, false);
      if (score >= (options.minScore ?? 0.05)) scored.push({ p, score });
    }
    return scored
      .sort((x, y) => y.score - x.score || x.p.project.id.localeCompare(y.p.project.id))
      .slice(0, k)
      .map(({ p }) => ({ id: p.project.id, project: p.project, ...scorePrepared(q, p, ctx, normQ) }));
  }

  /** Slots of the best candidates by a cheap accumulated score over the postings. */
  private candidates(q: PreparedProject, accept: (p: PreparedProject) => boolean): number[] {
    if (this.acc.length < this.docs.length) this.acc = new Float64Array(this.docs.length * 2);
    const acc = this.acc;
    const touched: number[] = [];
    try {
      return this.bestCandidates(q, accept, acc, touched);
    } finally {
      for (const slot of touched) acc[slot] = 0;
    }
  }

  private bestCandidates(q: PreparedProject, accept: (p: PreparedProject) => boolean, acc: Float64Array, touched: number[]): number[] {
    const bump = (key: string, w: number) => {
      for (const slot of this.postings.get(key) ?? []) {
        if (acc[slot] === 0) touched.push(slot);
        acc[slot] += w;
      }
    };
    const { taxonomy } = this.ctx;
    // Themes and their neighbours in the tree.
    const themeWeights = new Map<string, number>();
    const note = (t: string, s: number) => themeWeights.set(t, Math.max(themeWeights.get(t) ?? 0, s));
    for (const t of q.themes) {
      note(t, THEME_SIMILARITY.same);
      for (const s of taxonomy.siblings(t)) note(s, THEME_SIMILARITY.sibling);
      const parent = taxonomy.get(t)?.parent;
      if (parent) note(parent, THEME_SIMILARITY.child);
      for (const c of taxonomy.childrenOf(t)) note(c, THEME_SIMILARITY.parent);
    }
    for (const [t, s] of themeWeights) bump(`theme:${t}`, s * this.featureCorpus.idf(`theme:${t}`));
    // The query's most distinctive terms that are not too common.
    const maxDf = Math.max(50, this.opts.maxTermShare * this.size);
    const terms = [...q.terms]
      .filter(([t]) => this.textCorpus.documentFrequency(t) <= maxDf)
      .map(([t, tf]): [string, number] => [t, (1 + Math.log(tf)) * this.textCorpus.idf(t)])
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.opts.queryTerms);
    for (const [t, w] of terms) bump(t, w / 4);
    // Shared partners and programmes are strong hints; funders are too common to look up.
    for (const f of q.features) {
      if (f.startsWith('partner:') || f.startsWith('programme:')) bump(f, this.featureCorpus.idf(f) / 2);
    }
    // Choose generously first, then drop the projects across no boundary (own city) and stale slots, so
    // that they do not crowd out the others; the boundary test is too slow to run on every touched slot.
    const M = this.opts.candidates;
    const top = touched.length <= 3 * M ? touched : topBy(touched, acc, 3 * M);
    const live = top.filter((s) => this.docs[s] !== undefined && accept(this.docs[s]!));
    if (live.length <= M) return live;
    return live.sort((a, b) => acc[b] - acc[a]).slice(0, M);
  }
}

/** The n slots with the highest acc, without sorting them all (a bounded min-heap). */
function topBy(slots: number[], acc: Float64Array, n: number): number[] {
  const heap: number[] = [];
  const less = (i: number, j: number) => acc[heap[i]] < acc[heap[j]];
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const s of slots) {
    if (heap.length < n) {
      heap.push(s);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!less(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (acc[s] > acc[heap[0]]) {
      heap[0] = s;
      down(0);
    }
  }
  return heap;
}
