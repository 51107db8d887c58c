/**
 * The load generator as a child process (forked by bench/load-runner.ts): runs one job per IPC
 * message and answers with its result. Reads no environment; everything comes in the message. It
 * exits when its parent goes away.
 */
import { runLatency, runThroughput, type LatencySpec, type ThroughputSpec } from './load';

type Request =
  | { id: number; kind: 'throughput'; spec: ThroughputSpec }
  | { id: number; kind: 'latency'; spec: LatencySpec }
  | { id: number; kind: 'rss' };

const reply = (message: unknown) => {
  if (process.send) process.send(message);
};

process.on('message', (msg: Request) => {
  const job: Promise<unknown> =
    msg.kind === 'throughput'
      ? runThroughput(msg.spec)
      : msg.kind === 'latency'
        ? runLatency(msg.spec)
        : Promise.resolve(process.memoryUsage().rss);
  job.then(
    (result) => reply({ id: msg.id, ok: true, result }),
    (err: Error) => reply({ id: msg.id, ok: false, error: err?.stack ?? String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
reply({ ready: true });
