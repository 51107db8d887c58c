/**
 * Speed of the workspace duplicates list (GET …/duplicates, api/services/duplicate-pairs.ts).
 *
 *   npx tsx bench/duplicates-list.ts [--n 10000] [--seed 11] [--variants 300] [--neo4j]
 *
 * 1. In process, no services: the demo's organisations and people, and a generated pool of --n
 *    organisation names (test/fixtures/org-name-pool.ts) with --variants near-duplicates planted (case,
 *    legal form, one typo, a word dropped): time to build the matcher's candidate index and list the
 *    pairs, how many planted pairs are found, and what comparing all pairs would cost (scorePair on a
 *    sample of pairs, times n(n-1)/2).
 * 2. --neo4j (NEO4J_URI etc. from the environment, as for the API): the service on the stored demo
 *    workspace (seeded if missing), and on a workspace of the same --n generated organisations written
 *    through the worker's apply path; cold (read + compute) and cached. The bench workspace and its
 *    change log are deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { findDuplicatePairs } from '../api/services/duplicate-pairs';
import { scorePair, type EntityRecord } from '../domain/matching';
import { mulberry32, type Rng } from '../domain/random';
import { seedNodes } from '../scripts/seed';
import { generateOrgPool } from '../test/fixtures/org-name-pool';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const n = Number(arg('n', '10000'));
const seed = Number(arg('seed', '11'));
const variantCount = Number(arg('variants', '300'));

const ms = (t0: number) => Math.round(performance.now() - t0);

/** A near-duplicate of a name: another case, without the legal form, one typo, or a word dropped. */
function variantOf(name: string, rng: Rng): string {
  const kind = Math.floor(rng() * 4);
  if (kind === 0) return name.toLowerCase();
  if (kind === 1) return name.replace(/\s+(Oy|Oyj|Ab|AB|Ky|Ay|Tmi|Ltd|ry)$/i, '') || name.toUpperCase();
  if (kind === 2) {
    const i = 1 + Math.floor(rng() * Math.max(1, name.length - 2));
    return name.slice(0, i) + name.slice(i + 1);
  }
  const words = name.split(' ');
  return words.length > 2 ? words.filter((_, i) => i !== 1).join(' ') : name.toUpperCase();
}

function generated(): { records: EntityRecord[]; planted: [string, string][] } {
  const rng = mulberry32(seed);
  const records: EntityRecord[] = generateOrgPool(n - variantCount, seed);
  const planted: [string, string][] = [];
  for (let i = 0; i < variantCount; i++) {
    const original = records[Math.floor(rng() * (n - variantCount))];
    const id = `variant-${i}`;
    records.push({ id, type: 'Organisation', name: variantOf(original.name, rng) });
    planted.push([original.id, id]);
  }
  return { records, planted };
}

function inProcess() {
  const demoOf = (type: 'Organisation' | 'Person') =>
    seedNodes.filter((x) => x.type === type).map((x) => ({ id: x.id, type, ...(x.props as Omit<EntityRecord, 'id'>) }));
  for (const type of ['Organisation', 'Person'] as const) {
    const records = demoOf(type);
    const t0 = performance.now();
    const pairs = findDuplicatePairs(records, type, { minScore: 0.75 });
    console.log(`demo ${type}: ${records.length} records, ${pairs.length} pairs at >= 0.75 in ${ms(t0)} ms`);
  }

  const { records, planted } = generated();
  const byId = new Map(records.map((r) => [r.id, r]));
  const reachable = planted.filter(([a, b]) => scorePair({ ...byId.get(a)! }, { ...byId.get(b)! }).score >= 0.75).length;
  const scored = Number(arg('scored', '0')) || undefined;
  const t0 = performance.now();
  const pairs = findDuplicatePairs(records, 'Organisation', { minScore: 0.5, ...(scored && { scoredPerRecord: scored }) });
  const took = ms(t0);
  const at75 = pairs.filter((p) => p.score >= 0.75);
  const found = new Set(at75.map((p) => `${p.a.id}\n${p.b.id}`));
  const hit = planted.filter(([a, b]) => found.has(a < b ? `${a}\n${b}` : `${b}\n${a}`)).length;
  console.log(
    `generated: ${records.length} organisations (${variantCount} planted near-duplicates): index + pairs in ${took} ms; ` +
      `${pairs.length} pairs at >= 0.5, ${at75.length} at >= 0.75; planted pairs found at >= 0.75: ${hit} of the ${reachable} (of ${planted.length}) that score >= 0.75 when compared directly; heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`,
  );

  // All pairs, estimated from a sample: each scorePair on fresh objects (no preparation cached).
  const rng = mulberry32(seed + 1);
  const sample = 20_000;
  const t1 = performance.now();
  for (let i = 0; i < sample; i++) {
    const a = records[Math.floor(rng() * records.length)];
    const b = records[Math.floor(rng() * records.length)];
    scorePair({ ...a }, { ...b });
  }
  const perPair = (performance.now() - t1) / sample;
  const allPairs = (records.length * (records.length - 1)) / 2;
  console.log(
    `all pairs instead: ${allPairs.toLocaleString('en')} comparisons × ${(perPair * 1000).toFixed(1)} µs ≈ ${Math.round((allPairs * perPair) / 1000)} s (estimated from ${sample} sampled pairs)`,
  );
  return records;
}

