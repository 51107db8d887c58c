/**
 * Import speed: a generated CSV of organisations (ä/ö/å names, ids, business ids, aliases) uploaded to
 * POST .../imports and imported end to end (read + check pass, then planned and applied through the
 * change pipeline: changes queue, worker batches, change log), timed from upload to "done"; then the
 * same file again (idempotent: nothing changes). Between the two the bench waits for the network
 * metrics the import scheduled (printed apart: they run after an import, in the background), so that
 * they do not slow the second one. API and worker run in this process, against an
 * embedded Neo4j of its own (own port, own data dir under .data/, wiped first) and Redis keys under a
 * prefix of its own (removed afterwards). Peak RSS is this process's (API + worker + upload).
 *
 *   npx tsx bench/import-speed.ts [--rows 100000] [--port 7717] [--heap 1g] [--warmup 20000] [--once]
 *
 * --warmup N first imports N rows into another workspace, unreported in the figures (0: none).
 * --once stops after the first import (no metrics wait, no second run): for profiling the import itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { ImportStatus } from '../domain/imports';
import { METRICS_QUEUE } from '../domain/jobs';
import { loadConfig, withOverrides } from '../api/infra/config';
import { createGraphDb, cypherDirOf } from '../api/infra/neo4j';
import { createRedis, redisOptions } from '../api/infra/redis';
import { startApiServer } from '../api/server';
import { startWorker } from '../worker/worker';
import { deleteKeys, keyPatternsOf } from '../scripts/services/redis-keys';
import { freshBenchNeo4j } from './fresh-neo4j';
import { monitorProcess } from './process-monitor';
import { arg, hasFlag } from './cli';

const ROWS = Number(arg('rows', '100000'));
const PORT = Number(arg('port', '7717'));
const HEAP = arg('heap', '1g');
const ONCE = hasFlag('once');
const WARMUP = Number(arg('warmup', '20000'));
const say = (s: string) => process.stdout.write(`${s}\n`);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

function writeCsv(file: string, ws: string, rows = ROWS) {
  const words = ['Ääne', 'Öljy', 'Åbo', 'Kierto', 'Akku', 'Metalli', 'Vety', 'Sähkö', 'Puu', 'Kaivos'];
  const kinds = ['company', 'consultancy', 'research_institute', 'development_company'];
  const lines = ['id;name;orgType;aliases;description'];
  for (let i = 0; i < rows; i++) {
    const name = `${words[i % 10]}${words[(i * 7) % 10].toLowerCase()} ${i} Oy`;
    lines.push(
      `org-${i}-${ws};${name};${kinds[i % 4]};${words[(i * 3) % 10]} ${i};Yritys numero ${i}, toimiala ${words[(i * 3) % 10].toLowerCase()}`,
    );
  }
  fs.writeFileSync(file, lines.join('\r\n'));
}

/** Uploads the file as an import of organisations and polls it to its end; prints the figures. */
async function timedImport(apiUrl: string, ws: string, file: string, label: string, rows: number): Promise<ImportStatus> {
  const monitor = monitorProcess();
  const t0 = performance.now();
  const res = await fetch(`${apiUrl}/api/v1/workspaces/${ws}/imports?entityType=Organisation`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: new Uint8Array(fs.readFileSync(file)),
  });
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const { importId } = (await res.json()) as ImportStatus;
  const uploaded = performance.now();
  let status: ImportStatus;
  let applyingAt: number | null = null;
  for (;;) {
    status = (await (await fetch(`${apiUrl}/api/v1/workspaces/${ws}/imports/${importId}`)).json()) as ImportStatus;
    if (status.state === 'applying' && applyingAt === null) applyingAt = performance.now();
    if (['done', 'rejected', 'failed'].includes(status.state)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const total = (performance.now() - t0) / 1000;
  const sample = monitor.stop();
  const p = status.progress;
  say(
    `${label}: ${status.state} in ${total.toFixed(1)} s = ${Math.round(rows / total)} rows/s ` +
      `(upload ${((uploaded - t0) / 1000).toFixed(1)} s, check pass ${applyingAt ? ((applyingAt - uploaded) / 1000).toFixed(1) : '-'} s, apply pass ${applyingAt ? ((performance.now() - applyingAt) / 1000).toFixed(1) : '-'} s); ` +
      `created ${p.created}, unchanged ${p.unchanged}, failed ${p.failed}; peak RSS ${mb(sample.rssPeak)} (start ${mb(sample.rssStart)}), heap peak ${mb(sample.heapPeak)}, machine busy ${sample.machineBusyPercent.toFixed(0)}%`,
  );
  if (status.state !== 'done') say(JSON.stringify(status.error ?? status.issues.slice(0, 5)));
  return status;
}

async function createWorkspace(apiUrl: string, id: string) {
  const created = await fetch(`${apiUrl}/api/v1/workspaces?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, name: 'Tuontitesti Åbo' }),
  });
  if (created.status !== 201) throw new Error(`workspace: ${created.status}`);
}

async function main() {
  const base = loadConfig();
  const neo4j = await freshBenchNeo4j(base, 'import-speed-neo4j', PORT, HEAP);
  const tmp = path.join(base.DATA_DIR, 'import-speed-tmp');
  const config = withOverrides(base, {
    NEO4J_URI: neo4j.uri,
    PORT: 0,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: `verkosto-bench-import-${randomUUID().slice(0, 8)}`,
    IMPORT_DIR: tmp,
  });
  const db = createGraphDb(config);
  await db.applySchema(cypherDirOf(config));
  await db.close();
  const worker = await startWorker(config);
  const api = await startApiServer(config);
  try {
    const ws = `bench-import-${randomUUID().slice(0, 8)}`;
    await createWorkspace(api.url, ws);
    fs.mkdirSync(tmp, { recursive: true });
    const file = path.join(tmp, 'organisations.csv');
    writeCsv(file, ws);
    const size = fs.statSync(file).size;
    say(`import-speed: ${ROWS} rows, ${mb(size)} CSV, Neo4j ${neo4j.uri} (heap ${HEAP}), worker BATCH_MAX ${config.BATCH_MAX}`);

    if (WARMUP > 0) {
      // A fresh JVM runs Neo4j's write path interpreted at first (the first 20,000 creates cost several
      // times what later ones do): warm it with an import of its own, as a running server would be.
      const warm = `${ws}-warmup`;
      await createWorkspace(api.url, warm);
      const warmFile = path.join(tmp, 'warm-up.csv');
      writeCsv(warmFile, warm, WARMUP);
      const status = await timedImport(
        api.url,
        warm,
        warmFile,
        `warm-up (${WARMUP} rows into a workspace of its own, not counted)`,
        WARMUP,
      );
      if (status.state !== 'done') throw new Error(`warm-up import: ${status.state}`);
      await dropScheduledMetrics(config); // its metrics run would overlap the measured import
    }
    for (const label of ONCE ? ['first import'] : ['first import', 'same file again']) {
      await timedImport(api.url, ws, file, label, ROWS);
      if (ONCE) break;
      const m0 = performance.now();
      await metricsSettled(config);
      say(`  then the metrics of the workspace: ${((performance.now() - m0) / 1000).toFixed(1)} s (background, not in the import's time)`);
    }
  } finally {
    await api.close();
    await worker.close();
    const redis = createRedis(config);
    await deleteKeys(redis, keyPatternsOf(config.REDIS_PREFIX));
    redis.disconnect();
    await neo4j.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Removes the metrics runs waiting or scheduled (the warm-up import's). */
async function dropScheduledMetrics(config: ReturnType<typeof loadConfig>) {
  const queue = new Queue(METRICS_QUEUE, { connection: redisOptions(config, 'blocking'), prefix: config.REDIS_PREFIX });
  try {
    await queue.drain(true);
  } finally {
    await queue.close();
  }
}

/** Waits until the metrics queue has nothing waiting, delayed or running (the import scheduled a run). */
async function metricsSettled(config: ReturnType<typeof loadConfig>) {
  const queue = new Queue(METRICS_QUEUE, { connection: redisOptions(config, 'blocking'), prefix: config.REDIS_PREFIX });
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active');
      if (counts.waiting + counts.delayed + counts.active === 0 || Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await queue.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
