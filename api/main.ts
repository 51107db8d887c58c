/** Runs the API: `tsx api/main.ts`. Applies the Cypher schema and, when SEED_DEMO, loads the demo once. */
import { loadConfig } from './infra/config';
import { runUntilSignal } from './infra/lifecycle';
import { startApiServer } from './server';
import { seedDemo } from '../scripts/seed';

runUntilSignal(
  async () => {
    const config = loadConfig();
    await seedDemo(config);
    return startApiServer(config);
  },
  (server) => `API listening on ${server.url}`,
);
