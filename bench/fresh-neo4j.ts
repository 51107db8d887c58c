/**
 * A bench's own embedded Neo4j on a fresh data dir (`.data/<name>`, wiped first), never one that runs
 * already: the port must be free.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../api/infra/config';
import { portAnswers, startEmbeddedNeo4j, type RunningNeo4j } from '../scripts/services/neo4j-embedded';

export async function freshBenchNeo4j(base: Config, name: string, port: number, heap: string): Promise<RunningNeo4j & { dataDir: string }> {
  if (await portAnswers(port)) throw new Error(`something already answers on port ${port}; give --port a free one`);
  const dataDir = path.join(base.DATA_DIR, name);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const neo4j = await startEmbeddedNeo4j({ rootDir: base.rootDir, dataDir, port, heap });
  return Object.assign(neo4j, { dataDir });
}
