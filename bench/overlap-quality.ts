/**
 * Quality and speed of the overlap scoring and theme suggestions, on the labelled set in
 * test/fixtures/overlap-set.ts. Pure computation: no database, no services.
 *
 *   npx tsx bench/overlap-quality.ts            # everything
 *   npx tsx bench/overlap-quality.ts --quick    # 5,000 projects instead of 50,000 for the timing
 *   npx tsx bench/overlap-quality.ts --verbose  # print every real query's top 5 with explanations
 *   npx tsx bench/overlap-quality.ts --dev-only # while tuning: development split only, nothing held out
 *
 * Reports, with targets:
 *  1. overlap quality: how often the top 5 contains all true overlaps of a query (target >= 0.9),
 *     recall@5, MRR, and whether a project in the query's own city was ever returned (must be 0);
 *     on the development split (used for tuning), the held-out split, and real demo projects;
 *  2. speed: topOverlaps for one new project over 50,000 indexed projects, p95 (target < 100 ms),
 *     precision@5 at that scale and agreement of the top 5 with an exhaustive scan;
 *  3. theme suggestions: precision@3 (exact, and counting a parent/child of a labelled theme) and
 *     recall@5, on generated projects (both splits) and on the demo's real FOCUSES_ON labels.
 *
 * Limitations to keep in mind when reading the figures: the topics, their sentences and the taxonomy's
 * synonyms were written by the same person, so the generated set is easier than real project texts;
 * the held-out split only guards against tuning on those exact sentences. The real-project figures come
 * from 5 queries and 15 labelled items: too few for more than a sanity check.
 */
import { performance } from 'node:perf_hooks';
import { OverlapIndex } from '../domain/overlap/candidate-index';
import { topOverlaps, type OverlapProject } from '../domain/overlap/score';
import { suggestThemes } from '../domain/themes/suggest';
import { getTaxonomy } from '../domain/themes/taxonomy';
import {
  CITIES,
  TOPICS,
  demoLabels,
  demoThemeLabels,
  generateProject,
  generatedQueries,
  realQueries,
  rng,
  type GeneratedProject,
  type OverlapQuery,
  type Split,
} from '../test/fixtures/overlap-set';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const VERBOSE = args.has('--verbose');
/** While tuning: skip everything held out (the held-out split and the real-project queries). */
const DEV_ONLY = args.has('--dev-only');
const SCALE = QUICK ? 5_000 : 50_000;

const f3 = (x: number) => x.toFixed(3);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const mark = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');

// ---------------------------------------------------------------------------------------------------
// 1. Overlap quality
// ---------------------------------------------------------------------------------------------------

function evaluate(queries: OverlapQuery[], label: string) {
  let hits = 0;
  let leaks = 0;
  const recalls: number[] = [];
  const rr: number[] = [];
  const crossLang: number[] = [];
  const started = performance.now();
  for (const q of queries) {
    const top = topOverlaps(q.query, q.candidates, 5, { labels: demoLabels })
      .map((r) => r.id)
      .filter((id) => !q.neutralIds.includes(id));
    const found = q.trueIds.filter((id) => top.includes(id));
    if (found.length === q.trueIds.length) hits++;
    recalls.push(found.length / q.trueIds.length);
    const first = top.findIndex((id) => q.trueIds.includes(id));
    rr.push(first < 0 ? 0 : 1 / (first + 1));
    leaks += top.filter((id) => q.sameCityIds.includes(id)).length;
    const qLang = (q.query as Partial<GeneratedProject>).lang;
    for (const id of q.trueIds) {
      const t = q.candidates.find((c) => c.id === id) as Partial<GeneratedProject> | undefined;
      if (qLang && t?.lang && t.lang !== qLang) crossLang.push(top.includes(id) ? 1 : 0);
    }
  }
  const hitRate = hits / queries.length;
  console.log(
    `  ${label.padEnd(34)} queries ${String(queries.length).padStart(3)}  top-5 has all true overlaps ${f3(hitRate)}` +
      `  recall@5 ${f3(mean(recalls))}  MRR ${f3(mean(rr))}  own-city leaks ${leaks}` +
      (crossLang.length ? `  cross-language recall@5 ${f3(mean(crossLang))} (${crossLang.length})` : '') +
      `  (${((performance.now() - started) / queries.length).toFixed(0)} ms/query incl. corpus build)`,
  );
  return hitRate;
}

