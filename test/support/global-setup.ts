/**
 * Jest global setup: the services must already run (`npm test` provisions a clean embedded Neo4j and a
 * Redis prefix of the run's own); this checks that they answer and applies the Cypher schema.
 */
import { loadConfig, type Config } from '../../api/infra/config';
import { createGraphDb, cypherDirOf } from '../../api/infra/neo4j';
import { createRedis } from '../../api/infra/redis';
import { portAnswers } from '../../scripts/services/neo4j-embedded';

const HOW =
  'Run the tests with `npm test` (add jest options after `--`, e.g. `npm test -- test/api.test.ts`): it starts a clean Neo4j and Redis for them.';

function hostPort(uri: string, defaultPort: number): { host: string; port: number } {
  const url = new URL(uri.replace(/^[a-z+]+:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || defaultPort) };
}

async function checkNeo4j(config: Config): Promise<void> {
  const { host, port } = hostPort(config.NEO4J_URI, 7687);
  if (!(await portAnswers(port, host, 2_000))) throw new Error(`Neo4j does not answer at ${config.NEO4J_URI}. ${HOW}`);
  const db = createGraphDb(config);
  try {
    await db.driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
    await db.applySchema(cypherDirOf(config));
  } catch (err) {
    throw new Error(`Neo4j at ${config.NEO4J_URI} answers but fails: ${(err as Error).message}. ${HOW}`);
  } finally {
    await db.close();
  }
}

async function checkRedis(config: Config): Promise<void> {
  const { host, port } = hostPort(config.REDIS_URL, 6379);
  if (!(await portAnswers(port, host, 2_000))) throw new Error(`Redis does not answer at ${config.REDIS_URL}. ${HOW}`);
  const redis = createRedis(config);
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no PONG within 5 s')), 5_000);
    });
    const pong = await Promise.race([redis.ping(), timeout]).finally(() => clearTimeout(timer));
    if (pong !== 'PONG') throw new Error(`unexpected answer ${pong}`);
  } catch (err) {
    throw new Error(`Redis at ${config.REDIS_URL} answers but fails: ${(err as Error).message}. ${HOW}`);
  } finally {
    redis.disconnect();
  }
}

export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  if (config.NODE_ENV !== 'test' || config.REDIS_PREFIX === 'verkosto') {
    // Guards the development database and queues: the tests write and delete data.
    throw new Error(`The tests need NODE_ENV=test and a Redis prefix of their own. ${HOW}`);
  }
  await checkRedis(config);
  await checkNeo4j(config);
}
