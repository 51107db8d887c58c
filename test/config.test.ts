/** Configuration is parsed once from the environment, validated, with clear errors. */
import { ConfigError, loadConfig } from '../api/infra/config';

test('defaults: embedded Neo4j and local Redis when no URI is given', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ NEO4J_URI: 'bolt://127.0.0.1:7687', REDIS_URL: 'redis://127.0.0.1:6379', neo4jEmbedded: true, redisManaged: true, PORT: 3000 });
  expect(Object.isFrozen(config)).toBe(true);
});

test('given URIs are used as they are', () => {
  const config = loadConfig({ NEO4J_URI: 'neo4j+s://db.example:7687', REDIS_URL: 'rediss://:pw@cache.example:6380/2', PORT: '8080' });
  expect(config).toMatchObject({ NEO4J_URI: 'neo4j+s://db.example:7687', neo4jEmbedded: false, redisManaged: false, PORT: 8080 });
});

test('bad values name the variable and the reason', () => {
  expect(() => loadConfig({ PORT: 'kahdeksan', NEO4J_URI: 'http://x', WORKER_CONCURRENCY: '0' })).toThrow(ConfigError);
  try {
    loadConfig({ PORT: 'kahdeksan', NEO4J_URI: 'http://x' });
  } catch (err) {
    expect((err as Error).message).toMatch(/PORT: Expected number/);
    expect((err as Error).message).toMatch(/NEO4J_URI: expected a bolt:\/\/ or neo4j:\/\/ URI/);
  }
});

test('no module besides the config module reads process.env', async () => {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync('git', ['grep', '-l', 'process\\.env', '--', 'api', 'worker', 'domain', 'client/src', 'scripts/*.ts', 'scripts/services'], { encoding: 'utf8' }).trim().split('\n');
  expect(out.filter(Boolean)).toEqual(['api/infra/config.ts']);
});
