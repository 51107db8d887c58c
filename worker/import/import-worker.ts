/**
 * The imports queue's BullMQ Worker (in the worker process): one import at a time, each read and
 * applied by runImport; an unexpected error ends the import as failed. The uploaded file is removed
 * when its job ends, whatever the outcome.
 */
import fs from 'node:fs';
import { Worker, type Job } from 'bullmq';
import { IMPORTS_QUEUE, type ImportJobMap, type ImportJobName } from '../../domain/jobs';
import type { Config } from '../../api/infra/config';
import type { CoreServices } from '../../api/infra/services';
import { createChangesQueue, createChangesQueueEvents } from '../../api/infra/queue';
import { loadImportStatus, queuedStatus } from '../../api/infra/import-status';
import { redisOptions } from '../../api/infra/redis';
import type { Announcer } from '../announce';
import type { MetricsScheduler } from '../metrics/job';
import { ChangeFeed } from './change-feed';
import { ImportReporter } from './reporter';
import { runImport } from './run-import';

export interface ImportWorker {
  close(): Promise<void>;
}

export async function startImportWorker(config: Config, core: CoreServices, announcer: Announcer, metrics: MetricsScheduler): Promise<ImportWorker> {
  const changes = createChangesQueue(config);
  const changeEvents = createChangesQueueEvents(config);
  await changeEvents.waitUntilReady();

  async function process(job: Job<ImportJobMap[ImportJobName], unknown, ImportJobName>) {
    const data = job.data;
    try {
      const status = await runImport(data, {
        config,
        db: core.db,
        redis: core.redis,
        announcer,
        scheduleMetrics: (workspaceId) => metrics.schedule([workspaceId]),
        feed: (onDone) => new ChangeFeed(config, changes, changeEvents, { importId: data.importId, workspaceId: data.workspaceId, actor: data.actor }, onDone),
      });
      return { state: status.state };
    } catch (err) {
      core.logger.error({ err, importId: data.importId }, 'import failed');
      const status = (await loadImportStatus(core.redis, config, data.importId)) ?? queuedStatus(data);
      await new ImportReporter(status, core.redis, config, announcer).finish('failed', { code: 'IMPORT_FAILED', message: `The import stopped: ${(err as Error).message}` });
      return { state: 'failed' };
    } finally {
      await fs.promises.rm(data.filePath, { force: true });
    }
  }

  const worker = new Worker<ImportJobMap[ImportJobName], unknown, ImportJobName>(IMPORTS_QUEUE, process, {
    connection: redisOptions(config, 'blocking'),
    prefix: config.REDIS_PREFIX,
    concurrency: 1,
  });
  worker.on('error', (err) => core.logger.error({ err }, 'imports worker error'));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await Promise.allSettled([changeEvents.close(), changes.close()]);
    },
  };
}
