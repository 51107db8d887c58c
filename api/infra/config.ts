/**
 * The one place that reads the environment: parsed once, validated, frozen. Everything else receives
 * a Config. Tests build one with loadConfig({...}) instead of touching process.env.
 */
import path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(__dirname, '..', '..');

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  /** Not given: the project's scripts start an embedded Neo4j on NEO4J_EMBEDDED_PORT. */
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'expected a bolt:// or neo4j:// URI').optional(),
  NEO4J_EMBEDDED_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_HEAP: z.string().regex(/^\d+[mg]$/).default('1g'),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  /** Not given: 127.0.0.1:6379, started by the scripts (with an append-only file) if nothing answers. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// URL').optional(),
  /** Prefix of every Redis key this service writes (BullMQ queues, idempotency keys, socket.io channels). */
  REDIS_PREFIX: z.string().regex(/^[a-z0-9-]+$/).default('verkosto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How many single-change jobs the worker holds at once; they are applied together in batches. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(5000).default(500),
  /** Most changes in one Neo4j transaction. */
  BATCH_MAX: z.coerce.number().int().min(1).max(20000).default(1000),
  /** Attempts for a change that fails for a reason that may pass (e.g. a link to a node not yet created). */
  CHANGE_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  CHANGE_BACKOFF_MS: z.coerce.number().int().min(0).default(500),
  /** Largest accepted JSON body. */
  BODY_LIMIT: z.string().default('10mb'),
  /** How long ?wait=true waits for the worker before answering 202 anyway. */
  WAIT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  CLIENT_DIST: z.string().default(path.join(ROOT, 'client', 'dist')),
  DATA_DIR: z.string().default(path.join(ROOT, '.data')),
  /** Bearer token that marks a request as an editor's, who may see people's contact details. Unset: nobody may. */
  EDITOR_TOKEN: z.string().min(16).optional(),
  /** Load the demo network on start when the demo workspace does not exist yet. */
  SEED_DEMO: bool.default('true'),
  /** Facilitator sessions: idle lifetime in seconds (sliding: every signed-in request extends it). */
  SESSION_TTL_S: z.coerce.number().int().min(60).default(12 * 3600),
  /** Failed logins allowed per e-mail address within LOGIN_WINDOW_S before 429. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW_S: z.coerce.number().int().min(1).default(15 * 60),
  /** How often an API process renews its presence heartbeat; its entries are dropped after 3 missed beats. */
  PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Network metrics of a workspace are recomputed at most this long after its first unprocessed change. */
  METRICS_DEBOUNCE_MS: z.coerce.number().int().min(0).default(2000),
  /**
   * Under a steady stream of changes (a workshop), a workspace's metrics are recomputed at most this
   * often, and runs start at least 4 times their last computing time apart: every run rewrites every
   * node's metrics and sends them to the map clients.
   */
  METRICS_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(10_000),
  /** Largest file an import accepts (bytes; 413 above). */
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),
  /** Largest JSON graph file read whole with JSON.parse (CSV, XLSX and XML stream at any size). */
  IMPORT_JSON_MAX_BYTES: z.coerce.number().int().min(1024).default(100 * 1024 * 1024),
  /** Where uploaded files wait for their import job (default: DATA_DIR/tmp/imports). */
  IMPORT_DIR: z.string().optional(),
});

type Env = z.infer<typeof EnvSchema>;
export type Config = Readonly<
  Omit<Env, 'NEO4J_URI' | 'REDIS_URL' | 'IMPORT_DIR'> & {
    IMPORT_DIR: string;
    NEO4J_URI: string;
    REDIS_URL: string;
    /** True when NEO4J_URI was not given and the scripts provision Neo4j themselves. */
    neo4jEmbedded: boolean;
    /** True when REDIS_URL was not given and the scripts may start a local redis-server. */
    redisManaged: boolean;
    rootDir: string;
  }
>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env_ = parsed.data;
  return Object.freeze({
    ...env_,
    NEO4J_URI: env_.NEO4J_URI ?? `bolt://127.0.0.1:${env_.NEO4J_EMBEDDED_PORT}`,
    REDIS_URL: env_.REDIS_URL ?? 'redis://127.0.0.1:6379',
    IMPORT_DIR: env_.IMPORT_DIR ?? path.join(env_.DATA_DIR, 'tmp', 'imports'),
    neo4jEmbedded: env_.NEO4J_URI === undefined,
    redisManaged: env_.REDIS_URL === undefined,
    rootDir: ROOT,
  });
}

/** The environment for a child process (API, worker) with these settings added. */
export function childEnv(settings: Record<string, string | number | boolean>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const [k, v] of Object.entries(settings)) env[k] = String(v);
  return env;
}

/** The same settings with some replaced (tests and the benchmark run variants side by side). */
export function withOverrides(config: Config, overrides: Partial<Config>): Config {
  return Object.freeze({ ...config, ...overrides });
}
