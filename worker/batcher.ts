/**
 * Gathers changes from many concurrently processed jobs into batches: while one transaction runs, the
 * next batch fills up; a batch holds at most `max` changes and keeps arrival order. One transaction at
 * a time keeps the change log's sequence numbers in the order events are announced.
 */
import type { Change } from '../domain/changes';
import type { Outcome } from './apply-changes';

interface Pending {
  change: Change;
  resolve(outcome: Outcome): void;
  reject(err: unknown): void;
}

export class ChangeBatcher {
  private pending: Pending[] = [];
  private draining = false;

  constructor(
    private readonly apply: (changes: Change[]) => Promise<Outcome[]>,
    private readonly max: number,
  ) {}

  /** Resolves with each change's outcome once its batch is committed. */
  submit(changes: Change[]): Promise<Outcome[]> {
    const outcomes = changes.map((change) => new Promise<Outcome>((resolve, reject) => this.pending.push({ change, resolve, reject })));
    if (!this.draining) {
      this.draining = true;
      // Let the other jobs of this tick add their changes first.
      setImmediate(() => void this.drain());
    }
    return Promise.all(outcomes);
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.max);
      try {
        const outcomes = await this.apply(batch.map((p) => p.change));
        batch.forEach((p, i) => p.resolve(outcomes[i]));
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    this.draining = false;
  }
}
