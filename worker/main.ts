/** Runs the worker: `tsx worker/main.ts`. */
import { loadConfig } from '../api/infra/config';
import { runUntilSignal } from '../api/infra/lifecycle';
import { startWorker } from './worker';

runUntilSignal(() => startWorker(loadConfig()), () => 'worker: applying changes');
