/**
 * An import's status while it runs: counts, the capped lists of bad rows and matches, notes. Saved to
 * Redis and sent to the workspace's room at most every PROGRESS_EVERY_MS, and once more at the end.
 */
import type { Redis } from 'ioredis';
import { MAX_REPORTED, progressFraction, type ImportIssue, type ImportMatch, type ImportProgressEvent, type ImportState, type ImportStatus } from '../../domain/imports';
import type { Config } from '../../api/infra/config';
import { saveImportStatus } from '../../api/infra/import-status';
import type { Announcer } from '../announce';
import type { PlanSink } from './planner';

const PROGRESS_EVERY_MS = 250;

export class ImportReporter implements PlanSink {
  private lastSent = 0;
  private pending: Promise<void> = Promise.resolve();
  /** Rows already reported bad (a row with several issues is one bad row). */
  private readonly badRows = new Set<string>();

  constructor(
    readonly status: ImportStatus,
    private readonly redis: Redis,
    private readonly config: Config,
    private readonly announcer: Announcer,
  ) {}

  issue(issue: ImportIssue): void {
    const key = `${issue.sheet ?? ''}\n${issue.row}`;
    if (!this.badRows.has(key)) {
      this.badRows.add(key);
      this.status.progress.rowsBad++;
    }
    this.status.issueCount++;
    if (this.status.issues.length < MAX_REPORTED) this.status.issues.push(issue);
  }

  /** A failure after the rows were checked (the worker rejected a change): always reported. */
  applyFailure(issue: ImportIssue): void {
    this.status.progress.failed++;
    this.status.issueCount++;
    if (this.status.issues.length < MAX_REPORTED) this.status.issues.push(issue);
  }

  /** A tabular part's header row, kept in the report (small and capped) for the client's mapping. */
  columns(sheet: string | undefined, headers: string[]): void {
    const list = (this.status.columns ??= []);
    if (list.length >= 20 || list.some((c) => c.sheet === sheet)) return;
    list.push({ ...(sheet === undefined ? {} : { sheet }), headers: headers.slice(0, 200).map((h) => h.slice(0, 300)) });
  }

  match(match: ImportMatch): void {
    this.status.matchCount++;
    if (this.status.matches.length < MAX_REPORTED) this.status.matches.push(match);
  }

  count(what: 'created' | 'updated' | 'unchanged' | 'matched'): void {
    this.status.progress[what]++;
  }

  note(text: string): void {
    if (!this.status.notes.includes(text) && this.status.notes.length < 100) this.status.notes.push(text);
  }

  setState(state: ImportState): void {
    this.status.state = state;
    this.tick(true);
  }

  private event(): ImportProgressEvent {
    const s = this.status;
    return { importId: s.importId, workspaceId: s.workspaceId, dryRun: s.dryRun, state: s.state, progress: { ...s.progress }, fraction: progressFraction(s.state, s.dryRun, s.progress) };
  }

  /** Saves and announces the progress, unless that was done less than PROGRESS_EVERY_MS ago. */
  tick(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastSent < PROGRESS_EVERY_MS) return;
    this.lastSent = now;
    const snapshot = JSON.parse(JSON.stringify(this.status)) as ImportStatus;
    this.announcer.importProgress(this.event());
    this.pending = this.pending.then(() => saveImportStatus(this.redis, this.config, snapshot)).catch(() => {});
  }

  async finish(state: ImportState, error: ImportStatus['error'] = null): Promise<void> {
    this.status.state = state;
    this.status.error = error;
    this.status.finishedAt = new Date().toISOString();
    await this.pending;
    await saveImportStatus(this.redis, this.config, this.status);
    this.announcer.importFinished({ ...this.event(), issueCount: this.status.issueCount, matchCount: this.status.matchCount, error });
  }
}