async function stored(records: EntityRecord[]) {
  const { loadConfig } = await import('../api/infra/config');
  const { createGraphDb } = await import('../api/infra/neo4j');
  const { GraphReads } = await import('../api/services/graph-reads');
  const { DuplicatePairs } = await import('../api/services/duplicate-pairs');
  const { seedDemo } = await import('../scripts/seed');
  const { applyBatch } = await import('../worker/apply-changes');
  const config = loadConfig();
  const db = createGraphDb(config);
  const reads = new GraphReads(db);
  const timeList = async (label: string, ws: string, type: 'Organisation' | 'Person') => {
    const service = new DuplicatePairs(db, reads);
    // The API's event loop must stay free meanwhile (large workspaces are computed in a thread).
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let t0 = performance.now();
    const cold = await service.list(ws, type, 0.75, 500);
    const coldMs = ms(t0);
    loop.disable();
    t0 = performance.now();
    await service.list(ws, type, 0.75, 500);
    console.log(
      `stored ${label} ${type}: ${cold?.records} records, ${cold?.total} pairs; cold (read + compute) ${coldMs} ms (longest event-loop stall ${Math.round(loop.max / 1e6)} ms), cached ${ms(t0)} ms`,
    );
  };
  const ws = `bench-duplicates-${randomUUID().slice(0, 8)}`;
  try {
    await seedDemo(config, db);
    await timeList('demo', 'demo', 'Organisation');
    await timeList('demo', 'demo', 'Person');

    const at = new Date().toISOString();
    const base = () => ({ id: randomUUID(), workspaceId: ws, actor: 'bench', at });
    await applyBatch(db, [{ ...base(), op: 'node:create', nodeType: 'Workspace', nodeId: ws, props: { name: 'Bench: duplicates' } }]);
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += 1000) {
      await applyBatch(
        db,
        records
          .slice(i, i + 1000)
          .map((r) => ({
            ...base(),
            op: 'node:create',
            nodeType: 'Organisation',
            nodeId: `${ws}-${r.id}`,
            props: { name: r.name, orgType: 'company' },
          })),
      );
    }
    console.log(`stored ${records.length} generated organisations in ${ms(t0)} ms`);
    await timeList(`${records.length}-organisation`, ws, 'Organisation');
  } finally {
    // The bench workspace, its nodes and its change log; nothing else (CALL … IN TRANSACTIONS needs an
    // implicit transaction: session.run).
    const session = db.driver.session();
    try {
      await session.run(
        'MATCH (n:Entity)-[:IN_WORKSPACE]->(:Workspace {id: $ws}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS',
        { ws },
      );
      await session.run('MATCH (c:Change {workspaceId: $ws}) CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 2000 ROWS', { ws });
      await session.run('MATCH (w:Workspace {id: $ws}) DETACH DELETE w', { ws });
    } finally {
      await session.close();
    }
    await db.close();
  }
}

async function main() {
  const records = inProcess();
  if (process.argv.includes('--neo4j')) await stored(records);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