function overlapQuality() {
  console.log('\n1. Overlap quality (top 5 of topOverlaps, other cities only)');
  evaluate(generatedQueries('dev'), 'generated, development split');
  if (DEV_ONLY) return;
  const heldOut = evaluate(generatedQueries('test'), 'generated, HELD-OUT split');
  const real = realQueries();
  evaluate(real, 'real demo projects (5 queries)');
  console.log(`  target >= 0.9 on the held-out split: ${mark(heldOut >= 0.9)}`);
  for (const q of real.slice(0, VERBOSE ? real.length : 1)) {
    const top = topOverlaps(q.query, q.candidates, 5, { labels: demoLabels });
    console.log(`\n  Example: "${q.query.name}" (true: ${q.trueIds.join(', ')})`);
    for (const r of top) {
      const tag = q.trueIds.includes(r.id) ? 'TRUE ' : q.neutralIds.includes(r.id) ? 'neutr' : '     ';
      console.log(`   ${tag} ${f3(r.score)} ${r.id}`);
    }
    const best = top.find((r) => q.trueIds.includes(r.id));
    if (best) console.log(`    EN: ${best.explanationEn}\n    FI: ${best.explanationFi}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// 2. Speed at scale
// ---------------------------------------------------------------------------------------------------

function speed() {
  console.log(`\n2. topOverlaps over ${SCALE.toLocaleString('en')} projects (OverlapIndex)`);
  const r = rng(42);
  const projects: GeneratedProject[] = [];
  for (let i = 0; i < SCALE; i++) {
    projects.push(generateProject(r, { split: r() < 0.5 ? 'dev' : 'test', partners: 3000 }));
  }
  // Heap growth is only meaningful after a full collection: `npx tsx --expose-gc bench/overlap-quality.ts`.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = new OverlapIndex();
  for (const p of projects) index.upsert(p);
  const buildMs = performance.now() - t0;
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const heap = gc ? `${heapMb.toFixed(0)} MB heap` : 'heap n/a (run with --expose-gc)';
  console.log(
    `  index build ${(buildMs / 1000).toFixed(1)} s (${((buildMs / SCALE) * 1000).toFixed(0)} µs/project), ` +
      `${heap}, ${index.textCorpus.vocabularySize.toLocaleString('en')} distinct terms`,
  );
  const queries = Array.from({ length: 200 }, () => generateProject(r, { split: 'test', partners: 3000 }));
  // Warm up the JIT and the stem cache on a few queries first, as a running worker would be.
  for (const q of queries.slice(0, 10)) index.query(q, 5);
  const times: number[] = [];
  const precision: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const top = index.query(q, 5);
    times.push(performance.now() - t);
    const byId = new Map(top.map((x) => [x.id, x.project as GeneratedProject]));
    precision.push(top.length ? [...byId.values()].filter((p) => p.topic === q.topic).length / 5 : 0);
  }
  const p95 = pct(times, 95);
  console.log(
    `  one query (prepare + candidates + score + explain): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
      `p99 ${pct(times, 99).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${times.length} queries`,
  );
  console.log(`  target p95 < 100 ms: ${mark(p95 < 100)}`);
  console.log(`  precision@5 at this scale (top 5 of the same topic, other city): ${f3(mean(precision))}`);
  // How much the candidate generation loses compared with scoring every project.
  const agree: number[] = [];
  const exhaustiveTimes: number[] = [];
  for (const q of queries.slice(0, 20)) {
    const fast = new Set(index.query(q, 5).map((x) => x.id));
    const t = performance.now();
    const full = index.query(q, 5, { exhaustive: true }).map((x) => x.id);
    exhaustiveTimes.push(performance.now() - t);
    agree.push(full.filter((id) => fast.has(id)).length / Math.max(1, full.length));
  }
  console.log(
    `  top 5 agreement with an exhaustive scan: ${f3(mean(agree))} (exhaustive scan p50 ${pct(exhaustiveTimes, 50).toFixed(0)} ms)`,
  );
  // Incremental updates: replace and remove projects, then query again.
  const t1 = performance.now();
  for (const p of projects.slice(0, 1000)) index.upsert({ ...p, description: `${p.description} Päivitetty.` });
  for (const p of projects.slice(1000, 1500)) index.remove(p.id);
  console.log(
    `  1,000 updates + 500 removals: ${(performance.now() - t1).toFixed(0)} ms; index now ${index.size.toLocaleString('en')} projects`,
  );
}

// ---------------------------------------------------------------------------------------------------
// 3. Theme suggestions
// ---------------------------------------------------------------------------------------------------

function suggestionQuality(items: { input: Parameters<typeof suggestThemes>[0]; themes: string[] }[], label: string) {
  const taxonomy = getTaxonomy();
  const near = (t: string, gold: string[]) =>
    gold.some((g) => ['same', 'parent', 'child', 'ancestor', 'descendant'].includes(taxonomy.relation(t, g)));
  const pStrict: number[] = [];
  const pHier: number[] = [];
  const recall: number[] = [];
  let none = 0;
  for (const { input, themes } of items) {
    const s = suggestThemes(input).map((x) => x.themeId);
    if (!s.length) none++;
    const top3 = s.slice(0, 3);
    if (top3.length) {
      pStrict.push(top3.filter((t) => themes.includes(t)).length / top3.length);
      pHier.push(top3.filter((t) => near(t, themes)).length / top3.length);
    }
    recall.push(themes.filter((t) => s.slice(0, 5).includes(t)).length / themes.length);
  }
  console.log(
    `  ${label.padEnd(34)} items ${String(items.length).padStart(3)}  precision@3 ${f3(mean(pStrict))}` +
      `  (parent/child counted ${f3(mean(pHier))})  recall@5 ${f3(mean(recall))}  no suggestion ${none}`,
  );
}

function suggestions() {
  console.log('\n3. Theme suggestions (suggestThemes on name + description)');
  for (const split of (DEV_ONLY ? ['dev'] : ['dev', 'test']) as Split[]) {
    const r = rng(split === 'dev' ? 7 : 8);
    const items = Array.from({ length: 160 }, (_, i) => {
      const p = generateProject(r, { split, topic: TOPICS[i % TOPICS.length], city: pick(r) });
      return { input: { name: p.name, nameEn: p.nameEn, description: p.description }, themes: p.mentionedThemes };
    });
    suggestionQuality(items, `generated, ${split === 'dev' ? 'development' : 'HELD-OUT'} split`);
  }
  if (!DEV_ONLY) suggestionQuality(demoThemeLabels(), 'real demo items (FOCUSES_ON)');
}

function pick(r: () => number) {
  return CITIES[Math.floor(r() * CITIES.length)];
}

const started = performance.now();
console.log('Verkosto overlap and theme-suggestion quality' + (QUICK ? ' (quick)' : ''));
overlapQuality();
speed();
suggestions();
console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

export type { OverlapProject };
