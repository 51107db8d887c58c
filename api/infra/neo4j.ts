/**
 * The Neo4j gateway: one driver, the named queries, and results already mapped to plain objects.
 */
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import neo4j, { type Driver, type ManagedTransaction, type Result } from 'neo4j-driver';
import type { Config } from './config';
import { loadQueries, loadSchemaSteps, type Queries, type QueryName } from './cypher';
import { recordToObject } from './mapper';

export type Params = Record<string, unknown>;

/** A transaction that runs named queries and returns mapped rows. */
export interface Tx {
  run<T = Record<string, unknown>>(name: QueryName, params?: Params): Promise<T[]>;
}

/** A read transaction whose rows are consumed as they arrive (an export writes each one out as it comes). */
export interface StreamTx {
  rows<T = Record<string, unknown>>(name: QueryName, params?: Params): AsyncIterable<T>;
}

async function* mappedRows<T>(result: Result): AsyncIterable<T> {
  for await (const record of result) yield recordToObject<T>(record);
}

export class GraphDb {
  readonly queries: Queries;

  constructor(
    readonly driver: Driver,
    private readonly database: string,
    cypherDir: string,
  ) {
    this.queries = loadQueries(cypherDir);
  }

  async read<T = Record<string, unknown>>(name: QueryName, params: Params = {}): Promise<T[]> {
    return this.session('READ', (tx) => tx.run<T>(name, params));
  }

  async write<T = Record<string, unknown>>(name: QueryName, params: Params = {}): Promise<T[]> {
    return this.session('WRITE', (tx) => tx.run<T>(name, params));
  }

  /** Runs fn in one managed transaction (retried by the driver on transient errors). */
  async transaction<T>(mode: 'READ' | 'WRITE', fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.session(mode, fn);
  }

  /**
   * Runs fn in one read transaction, streaming rows, without the driver's retries: rows already sent on
   * (to an HTTP response) cannot be taken back, so a failure ends the transaction instead of replaying it.
   */
  async streamRead<T>(fn: (tx: StreamTx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const tx = await session.beginTransaction();
      try {
        const out = await fn({ rows: <R>(name: QueryName, params: Params = {}) => mappedRows<R>(tx.run(this.queries[name], params)) });
        await tx.commit();
        return out;
      } catch (err) {
        await tx.rollback().catch(() => {});
        throw err;
      }
    } finally {
      await session.close();
    }
  }

  private async session<T>(mode: 'READ' | 'WRITE', fn: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const work = (mtx: ManagedTransaction) => fn(this.wrap(mtx));
      return mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  private wrap(mtx: ManagedTransaction): Tx {
    return {
      run: async <T>(name: QueryName, params: Params = {}) => {
        const result = await mtx.run(this.queries[name], params);
        return result.records.map((r) => recordToObject<T>(r));
      },
    };
  }

  /** Creates constraints and indexes; every step is idempotent (IF NOT EXISTS). */
  async applySchema(cypherDir: string): Promise<string[]> {
    const applied: string[] = [];
    const session = this.driver.session({ database: this.database });
    try {
      for (const step of loadSchemaSteps(cypherDir)) {
        for (const statement of step.statements) await session.run(statement);
        applied.push(step.name);
      }
      await session.run('CALL db.awaitIndexes(60)');
    } finally {
      await session.close();
    }
    return applied;
  }

  /** One round trip without the driver's retries, so that /health answers quickly when Neo4j is away. */
  async ping(timeoutMs = 3000): Promise<number> {
    const started = performance.now();
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        session.run(this.queries['health-ping']),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
      ]);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => {});
    }
    return performance.now() - started;
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/**
 * neo4j-driver leaves Nagle's algorithm on for its sockets and writes a Bolt message larger than its
 * 1,400-byte buffer in two writes; the second then waits for the server's delayed ACK (about 40 ms on
 * Linux) on nearly every query. Turning send delay off for the driver's sockets removes that wait.
 * The driver opens its sockets through net.connect / tls.connect, so those are wrapped, once.
 */
let noDelayInstalled = false;
function installNoDelay(): void {
  if (noDelayInstalled) return;
  noDelayInstalled = true;
  const netConnect = net.connect;
  net.connect = ((...args: Parameters<typeof net.connect>) => netConnect(...args).setNoDelay(true)) as typeof net.connect;
  const tlsConnect = tls.connect;
  tls.connect = ((...args: Parameters<typeof tls.connect>) => tlsConnect(...args).setNoDelay(true)) as typeof tls.connect;
}

export function createGraphDb(config: Config): GraphDb {
  installNoDelay();
  const auth = config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined;
  const driver = neo4j.driver(config.NEO4J_URI, auth, {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    disableLosslessIntegers: false,
  });
  return new GraphDb(driver, config.NEO4J_DATABASE, cypherDirOf(config));
}

export const cypherDirOf = (config: Pick<Config, 'rootDir'>) => path.join(config.rootDir, 'cypher');
