/**
 * Prepares the database: applies the Cypher schema (idempotent) and loads the demo network once, into
 * the workspace "demo", with the theme taxonomy of domain/themes/taxonomy.ts (its themes and PART_OF
 * links that the demo lacks). The demo's changes go through the worker's apply path (applyBatch), so
 * they are in the change log like any other change, with actor "seed". Only what is missing is added:
 * a second run finds everything and does nothing, and a database seeded before the taxonomy existed
 * gets just the taxonomy. Run alone: `tsx scripts/seed.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { Change } from '../domain/changes';
import type { Config } from '../api/infra/config';
import { createGraphDb, cypherDirOf, type GraphDb } from '../api/infra/neo4j';
import { applyBatch } from '../worker/apply-changes';
import { taxonomySeedNodes, taxonomySeedRelationships } from '../domain/themes/taxonomy';
import { DEMO_WORKSPACE, demoNodes, demoRelationships, type SeedNode, type SeedRelationship } from './seed/demo-network';
import { skillsOrganisations, skillsRelationships } from './seed/demo-skills';
import { symbiosisOrganisations, symbiosisRelationships, symbiosisStreams } from './seed/demo-symbiosis';

export interface SeedResult {
  created: boolean;
  nodes: number;
  relationships: number;
}

const CHUNK = 500;

const demoNodeIds = new Set(demoNodes.map((n) => n.id));
const demoRelIds = new Set(demoRelationships.map((r) => r.id));

/** The taxonomy's themes the demo does not seed itself (the demo's own keep their demo fields). */
export const taxonomyNodes: SeedNode[] = taxonomySeedNodes()
  .filter((n) => !demoNodeIds.has(n.id))
  .map((n) => ({ type: n.type, id: n.id, props: n.props as Record<string, unknown> }));
/** The taxonomy's PART_OF links the demo lacks (same id scheme, so the demo's own are recognised). */
export const taxonomyRelationships: SeedRelationship[] = taxonomySeedRelationships().filter((r) => !demoRelIds.has(r.id));

/**
 * Every node and link the seed loads: the demo network, the rest of the theme taxonomy, and the
 * illustrative skills needs and training offers of the Battery Region (seed/demo-skills.ts; kept apart
 * from the sourced demo facts), and the illustrative Kemi-Tornio industrial symbiosis (seed/demo-symbiosis.ts).
 */
export const seedNodes: SeedNode[] = [...demoNodes, ...skillsOrganisations, ...symbiosisOrganisations, ...symbiosisStreams, ...taxonomyNodes];
export const seedRelationships: SeedRelationship[] = [...demoRelationships, ...taxonomyRelationships, ...skillsRelationships, ...symbiosisRelationships];

/**
 * The demo network as change events: the workspace, then the nodes, then the links (by default all of
 * them; the seed passes only the missing ones).
 */
export function demoChanges(
  workspaceId = DEMO_WORKSPACE.id,
  at = new Date().toISOString(),
  { withWorkspace = true, nodes = seedNodes, relationships = seedRelationships }: { withWorkspace?: boolean; nodes?: SeedNode[]; relationships?: SeedRelationship[] } = {},
): Change[] {
  const base = () => ({ id: randomUUID(), workspaceId, actor: 'seed', at });
  return [
    ...(withWorkspace ? [{ ...base(), op: 'node:create', nodeType: 'Workspace', nodeId: workspaceId, props: DEMO_WORKSPACE.props } as Change] : []),
    ...nodes.map((n): Change => ({ ...base(), op: 'node:create', nodeType: n.type, nodeId: n.id, props: n.props })),
    ...relationships.map((r): Change => ({ ...base(), op: 'relationship:create', relType: r.type, relId: r.id, from: r.from, to: r.to, props: r.props ?? {} })),
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
    // Only what is missing: an interrupted seed is finished, an older demo gets the taxonomy.
    const ids = [DEMO_WORKSPACE.id, ...seedNodes.map((n) => n.id)];
    const found = await db.read<{ id: string; type: string | null }>('entities-lookup', { ids, workspaceId: DEMO_WORKSPACE.id });
    const present = new Set(found.filter((f) => f.type).map((f) => f.id));
    const links = await db.read<{ id: string }>('relationship-ends', { relIds: seedRelationships.map((r) => r.id) });
    const linked = new Set(links.map((l) => l.id));
    const nodes = seedNodes.filter((n) => !present.has(n.id));
    const relationships = seedRelationships.filter((r) => !linked.has(r.id));
    const withWorkspace = !present.has(DEMO_WORKSPACE.id);
    if (!withWorkspace && !nodes.length && !relationships.length) return { created: false, nodes: 0, relationships: 0 };
    await applyAll(db, demoChanges(DEMO_WORKSPACE.id, new Date().toISOString(), { withWorkspace, nodes, relationships }));
    return { created: true, nodes: nodes.length, relationships: relationships.length };
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
