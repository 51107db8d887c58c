/**
 * Candidate search for entity resolution: `new MatcherIndex(records).findCandidates(query)` returns the
 * records most likely to be the same entity as the query, scored by `scorePrepared`.
 *
 * Scoring every record is too slow for 100,000 records, so the index blocks: each record is filed under
 * short keys, and a query scores only the records that share the most (IDF-weighted) keys with it:
 *   - w:<key>  the first five letters of each distinctive word (canonical form: "Uleåborgs" -> "oulu") and
 *              every variant with one of those letters deleted, so one typo, transposition or a missing
 *              letter near the start still shares a key ("symmetric deletion", as in SymSpell);
 *   - a:<acr>  acronyms of the name, and the name itself when it could be an acronym ("OSAO");
 *   - s:<key>  the same for the last five letters of words of eight letters or more;
 *   - c:<kind> the kind of organisation ("yliopisto" -> UNIVERSITY), which separates "Turun yliopisto"
 *              from the many "Turun ..." companies;
 *   - b:, d:, e: business id, website domain, e-mail address.
 * Keys shared by more than a tenth of the records carry almost no information and are skipped.
 */
import { foldDiacritics } from './normalise';
import { prepare, scorePrepared, type EntityRecord, type MatchResult, type PreparedRecord } from './matcher';
import { orgOf } from './name-forms';

export interface FindOptions {
  /** Most candidates returned (default 10). */
  limit?: number;
  /** Lowest score returned (default 0.5). */
  minScore?: number;
  /** Only records of this type (default: the query's type, if it has one). */
  type?: string;
  /** Records scored in full after blocking (default 300). */
  maxScored?: number;
  /** A record id to leave out, e.g. the query's own record when looking for its duplicates. */
  excludeId?: string;
}

export interface Candidate extends MatchResult {
  record: EntityRecord;
}

export type Query = string | (Partial<EntityRecord> & { name: string });

/** Keys of a window of a word: the window and its one-deletion variants. */
function windowKeys(prefix: string, window: string, out: Set<string>) {
  out.add(prefix + window);
  if (window.length < 3) return;
  for (let i = 0; i < window.length; i++) out.add(prefix + window.slice(0, i) + window.slice(i + 1));
}

/**
 * Word keys: the first five letters with their one-deletion variants, and for words of eight letters or
 * more also the last five (a typo near the start of "Difgipolis" still shares "polis").
 */
function wordKeys(word: string, out: Set<string>) {
  windowKeys('w:', word.slice(0, 5), out);
  if (word.length >= 8) windowKeys('s:', word.slice(-5), out);
}

/** The blocking keys of a prepared record (deduplicated). */
export function blockingKeys(rec: PreparedRecord): string[] {
  const keys = new Set<string>();
  const person = rec.record.type === 'Person';
  for (const form of rec.forms) {
    if (person) {
      for (const w of form.raw.split(/[^\p{L}\p{N}]+/u)) if (w.length > 1) wordKeys(foldDiacritics(w), keys);
      continue;
    }
    const org = orgOf(form);
    for (const t of org.core) wordKeys(t.key, keys);
    for (const c of org.concepts) keys.add(`c:${c}`);
    for (const a of org.acronyms) if (a.length >= 3) keys.add(`a:${a}`);
    if (org.abbreviation) keys.add(`a:${org.abbreviation}`);
  }
  if (rec.businessId) keys.add(`b:${rec.businessId.id}`);
  if (rec.domain) keys.add(`d:${rec.domain}`);
  if (rec.email) keys.add(`e:${rec.email}`);
  return [...keys];
}

const EXACT_PREFIXES = ['b:', 'd:', 'e:'];
const REMOVED = -1;

export class MatcherIndex {
  private readonly records: PreparedRecord[] = [];
  /** Type code per slot; REMOVED for a record taken out (its postings stay and are skipped). */
  private readonly typeCodes: number[] = [];
  private readonly slotOf = new Map<string, number>();
  private removed = 0;
  private readonly typeNames = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private acc = new Float64Array(1024);

  constructor(records: Iterable<EntityRecord> = []) {
    for (const r of records) this.add(r);
  }

  get size(): number {
    return this.records.length - this.removed;
  }

  private typeCode(type: string | undefined): number {
    const t = type ?? '';
    let code = this.typeNames.get(t);
    if (code === undefined) {
      code = this.typeNames.size;
      this.typeNames.set(t, code);
    }
    return code;
  }

  /** Adds a record (use upsert for one whose id may be in the index already). */
  add(record: EntityRecord): void {
    const idx = this.records.length;
    const rec = prepare(record);
    this.records.push(rec);
    this.typeCodes.push(this.typeCode(record.type));
    if (record.id) this.slotOf.set(record.id, idx);
    for (const key of blockingKeys(rec)) {
      const list = this.postings.get(key);
      if (list) list.push(idx);
      else this.postings.set(key, [idx]);
    }
  }

