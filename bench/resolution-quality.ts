/**
 * Entity-resolution quality and speed.
 *
 *   npx tsx bench/resolution-quality.ts [--threshold 0.8] [--dev-seed 1] [--test-seed 2]
 *                                      [--pool 100000] [--queries 50000] [--errors dev|test] [--skip-search]
 *
 * 1. Pair classification on the labelled set of test/fixtures/resolution-set.ts: precision and recall at
 *    the threshold and over a range of thresholds, on the development split (used for tuning) and on the
 *    held-out test split (other seed, other look-alike organisations and generated people).
 * 2. Candidate search (MatcherIndex) over a generated pool of organisation names plus the test split's
 *    entities: how often the true entity is the first / among the first five candidates, and the latency
 *    of single queries (p50 / p95 / p99 over --queries queries, after a warm-up).
 * Needs no services.
 */
import { MatcherIndex } from '../domain/matching/candidate-index';
import { MATCH_THRESHOLD, scorePair } from '../domain/matching/matcher';
import { generateOrgName, generateOrgPool } from '../test/fixtures/org-name-pool';
import {
  chance,
  generateResolutionSet,
  mulberry32,
  pick,
  typo,
  type LabelledPair,
  type ResolutionSet,
} from '../test/fixtures/resolution-set';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const threshold = Number(arg('threshold', String(MATCH_THRESHOLD)));
const devSeed = Number(arg('dev-seed', '1'));
const testSeed = Number(arg('test-seed', '2'));
const poolSize = Number(arg('pool', '100000'));
const queryCount = Number(arg('queries', '50000'));
const showErrors = arg('errors', '');

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-');
const fms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

interface Scored {
  pair: LabelledPair;
  score: number;
  reasons: string[];
}

