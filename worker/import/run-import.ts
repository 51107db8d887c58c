/**
 * One import, start to end. Pass 1 streams the file, checks every row (schema, formulas, HTML, ids,
 * link ends) and plans it, storing nothing: a dry run ends here with its report; a real import with
 * bad rows ends here too ("rejected", nothing stored) unless skipBad. Pass 2 streams the file again,
 * plans the same way and feeds the changes through the change pipeline in big jobs. The file is
 * never whole in memory (CSV, XLSX, GraphML and GEXF stream; JSON is read whole under a size limit).
 */
import fs from 'node:fs';
import type { Redis } from 'ioredis';
import type { ImportJobData, ImportStatus } from '../../domain/imports';
import type { Config } from '../../api/infra/config';
import type { GraphDb } from '../../api/infra/neo4j';
import { loadImportStatus, queuedStatus } from '../../api/infra/import-status';
import type { Announcer } from '../announce';
import type { ChangeFeed, FeedOutcome } from './change-feed';
import { ImportPlanner, type PlannedChange } from './planner';
import { ImportFileError, type RawItem } from './raw-items';
import { readCsv, sniffDelimiter } from './read-csv';
import { readJsonGraph, readXmlGraph } from './read-graph-files';
import { readXlsx } from './read-xlsx';
import { ImportReporter } from './reporter';
import { RowShaper, type NodeRow, type RelationshipRow } from './rows';

/** Rows planned (and, when applying, submitted as one job) together. */
const CHUNK = 2000;

export interface ImportDeps {
  config: Config;
  db: GraphDb;
  redis: Redis;
  announcer: Announcer;
  /** A feed of changes into the pipeline, reporting outcomes to the given callback. */
  feed(onDone: (outcome: FeedOutcome) => void): ChangeFeed;
}

async function* rawItems(job: ImportJobData, config: Config, onStream: (s: fs.ReadStream) => void): AsyncGenerator<RawItem> {
  const open = () => {
    const stream = fs.createReadStream(job.filePath, { highWaterMark: 256 * 1024 });
    onStream(stream);
    return stream;
  };
  switch (job.format) {
    case 'csv':
      return yield* readCsv(open(), await sniffDelimiter(job.filePath));
    case 'xlsx':
      return yield* readXlsx(job.filePath, job.entityType !== undefined);
    case 'json':
      return yield* readJsonGraph(job.filePath, config.IMPORT_JSON_MAX_BYTES);
    case 'graphml':
    case 'gexf':
      return yield* readXmlGraph(open(), job.format);
  }
}

/** Reads the file once, planning each chunk of good rows; `apply` receives the planned changes. */
async function pass(job: ImportJobData, deps: ImportDeps, reporter: ImportReporter, apply: ((p: PlannedChange[]) => Promise<void>) | null, beforeLinks: () => Promise<void>) {
  const progress = reporter.status.progress;
  const shaper = new RowShaper({ entityType: job.entityType, mapping: job.mapping }, (t) => reporter.note(t));
  const planner = new ImportPlanner(deps.db, job.workspaceId, job.actor, reporter);
  let stream: fs.ReadStream | null = null;
  let nodes: NodeRow[] = [];
  let links: RelationshipRow[] = [];
  let linksStarted = false;
  const counting = apply === null;

  const flushNodes = async () => {
    if (!nodes.length) return;
    const chunk = nodes;
    nodes = [];
    const planned = await planner.planNodes(chunk);
    if (apply) await apply(planned);
    if (!counting) progress.rowsApplied += chunk.length - planned.length;
  };
  const flushLinks = async () => {
    if (!links.length) return;
    const chunk = links;
    links = [];
    if (!linksStarted) {
      linksStarted = true;
      await beforeLinks();
    }
    const planned = await planner.planRelationships(chunk);
    if (apply) await apply(planned);
    if (!counting) progress.rowsApplied += chunk.length - planned.length;
  };

  for await (const item of rawItems(job, deps.config, (s) => (stream = s))) {
    if (item.kind === 'header') {
      if (counting) reporter.columns(item.sheet, item.headers);
      shaper.header(item);
      continue;
    }
    const row = shaper.row(item);
    if (counting) progress.rowsRead++;
    if (row.kind === 'bad') {
      for (const issue of row.issues) reporter.issue(issue);
    } else if (row.kind === 'node') {
      // Links may name nodes of earlier rows: nodes are planned before the links that follow them.
      if (links.length) await flushLinks();
      nodes.push(row);
      if (nodes.length >= CHUNK) await flushNodes();
    } else {
      if (nodes.length) await flushNodes();
      links.push(row);
      if (links.length >= CHUNK) await flushLinks();
    }
    if (counting) progress.rowsValid = progress.rowsRead - progress.rowsBad;
    progress.bytesRead = (stream as fs.ReadStream | null)?.bytesRead ?? progress.bytesRead;
    reporter.tick();
  }
  await flushNodes();
  await flushLinks();
  progress.bytesRead = progress.bytesTotal;
  if (counting) progress.rowsValid = progress.rowsRead - progress.rowsBad;
}

export async function runImport(job: ImportJobData, deps: ImportDeps): Promise<ImportStatus> {
  const status = (await loadImportStatus(deps.redis, deps.config, job.importId)) ?? queuedStatus(job);
  const reporter = new ImportReporter(status, deps.redis, deps.config, deps.announcer);
  try {
    reporter.setState('validating');
    await pass(job, deps, reporter, null, async () => {});
    if (status.progress.rowsRead === 0) throw new ImportFileError('NO_ROWS', 'The file has no rows to import');
    if (job.dryRun) return await done(reporter, status.issueCount > 0 ? 'rejected' : 'done');
    if (status.issueCount > 0 && !job.skipBad) {
      reporter.note('Nothing was stored: correct the rows listed (or import with skipBad to store the good rows only).');
      return await done(reporter, 'rejected');
    }

    // Pass 2: the same planning, now applied. Counts of what happened start again from zero.
    Object.assign(status.progress, { created: 0, updated: 0, unchanged: 0, matched: 0, rowsApplied: 0, bytesRead: 0 });
    status.matches = [];
    status.matchCount = 0;
    reporter.collectIssues = false;
    reporter.setState('applying');
    const feed = deps.feed((outcome) => {
      status.progress.rowsApplied += outcome.applied;
      for (const f of outcome.failed) reporter.applyFailure({ row: f.row, sheet: f.sheet, reason: f.reason });
      status.progress.rowsApplied += outcome.failed.length;
      reporter.tick();
    });
    await pass(job, deps, reporter, (planned) => feed.submit(planned), () => feed.drain());
    await feed.drain();
    return await done(reporter, 'done');
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    if (err.issue) reporter.issue({ ...err.issue, reason: err.message });
    await reporter.finish('failed', { code: err.code, message: err.message });
    return status;
  }
}

async function done(reporter: ImportReporter, state: 'done' | 'rejected'): Promise<ImportStatus> {
  await reporter.finish(state);
  return reporter.status;
}