  /** Adds a record, or replaces the one with its id (an edited entity). */
  upsert(record: EntityRecord): void {
    this.remove(record.id);
    this.add(record);
  }

  /**
   * Takes a record out (a deleted or hidden entity). Its slot and postings stay behind and are skipped,
   * so an index that lives long with many edits should be rebuilt now and then.
   */
  remove(id: string): boolean {
    const idx = this.slotOf.get(id);
    if (idx === undefined) return false;
    this.slotOf.delete(id);
    this.typeCodes[idx] = REMOVED;
    this.removed++;
    return true;
  }

  /** Slots taken by removed records (a caller may rebuild when there are many). */
  get removedCount(): number {
    return this.removed;
  }

  /** The best-scoring records for a name or a partial record, best first. */
  findCandidates(query: Query, options: FindOptions = {}): Candidate[] {
    const { limit = 10, minScore = 0.5, maxScored = 300, excludeId } = options;
    const q: EntityRecord = typeof query === 'string' ? { id: '', name: query } : { id: '', ...query };
    const type = options.type ?? q.type;
    if (type && !q.type) q.type = type;
    const typeCode = type === undefined ? -1 : this.typeNames.get(type);
    if (typeCode === undefined) return [];
    const qrec = prepare(q);

    const n = this.records.length;
    if (this.acc.length < n) this.acc = new Float64Array(n * 2);
    const acc = this.acc;
    const touched: number[] = [];
    const maxDf = Math.max(50, n / 10);
    for (const key of blockingKeys(qrec)) {
      const list = this.postings.get(key);
      if (!list) continue;
      const exact = EXACT_PREFIXES.some((p) => key.startsWith(p));
      if (list.length > maxDf && !exact) continue;
      // IDF weight; exact identifiers count as much as a whole rare word.
      const w = (exact ? 5 : 1) * Math.log(1 + n / list.length);
      for (let k = 0; k < list.length; k++) {
        const idx = list[k];
        const code = this.typeCodes[idx];
        if (code === REMOVED || (typeCode >= 0 && code !== typeCode)) continue;
        if (acc[idx] === 0) touched.push(idx);
        acc[idx] += w;
      }
    }

    let chosen = touched;
    if (touched.length > maxScored) {
      const values = Float64Array.from(touched, (i) => acc[i]).sort();
      const cutoff = values[values.length - maxScored];
      const above = touched.filter((i) => acc[i] > cutoff);
      const at = touched.filter((i) => acc[i] === cutoff);
      chosen = above.concat(at.slice(0, Math.max(0, maxScored - above.length)));
    }
    for (const i of touched) acc[i] = 0;

    const out: Candidate[] = [];
    for (const idx of chosen) {
      const rec = this.records[idx];
      if (excludeId !== undefined && rec.record.id === excludeId) continue;
      const r = scorePrepared(qrec, rec);
      if (r.score >= minScore) out.push({ record: rec.record, score: r.score, reasons: r.reasons });
    }
    out.sort((x, y) => y.score - x.score || x.record.name.localeCompare(y.record.name));
    return out.slice(0, limit);
  }
}

const SMALL_POOL = 2_000;
const indexes = new WeakMap<readonly EntityRecord[], MatcherIndex>();

/**
 * Candidates for `query` in `pool`: an index, or an array (scored in full when small, otherwise indexed
 * once and cached for that array object).
 */
export function findCandidates(query: Query, pool: MatcherIndex | readonly EntityRecord[], options: FindOptions = {}): Candidate[] {
  if (pool instanceof MatcherIndex) return pool.findCandidates(query, options);
  if (pool.length > SMALL_POOL) {
    let index = indexes.get(pool);
    if (!index) indexes.set(pool, (index = new MatcherIndex(pool)));
    return index.findCandidates(query, options);
  }
  const { limit = 10, minScore = 0.5, excludeId } = options;
  const q: EntityRecord = typeof query === 'string' ? { id: '', name: query } : { id: '', ...query };
  const type = options.type ?? q.type;
  if (type && !q.type) q.type = type;
  const qrec = prepare(q);
  const out: Candidate[] = [];
  for (const record of pool) {
    if ((type && record.type !== type) || (excludeId !== undefined && record.id === excludeId)) continue;
    const r = scorePrepared(qrec, prepare(record));
    if (r.score >= minScore) out.push({ record, score: r.score, reasons: r.reasons });
  }
  out.sort((x, y) => y.score - x.score || x.record.name.localeCompare(y.record.name));
  return out.slice(0, limit);
}
