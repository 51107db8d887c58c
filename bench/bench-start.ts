/**
 * How the end-to-end benchmarks (run.ts, workshop.ts) start: parse the options (usage text → exit 0,
 * a bad option → exit 1), arm the --max-run-s watchdog, and print what the figures depend on: the
 * machine, the services and how busy the machine already is.
 */
import os from 'node:os';
import type { Config } from '../api/infra/config';
import { UsageError } from './args';
import { fmtMb } from './stats';

const say = (line = '') => process.stdout.write(`${line}\n`);

export const loadAverages = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ') + ' (1 / 5 / 15 min)';

/** The parsed options, or the exit code when there is nothing to run. */
export function startBench<T extends { maxRunMs: number }>(title: string, parse: (argv: string[]) => T, base: Config): T | number {
  let opts: T;
  try {
    opts = parse(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return err.message.startsWith('usage') ? 0 : 1;
    }
    throw err;
  }
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: the run exceeded --max-run-s (${opts.maxRunMs / 1000} s); aborting\n`);
    process.exit(1);
  }, opts.maxRunMs);
  watchdog.unref();

  say(`${title} - ${new Date().toISOString()}`);
  say(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? '?'}), ${fmtMb(os.totalmem())} RAM`);
  say(`Neo4j ${base.NEO4J_URI}, Redis ${base.REDIS_URL}; WORKER_CONCURRENCY=${base.WORKER_CONCURRENCY}, BATCH_MAX=${base.BATCH_MAX}`);
  say(`load average at start: ${loadAverages()}`);
  if (os.loadavg()[0] > 0.75 * os.cpus().length) {
    say(
      `WARNING: the machine is already busy (1-minute load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs); the figures will be lower and noisier than on an idle machine.`,
    );
  }
  return opts;
}
