/** Runs the API: `tsx api/main.ts`. Applies the Cypher schema and, when SEED_DEMO, loads the demo once. */
import { loadConfig } from './infra/config';
import { startApiServer } from './server';
import { seedDemo } from '../scripts/seed';

async function main() {
  const config = loadConfig();
  await seedDemo(config);
  const server = await startApiServer(config);
  process.stdout.write(`API listening on ${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
