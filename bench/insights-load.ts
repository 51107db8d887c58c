/**
 * Loads the generated workspace of bench/insights-scale.ts into Neo4j.
 *
 *  - `worker`: through the worker's own applyBatch (node-create / relationship-create queries, change
 *    log included), in big batches: the exact path of a change, but slow for 600,000 changes on a
 *    shared 2-core machine.
 *  - `direct` (default): the same node and relationship shape the worker's queries write (:Entity plus
 *    the type label, id, version 1, createdAt/updatedAt, aliasText/searchText for the full-text
 *    indexes, IN_WORKSPACE; links with id, createdAt/updatedAt and their properties) with plain
 *    UNWIND … CREATE, but without the change-log entries and the per-row checks. The workspace node
 *    itself is created through applyBatch. Bench-only Cypher, kept here rather than in cypher/queries.
 */
import type { Change } from '../domain/changes';
import type { GraphDb } from '../api/infra/neo4j';
import { toNeo4jProps } from '../api/infra/mapper';
import { applyBatch } from '../worker/apply-changes';

export type LoadMode = 'direct' | 'worker';

const NODES = `
UNWIND $rows AS row
MATCH (w:Workspace {id: $workspaceId})
CREATE (n:Entity {id: row.nodeId})
SET n:$(row.nodeType), n += row.props, n.createdAt = datetime(row.at), n.updatedAt = datetime(row.at), n.version = 1
SET n.aliasText = reduce(s = '', a IN coalesce(n.aliases, []) | s + a + ' ')
SET n.searchText = n.name + ' ' + coalesce(n.nameEn, '') + ' ' + coalesce(n.nameSv, '') + ' ' + n.aliasText
CREATE (n)-[:IN_WORKSPACE]->(w)`;

const LINKS = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.relType) {id: row.relId}]->(b)
SET r += row.props, r.createdAt = datetime(row.at), r.updatedAt = datetime(row.at)`;

async function rejectedOf(outcomes: Awaited<ReturnType<typeof applyBatch>>): Promise<void> {
  const bad = outcomes.filter((o) => 'rejected' in o);
  if (bad.length) throw new Error(`${bad.length} changes were rejected, e.g. ${JSON.stringify(bad[0])}`);
}

/** Loads the changes (node creates first, then link creates) and returns the time taken per part. */
export async function loadChanges(db: GraphDb, database: string, mode: LoadMode, nodes: Change[], links: Change[], batch: number, progress: (line: string) => void): Promise<{ nodesMs: number; linksMs: number }> {
  const t0 = performance.now();
  const [workspace, ...rest] = nodes;
  await rejectedOf(await applyBatch(db, [workspace]));
  const run = async (changes: Change[], what: string, write: (slice: Change[]) => Promise<void>) => {
    for (let i = 0; i < changes.length; i += batch) {
      await write(changes.slice(i, i + batch));
      const done = Math.min(changes.length, i + batch);
      if (done % (batch * 10) === 0 || done === changes.length) progress(`  ${what}: ${done.toLocaleString('en-US')} / ${changes.length.toLocaleString('en-US')}`);
    }
  };
  const viaWorker = async (slice: Change[]) => rejectedOf(await applyBatch(db, slice));
  const session = db.driver.session({ database });
  try {
    const direct = (query: string, toRow: (c: Change) => Record<string, unknown>) => async (slice: Change[]) => {
      await session.executeWrite((tx) => tx.run(query, { workspaceId: workspace.workspaceId, rows: slice.map(toRow) }));
    };
    await run(rest, 'nodes', mode === 'worker' ? viaWorker : direct(NODES, (c) => (c.op === 'node:create' ? { nodeType: c.nodeType, nodeId: c.nodeId, props: toNeo4jProps(c.props), at: c.at } : {})));
    const nodesMs = performance.now() - t0;
    await run(links, 'links', mode === 'worker' ? viaWorker : direct(LINKS, (c) => (c.op === 'relationship:create' ? { relType: c.relType, relId: c.relId, from: c.from, to: c.to, props: toNeo4jProps(c.props), at: c.at } : {})));
    return { nodesMs, linksMs: performance.now() - t0 - nodesMs };
  } finally {
    await session.close();
  }
}
