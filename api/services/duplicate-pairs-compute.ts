/**
 * The pairs computation of the duplicates list (see duplicate-pairs.ts), and a runner that moves it off
 * the API's event loop for large workspaces: 10,000 organisations take seconds, during which the
 * process would answer no other request and no socket. Like the metrics job (worker/metrics/
 * compute-thread.ts), the thread loads TypeScript through tsx.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { MatcherIndex, type EntityRecord } from '../../domain/matching';

export type DuplicateType = 'Organisation' | 'Person';

/** The lowest minScore a request may ask for (below it most pairs are noise). */
export const MIN_SCORE_FLOOR = 0.5;
/** Candidates asked for per record: a record with more probable duplicates than this is rare. */
const CANDIDATES_PER_RECORD = 10;
/**
 * Records scored in full per record after blocking (the matcher's default, for one query, is 300). True
 * duplicates share the rarest keys and come first: on 10,000 generated names with 300 planted variants
 * (bench/duplicates-list.ts), 20 found every planted pair the full scorer finds, 10 all but one.
 */
const SCORED_PER_RECORD = 25;

export interface PairEnd {
  id: string;
  name: string;
}

export interface DuplicatePair {
  a: PairEnd;
  b: PairEnd;
  score: number;
  reasons: string[];
}

export interface DuplicateOptions {
  minScore?: number;
  candidatesPerRecord?: number;
  scoredPerRecord?: number;
}

/** Probable duplicate pairs among records of one type, best first (pure: no services). */
export function findDuplicatePairs(records: readonly EntityRecord[], type: DuplicateType, options: DuplicateOptions = {}): DuplicatePair[] {
  const { minScore = MIN_SCORE_FLOOR, candidatesPerRecord = CANDIDATES_PER_RECORD, scoredPerRecord = SCORED_PER_RECORD } = options;
  const index = new MatcherIndex(records);
  const pairs = new Map<string, DuplicatePair>();
  for (const record of records) {
    const candidates = index.findCandidates(record, {
      type,
      minScore,
      limit: candidatesPerRecord,
      maxScored: scoredPerRecord,
      excludeId: record.id,
    });
    for (const c of candidates) {
      const [a, b] = record.id < c.record.id ? [record, c.record] : [c.record, record];
      const key = `${a.id}\n${b.id}`;
      const score = Math.round(c.score * 1000) / 1000;
      const seen = pairs.get(key);
      if (!seen || seen.score < score)
        pairs.set(key, { a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name }, score, reasons: c.reasons });
    }
  }
  return [...pairs.values()].sort(
    (x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name, 'fi') || x.b.name.localeCompare(y.b.name, 'fi'),
  );
}

/** Smaller workspaces are computed inline: starting a thread (about 0.3 s with tsx) would cost more. */
export const INLINE_LIMIT = 1000;

interface ThreadInput {
  duplicatePairs: { records: EntityRecord[]; type: DuplicateType; options: DuplicateOptions };
}

export function findDuplicatePairsOffThread(
  records: EntityRecord[],
  type: DuplicateType,
  options: DuplicateOptions = {},
  inlineLimit = INLINE_LIMIT,
): Promise<DuplicatePair[]> {
  if (records.length <= inlineLimit) return Promise.resolve(findDuplicatePairs(records, type, options));
  return new Promise((resolve, reject) => {
    // A CommonJS bootstrap that registers tsx's require hook, then loads this file in the thread.
    const bootstrap = `require('tsx/cjs/api').require(${JSON.stringify(__filename)}, ${JSON.stringify(__filename)});`;
    const thread = new Worker(bootstrap, { eval: true, workerData: { duplicatePairs: { records, type, options } } satisfies ThreadInput });
    let settled = false;
    thread.once('message', (pairs: DuplicatePair[]) => {
      settled = true;
      resolve(pairs);
    });
    thread.once('error', (err) => {
      settled = true;
      reject(err);
    });
    thread.once('exit', (code) => {
      if (!settled) reject(new Error(`duplicate-pairs thread exited with code ${code} without a result`));
    });
  });
}

if (!isMainThread && parentPort && (workerData as ThreadInput | undefined)?.duplicatePairs) {
  const { records, type, options } = (workerData as ThreadInput).duplicatePairs;
  parentPort.postMessage(findDuplicatePairs(records, type, options));
}
