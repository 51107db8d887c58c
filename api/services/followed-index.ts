/**
 * A value derived from one workspace's graph (an index) that follows the workspace's change log: built
 * once, then caught up to each newer sequence number, one update at a time. Updates start when the
 * worker announces a number (follow, in the background) or when a request needs a newer one (at); a
 * request whose number the value reflects already is answered at once, and one that comes during an
 * update waits for that update only. A failed update fails the requests waiting for it; the next one
 * tries again.
 */

/**
 * How long a request waits for an index being built from scratch before it is answered 503
 * INDEX_BUILDING with Retry-After: a small workspace's index is there well before (even on a busy
 * machine); 50,000 projects take about a minute, 100,000 organisations some seconds.
 */
export const COLD_WAIT_MS = 10_000;

/** A request came while the index it needs was still being built from scratch (answered 503, Retry-After). */
export class IndexBuilding extends Error {
  constructor(
    readonly what: string,
    readonly forMs: number,
  ) {
    super(`The ${what} is being built (for ${Math.round(forMs / 1000)} s so far); try again shortly`);
  }
}

export interface IndexUpdates<T> {
  /** A new value reflecting at least `seq`. */
  build(seq: number): Promise<T>;
  /** The value with the log's changes after `from` up to `to` applied (may rebuild). */
  catchUp(value: T, from: number, to: number): Promise<T>;
}

interface Waiter<T> {
  seq: number;
  resolve(value: T): void;
  reject(err: unknown): void;
}

export class FollowedIndex<T> {
  private value: T | null = null;
  private valueSeq = -1;
  private wanted = 0;
  private running = false;
  private waiters: Waiter<T>[] = [];
  /** When the current build started (NaN: none running). */
  private buildStarted = NaN;

  constructor(private readonly updates: IndexUpdates<T>) {}

  /** The sequence number the value reflects (-1 before it is built). */
  get seq(): number {
    return this.valueSeq;
  }

  /** Whether the value is being built from scratch (requests wait for it). */
  get building(): boolean {
    return this.value === null && this.running;
  }

  /** How long the running build has taken, in ms (0 when none runs). */
  get buildingForMs(): number {
    return Number.isNaN(this.buildStarted) ? 0 : Date.now() - this.buildStarted;
  }

  /** The value as it is, whatever seq it reflects (null before it is built). */
  get current(): T | null {
    return this.value;
  }

  /**
   * The value reflecting at least `seq`, once the build or catch-up that gets there is done. With
   * coldWaitMs, a build from scratch still running after that long fails the wait with IndexBuilding
   * (the build goes on); catching up a built value is always waited for.
   */
  async at(seq: number, options: { coldWaitMs?: number; what?: string } = {}): Promise<T> {
    if (this.value !== null && this.valueSeq >= seq) return this.value;
    const answer = new Promise<T>((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
    this.follow(seq);
    if (options.coldWaitMs === undefined || !this.building) return answer;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new IndexBuilding(options.what ?? 'index', this.buildingForMs)), options.coldWaitMs);
    });
    try {
      return await Promise.race([answer, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Catches up to `seq` in the background. */
  follow(seq: number): void {
    if (seq > this.wanted) this.wanted = seq;
    if (this.running || (this.value !== null && this.valueSeq >= this.wanted)) return;
    this.running = true;
    void this.run();
  }

  private async run(): Promise<void> {
    try {
      while (this.value === null || this.valueSeq < this.wanted) {
        const to = this.wanted;
        if (this.value === null) {
          this.buildStarted = Date.now();
          try {
            this.value = await this.updates.build(to);
          } finally {
            this.buildStarted = NaN;
          }
        } else {
          this.value = await this.updates.catchUp(this.value, this.valueSeq, to);
        }
        this.valueSeq = to;
        const ready = this.waiters.filter((w) => w.seq <= to);
        this.waiters = this.waiters.filter((w) => w.seq > to);
        for (const w of ready) w.resolve(this.value);
      }
    } catch (err) {
      // The updates read first and change the value only once their reads are done, so a failed one
      // leaves it as it was: the next request tries again from there.
      const failed = this.waiters;
      this.waiters = [];
      for (const w of failed) w.reject(err);
    } finally {
      this.running = false;
    }
  }
}

/** Gives the event loop back (to other requests) between slices of a long synchronous job. */
/**
 * The followed index of a key from a cache of at most `max`: the cached one, made the most recently
 * used, or a new one from `create`, dropping the least recently used when the cache is full.
 */
export function followedFrom<K, T>(cache: Map<K, FollowedIndex<T>>, key: K, max: number, create: () => FollowedIndex<T>): FollowedIndex<T> {
  let followed = cache.get(key);
  if (followed)
    cache.delete(key); // Map keeps insertion order: set again below, it becomes the last
  else {
    if (cache.size >= max) cache.delete(cache.keys().next().value as K);
    followed = create();
  }
  cache.set(key, followed);
  return followed;
}

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `each` over the items in slices of about `sliceMs`, giving the event loop back in between, so
 * that building an index of 100,000 records does not stall every other request for seconds.
 */
export async function timeSliced<T>(items: Iterable<T>, each: (item: T) => void, sliceMs = 15): Promise<void> {
  let sliceStart = performance.now();
  let n = 0;
  for (const item of items) {
    each(item);
    // Reading the clock costs little next to an index insert, but not nothing: look every 16 items.
    if ((++n & 15) === 0 && performance.now() - sliceStart > sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}
