/**
 * Prepares the database: applies the Cypher schema (idempotent) and loads the demo network once, into
 * the workspace "demo". The demo's changes go through the worker's apply path (applyBatch), so they are
 * in the change log like any other change, with actor "seed". A second run finds the workspace and
 * does nothing. Run alone: `tsx scripts/seed.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { Change } from '../domain/changes';
import type { Config } from '../api/infra/config';
import { createGraphDb, cypherDirOf, type GraphDb } from '../api/infra/neo4j';
import { applyBatch } from '../worker/apply-changes';
import { DEMO_WORKSPACE, demoNodes, demoRelationships } from './seed/demo-network';

export interface SeedResult {
  created: boolean;
  nodes: number;
  relationships: number;
}

const CHUNK = 500;

/** The demo network as change events: the workspace, then the nodes, then the links. */
export function demoChanges(workspaceId = DEMO_WORKSPACE.id, at = new Date().toISOString()): Change[] {
  const base = () => ({ id: randomUUID(), workspaceId, actor: 'seed', at });
  return [
    { ...base(), op: 'node:create', nodeType: 'Workspace', nodeId: workspaceId, props: DEMO_WORKSPACE.props },
    ...demoNodes.map((n): Change => ({ ...base(), op: 'node:create', nodeType: n.type, nodeId: n.id, props: n.props })),
    ...demoRelationships.map((r): Change => ({ ...base(), op: 'relationship:create', relType: r.type, relId: r.id, from: r.from, to: r.to, props: r.props ?? {} })),
  ];
}

/** Applies changes in order, in chunks; any rejection is an error (the demo data must be clean). */
export async function applyAll(db: GraphDb, changes: Change[]): Promise<void> {
  for (let i = 0; i < changes.length; i += CHUNK) {
    const outcomes = await applyBatch(db, changes.slice(i, i + CHUNK));
    const rejected = outcomes.flatMap((o) => ('rejected' in o ? [`${o.changeId}: ${o.rejected.code} ${o.rejected.reason}`] : []));
    if (rejected.length) throw new Error(`${rejected.length} seed changes were rejected, e.g.:\n  ${rejected.slice(0, 5).join('\n  ')}`);
  }
}

export async function seedDemo(config: Config, given?: GraphDb): Promise<SeedResult> {
  const db = given ?? createGraphDb(config);
  try {
    await db.applySchema(cypherDirOf(config));
    if (!config.SEED_DEMO) return { created: false, nodes: 0, relationships: 0 };
    // Complete when the workspace and every demo node are there; an interrupted seed is finished.
    const ids = [DEMO_WORKSPACE.id, ...demoNodes.map((n) => n.id)];
    const found = await db.read<{ type: string | null }>('entities-lookup', { ids, workspaceId: DEMO_WORKSPACE.id });
    if (found.every((f) => f.type)) return { created: false, nodes: 0, relationships: 0 };
    await applyAll(db, demoChanges());
    return { created: true, nodes: demoNodes.length, relationships: demoRelationships.length };
  } finally {
    if (!given) await db.close();
  }
}

if (require.main === module) {
  // Imported lazily so that importing this module never reads the environment.
  import('../api/infra/config').then(async ({ loadConfig }) => {
    const result = await seedDemo(loadConfig());
    process.stdout.write(result.created ? `seed: loaded the demo network (${result.nodes} nodes, ${result.relationships} links)\n` : 'seed: the demo network is already there\n');
  }).catch((err) => {
    process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
