/**
 * One import, start to end. The checking pass streams the file, checks every row (schema, formulas,
 * HTML, ids, link ends) and plans it, storing nothing in the graph: a dry run ends here with its report;
 * a real import with bad rows ends here too ("rejected", nothing stored) unless skipBad. A real import
 * writes the plan to a file beside the upload as it goes (spill.ts), and the applying pass feeds it,
 * chunk by chunk, through the change pipeline: one 'import:chunk' change per chunk (change-feed.ts).
 * Neither the file nor the plan is ever whole in memory (CSV, XLSX, GraphML and GEXF stream; JSON is
 * read whole under a size limit).
 */
import fs from 'node:fs';
import type { Redis } from 'ioredis';
import type { ImportJobData, ImportStatus } from '../../domain/imports';
import type { Config } from '../../api/infra/config';
import type { GraphDb } from '../../api/infra/neo4j';
import { loadImportStatus, queuedStatus } from '../../api/infra/import-status';
import type { Announcer } from '../announce';
import type { ChangeFeed, FeedOutcome } from './change-feed';
import { ImportPlanner } from './planner';
import { ImportFileError, type RawItem } from './raw-items';
import { readCsv, sniffDelimiter } from './read-csv';
import { readJsonGraph, readXmlGraph } from './read-graph-files';
import { readXlsx } from './read-xlsx';
import { ImportReporter } from './reporter';
import { RowShaper, type NodeRow, type RelationshipRow } from './rows';
import { CHUNK_ROWS, PlanSpill } from './spill';

export interface ImportDeps {
  config: Config;
  db: GraphDb;
  redis: Redis;
  announcer: Announcer;
  /** The workspace's network metrics are due (once an import has applied something). */
  scheduleMetrics(workspaceId: string): Promise<void>;
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

/** Reads the file once, checking and planning each chunk of good rows; the plan goes to `spill` (none in a dry run). */
async function checkAndPlan(job: ImportJobData, deps: ImportDeps, reporter: ImportReporter, spill: PlanSpill | null) {
  const progress = reporter.status.progress;
  const shaper = new RowShaper({ entityType: job.entityType, mapping: job.mapping }, (t) => reporter.note(t));
  const planner = new ImportPlanner(deps.db, job.workspaceId, reporter);
  let stream: fs.ReadStream | null = null;
  let nodes: NodeRow[] = [];
  let links: RelationshipRow[] = [];

  // Chunks are planned one after another, in file order, while the file is read on: reading waits
  // only for the chunk before the one just flushed, and a node chunk's lookup starts at once.
  let planning: Promise<void> = Promise.resolve();
  const plan = async (step: () => Promise<void>) => {
    const previous = planning;
    planning = previous.then(step);
    planning.catch(() => {}); // a failure surfaces at the next await of `planning`
    await previous;
  };
  const flushNodes = async () => {
    if (!nodes.length) return;
    const chunk = nodes;
    nodes = [];
    const stored = planner.storedFor(chunk);
    stored.catch(() => {}); // awaited in turn below
    await plan(async () => {
      const planned = await planner.planNodes(chunk, await stored);
      await spill?.addNodes(planned);
    });
  };
  const flushLinks = async () => {
    if (!links.length) return;
    const chunk = links;
    links = [];
    await plan(async () => {
      const planned = await planner.planRelationships(chunk);
      await spill?.addLinks(planned);
    });
  };

  for await (const item of rawItems(job, deps.config, (s) => (stream = s))) {
    if (item.kind === 'header') {
      reporter.columns(item.sheet, item.headers);
      shaper.header(item);
      continue;
    }
    const row = shaper.row(item);
    progress.rowsRead++;
    if (row.kind === 'bad') {
      for (const issue of row.issues) reporter.issue(issue);
    } else if (row.kind === 'node') {
      // Links may name nodes of earlier rows: nodes are planned before the links that follow them.
      if (links.length) await flushLinks();
      nodes.push(row);
      if (nodes.length >= CHUNK_ROWS) await flushNodes();
    } else {
      if (nodes.length) await flushNodes();
      links.push(row);
      if (links.length >= CHUNK_ROWS) await flushLinks();
    }
    progress.rowsValid = progress.rowsRead - progress.rowsBad;
    progress.bytesRead = (stream as fs.ReadStream | null)?.bytesRead ?? progress.bytesRead;
    reporter.tick();
  }
  await flushNodes();
  await flushLinks();
  await planning;
  progress.bytesRead = progress.bytesTotal;
  progress.rowsValid = progress.rowsRead - progress.rowsBad;
}

/** Feeds the plan through the change pipeline; rows that needed nothing count as applied from the start. */
async function applyPlan(spill: PlanSpill, deps: ImportDeps, reporter: ImportReporter): Promise<void> {
  const progress = reporter.status.progress;
  progress.rowsApplied = Math.max(0, progress.rowsValid - spill.plannedRows);
  reporter.tick();
  const feed = deps.feed((outcome) => {
    progress.rowsApplied += outcome.applied + outcome.failed.length;
    for (const f of outcome.failed) {
      reporter.applyFailure({ row: f.row, sheet: f.sheet, reason: f.reason });
      progress[f.update ? 'updated' : 'created']--;
    }
    reporter.tick();
  });
  let nodesQueued = false;
  for await (const { chunk, text } of spill.chunks()) {
    // Links may need the nodes of the chunks before them: those are applied first.
    if (chunk.links.length && nodesQueued) await feed.drain();
    nodesQueued = chunk.nodes.length > 0;
    await feed.submit(chunk, text);
  }
  await feed.drain();
}

export async function runImport(job: ImportJobData, deps: ImportDeps): Promise<ImportStatus> {
  const status = (await loadImportStatus(deps.redis, deps.config, job.importId)) ?? queuedStatus(job);
  const reporter = new ImportReporter(status, deps.redis, deps.config, deps.announcer);
  const spill = job.dryRun ? null : new PlanSpill(`${job.filePath}.plan.jsonl`);
  try {
    reporter.setState('validating');
    await checkAndPlan(job, deps, reporter, spill);
    await spill?.close();
    if (status.progress.rowsRead === 0) throw new ImportFileError('NO_ROWS', 'The file has no rows to import');
    if (!spill) return await done(reporter, status.issueCount > 0 ? 'rejected' : 'done'); // a dry run
    if (status.issueCount > 0 && !job.skipBad) {
      reporter.note('Nothing was stored: correct the rows listed (or import with skipBad to store the good rows only).');
      return await done(reporter, 'rejected');
    }

    reporter.setState('applying');
    await applyPlan(spill, deps, reporter);
    if (spill.plannedRows > 0) await deps.scheduleMetrics(job.workspaceId).catch(() => {}); // metrics lag; the import is done
    return await done(reporter, 'done');
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    if (err.issue) reporter.issue({ ...err.issue, reason: err.message });
    await reporter.finish('failed', { code: err.code, message: err.message });
    return status;
  } finally {
    await spill?.remove();
  }
}

async function done(reporter: ImportReporter, state: 'done' | 'rejected'): Promise<ImportStatus> {
  await reporter.finish(state);
  return reporter.status;
}
