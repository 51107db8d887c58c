/** Runs the worker: `tsx worker/main.ts`. */
import { loadConfig } from '../api/infra/config';
import { startWorker } from './worker';

async function main() {
  const running = await startWorker(loadConfig());
  process.stdout.write('worker: applying changes\n');
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
