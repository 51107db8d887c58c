/**
 * The API process: HTTP + socket.io on one server, wired to Neo4j, Redis and the changes queue.
 * startApiServer(config) is what api/main.ts runs and what tests call (PORT 0 for a free port).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ChangeSubmitter } from './commands/submit-changes';
import type { Config } from './infra/config';
import { createChangesQueue, createChangesQueueEvents } from './infra/queue';
import { createImportsQueue } from './infra/import-status';
import { WorkspaceSeqs } from './infra/workspace-seq';
import { ImportStarter } from './commands/start-import';
import { createCoreServices } from './infra/services';
import { Accounts } from './services/accounts';
import { GraphReads } from './services/graph-reads';
import { SimilarEntities } from './services/similar-entities';
import { ProjectOverlaps } from './services/project-overlaps';
import { WorkshopPresenceStore } from './services/presence';
import { Workshops } from './services/workshops';
import { attachWorkshopSockets } from './sockets/workshop-sockets';
import { attachSockets, type VerkostoServer } from './sockets/workspace-sockets';

export interface ApiServer {
  url: string;
  port: number;
  io: VerkostoServer;
  close(): Promise<void>;
}

export async function startApiServer(config: Config): Promise<ApiServer> {
  const core = createCoreServices(config, 'api');
  const queue = createChangesQueue(config);
  const queueEvents = createChangesQueueEvents(config);
  await queueEvents.waitUntilReady();
  const reads = new GraphReads(core.db);
  // Workspace seqs from Redis, and the numbers the worker announces, for the indexes kept here.
  const seqs = new WorkspaceSeqs(core.db, core.redis, config, core.logger);
  await seqs.start();
  const similar = new SimilarEntities(core.db, seqs);
  const overlaps = new ProjectOverlaps(core.db, { seqs });
  const submitter = new ChangeSubmitter(config, queue, queueEvents, core.redis);
  const importsQueue = createImportsQueue(config);
  const imports = new ImportStarter(config, core.redis, importsQueue);
  const redisPing = async () => {
    const started = performance.now();
    await core.redis.ping();
    return performance.now() - started;
  };
  const accounts = new Accounts(core.db, core.redis, config);
  const workshops = new Workshops(core.db, core.redis, config);
  const presence = new WorkshopPresenceStore(core.redis, config, core.logger);
  const app = createApp({ ...core, reads, similar, overlaps, submitter, queue, imports, redisPing, accounts, workshops, presence });
  const server = http.createServer(app);
  const sockets = attachSockets(server, { config, logger: core.logger, reads });
  attachWorkshopSockets(sockets.io, { accounts, workshops, presence, logger: core.logger });
  await presence.start();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}`;
  core.logger.info({ url }, 'API listening');

  return {
    url,
    port,
    io: sockets.io,
    async close() {
      await presence.stop();
      await seqs.stop();
      await sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([queueEvents.close(), queue.close(), importsQueue.close()]);
      await core.close();
    },
  };
}