function prAt(scored: readonly Scored[], t: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scored) {
    const predicted = s.score >= t;
    if (predicted && s.pair.same) tp++;
    else if (predicted) fp++;
    else if (s.pair.same) fn++;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return { tp, fp, fn, precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

function evaluate(set: ResolutionSet, label: string) {
  const scored: Scored[] = set.pairs.map((pair) => ({ pair, ...scorePair(pair.query, pair.target) }));
  const pos = set.pairs.filter((p) => p.same).length;
  console.log(
    `\n== ${label}: seed ${set.seed}, ${set.entities.length} entities, ${set.pairs.length} pairs (${pos} same, ${set.pairs.length - pos} different) ==`,
  );
  const at = prAt(scored, threshold);
  console.log(
    `at threshold ${threshold.toFixed(2)}: precision ${f3(at.precision)}  recall ${f3(at.recall)}  F1 ${f3(at.f1)}  (TP ${at.tp}, FP ${at.fp}, FN ${at.fn})`,
  );
  const thresholds = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
  console.log(
    table(
      ['threshold', 'precision', 'recall', 'F1', 'FP', 'FN'],
      thresholds.map((t) => {
        const r = prAt(scored, t);
        return [t.toFixed(2), f3(r.precision), f3(r.recall), f3(r.f1), String(r.fp), String(r.fn)];
      }),
    ),
  );
  const categories = [...new Set(set.pairs.map((p) => `${p.same ? '+' : '-'} ${p.category}`))].sort();
  console.log('\nper category at the threshold (+ same: share found; - different: share wrongly matched)');
  console.log(
    table(
      ['category', 'pairs', 'matched', 'share'],
      categories.map((c) => {
        const items = scored.filter((s) => `${s.pair.same ? '+' : '-'} ${s.pair.category}` === c);
        const hit = items.filter((s) => s.score >= threshold).length;
        return [c, String(items.length), String(hit), f3(hit / items.length)];
      }),
    ),
  );
  if (showErrors && label.startsWith(showErrors)) {
    console.log('\nerrors:');
    for (const s of scored) {
      if (s.score >= threshold === s.pair.same) continue;
      console.log(
        `${s.pair.same ? 'FN' : 'FP'} ${s.score.toFixed(3)} [${s.pair.category}] '${s.pair.query.name}' vs '${s.pair.target.name}' :: ${s.reasons.join(' | ')}`,
      );
    }
  }
  return at;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function candidateSearch(test: ResolutionSet) {
  console.log(
    `\n== candidate search: ${poolSize.toLocaleString('en-US')} generated organisations + the test split's ${test.entities.length} entities ==`,
  );
  const pool = generateOrgPool(poolSize, 1000 + testSeed);
  const heapBefore = process.memoryUsage().heapUsed;
  let t0 = performance.now();
  const index = new MatcherIndex([...pool, ...test.entities]);
  const buildMs = performance.now() - t0;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  console.log(`index built in ${(buildMs / 1000).toFixed(1)} s, ~${Math.round(heapMb)} MB heap`);

  // Does blocking find the true entity among 100k look-alike names?
  const positives = test.pairs.filter((p) => p.same);
  let top1 = 0;
  let top5 = 0;
  let top1Above = 0;
  let wrongTopAbove = 0;
  let acceptedByScorer = 0;
  let lostByBlocking = 0;
  for (const p of positives) {
    const found = index.findCandidates(p.query, { limit: 5, minScore: 0 });
    const rank = found.findIndex((c) => c.record.id === p.target.id);
    // Blocking loss: pairs the scorer accepts that the index never offers.
    if (scorePair(p.query, p.target).score >= threshold) {
      acceptedByScorer++;
      if (rank < 0) lostByBlocking++;
    }
    if (rank === 0) top1++;
    if (rank >= 0) top5++;
    if (rank === 0 && found[0].score >= threshold) top1Above++;
    if (found.length && found[0].record.id !== p.target.id && found[0].score >= threshold) wrongTopAbove++;
  }
  const n = positives.length;
  console.log(
    `true entity first: ${f3(top1 / n)}, among first five: ${f3(top5 / n)}, first and >= threshold: ${f3(top1Above / n)}; ` +
      `another entity first and >= threshold: ${f3(wrongTopAbove / n)}  (${n} positive queries of the test split)`,
  );
  console.log(
    `blocking loss: ${lostByBlocking} of the ${acceptedByScorer} true pairs scored >= threshold are not among the first five candidates`,
  );

  // Latency: a mix of typo'd / re-cased pool names, new generated names and the labelled queries.
  const rng = mulberry32(4242);
  const queries: { name: string; type?: 'Organisation' | 'Person'; businessId?: string; website?: string; email?: string }[] = [];
  for (let i = 0; i < queryCount; i++) {
    const r = rng();
    if (r < 0.4) {
      const name = pick(rng, pool).name;
      queries.push({ name: chance(rng, 0.7) ? typo(rng, name) : name.toUpperCase(), type: 'Organisation' });
    } else if (r < 0.7) queries.push({ name: generateOrgName(rng), type: 'Organisation' });
    else queries.push(pick(rng, positives).query);
  }
  for (let i = 0; i < 1000; i++) index.findCandidates(queries[i % queries.length], { limit: 10, minScore: 0.5 });
  const times = new Float64Array(queries.length);
  let returned = 0;
  t0 = performance.now();
  for (let i = 0; i < queries.length; i++) {
    const s = performance.now();
    returned += index.findCandidates(queries[i], { limit: 10, minScore: 0.5 }).length;
    times[i] = performance.now() - s;
  }
  const totalS = (performance.now() - t0) / 1000;
  times.sort();
  console.log(
    `latency over ${queries.length.toLocaleString('en-US')} queries (limit 10, minScore 0.5): p50 ${fms(percentile(times, 50))} ms, ` +
      `p95 ${fms(percentile(times, 95))} ms, p99 ${fms(percentile(times, 99))} ms, max ${fms(times[times.length - 1])} ms; ` +
      `${Math.round(queries.length / totalS)} queries/s; ${(returned / queries.length).toFixed(1)} candidates per query`,
  );
  return percentile(times, 95);
}

console.log(`Entity-resolution quality; threshold ${threshold.toFixed(2)}${threshold === MATCH_THRESHOLD ? ' (MATCH_THRESHOLD)' : ''}`);
evaluate(generateResolutionSet(devSeed, 'dev'), 'dev split (tuning)');
const testSet = generateResolutionSet(testSeed, 'test');
const held = evaluate(testSet, 'test split (held out)');
const p95 = flag('skip-search') ? NaN : candidateSearch(testSet);
console.log('\n== targets ==');
console.log(
  `precision >= 0.95 at recall >= 0.90 (test split): ${held.precision >= 0.95 && held.recall >= 0.9 ? 'met' : 'NOT met'} (${f3(held.precision)} / ${f3(held.recall)})`,
);
if (!flag('skip-search'))
  console.log(`p95 < 50 ms per candidate query at ${poolSize.toLocaleString('en-US')}: ${p95 < 50 ? 'met' : 'NOT met'} (${fms(p95)} ms)`);
