/**
 * The ceiling under the import: how many organisation nodes per second this machine's Neo4j takes
 * through the import's own create query (cypher/queries/import-nodes-create.cypher, chunks of 2,000,
 * the schema's constraints and indexes), with nothing else running: no file to read or check, no
 * worker, change log or socket events. One write stream (how the worker applies changes: one
 * transaction at a time) and two or three streams side by side. Against an embedded Neo4j of its own
 * (fresh data dir under .data/), warmed with one unreported round first.
 *
 *   npx tsx bench/write-ceiling.ts [--nodes 40000] [--port 7721] [--heap 1g]
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { changeHeader } from '../api/commands/submit-changes';
import { loadConfig, withOverrides } from '../api/infra/config';
import { createGraphDb, cypherDirOf } from '../api/infra/neo4j';
import { applyBatch } from '../worker/apply-changes';
import { freshBenchNeo4j } from './fresh-neo4j';
import { arg } from './cli';

const NODES = Number(arg('nodes', '40000'));
const PORT = Number(arg('port', '7721'));
const HEAP = arg('heap', '1g');
const CHUNK = 2000;
const say = (s: string) => process.stdout.write(`${s}\n`);

async function main() {
  const base = loadConfig();
  const neo4j = await freshBenchNeo4j(base, 'write-ceiling-neo4j', PORT, HEAP);
  const db = createGraphDb(withOverrides(base, { NEO4J_URI: neo4j.uri }));
  try {
    await db.applySchema(cypherDirOf(base));
    const workspaceId = `ceiling-${randomUUID().slice(0, 8)}`;
    const at = new Date().toISOString();
    // The workspace through the worker's own path, as every other write.
    const [made] = await applyBatch(db, [{ ...changeHeader({ workspaceId, actor: 'bench' }, randomUUID(), {}, at), op: 'node:create', nodeType: 'Workspace', nodeId: workspaceId, props: { name: 'Kirjoitusraja Åbo' } }]);
    if (!('applied' in made)) throw new Error(`workspace: ${JSON.stringify(made)}`);
    let next = 0;
    const stream = async (nodes: number) => {
      for (let done = 0; done < nodes; done += CHUNK) {
        const rows = Array.from({ length: Math.min(CHUNK, nodes - done) }, () => {
          const i = next++;
          return { nodeType: 'Organisation', nodeId: `ceiling-${workspaceId}-${i}`, props: { name: `Äänekosken Kierto ${i} Oy`, orgType: 'company', aliases: [`Åbo Öljy ${i}`], description: `Yritys numero ${i}, toimiala kierto` } };
        });
        await db.transaction('WRITE', (tx) => tx.run('import-nodes-create', { workspaceId, at, rows }));
      }
    };
    const round = async (streams: number) => {
      const t0 = performance.now();
      await Promise.all(Array.from({ length: streams }, () => stream(Math.ceil(NODES / streams))));
      return (performance.now() - t0) / 1000;
    };
    say(`write-ceiling: ${NODES} organisations per round, chunks of ${CHUNK}, Neo4j ${neo4j.uri} (heap ${HEAP})`);
    await round(1); // warm-up: a fresh JVM runs the write path interpreted at first
    for (const streams of [1, 2, 3]) {
      const s = await round(streams);
      say(`${streams} stream${streams > 1 ? 's' : ''}: ${s.toFixed(2)} s = ${Math.round(NODES / s)} nodes/s`);
    }
  } finally {
    await db.close();
    await neo4j.stop();
    fs.rmSync(neo4j.dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
