/**
 * The load generator as a child process (forked by bench/load-runner.ts): runs one job per IPC
 * message and answers with its result. Reads no environment; everything comes in the message. It
 * exits when its parent goes away.
 */
import { runLatency, runThroughput, type LatencySpec, type ThroughputSpec } from './load';
import { finishProjector, runParticipants, startProjector, type ParticipantsSpec, type ProjectorSpec } from './workshop-load';

type Request =
  | { id: number; kind: 'throughput'; spec: ThroughputSpec }
  | { id: number; kind: 'latency'; spec: LatencySpec }
  | { id: number; kind: 'workshop-participants'; spec: ParticipantsSpec }
  | { id: number; kind: 'projector-start'; spec: ProjectorSpec }
  | { id: number; kind: 'projector-finish'; spec: Parameters<typeof finishProjector>[0] }
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
        : msg.kind === 'workshop-participants'
          ? runParticipants(msg.spec)
          : msg.kind === 'projector-start'
            ? startProjector(msg.spec)
            : msg.kind === 'projector-finish'
              ? finishProjector(msg.spec)
              : Promise.resolve(process.memoryUsage().rss);
  job.then(
    (result) => reply({ id: msg.id, ok: true, result }),
    (err: Error) => reply({ id: msg.id, ok: false, error: err?.stack ?? String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
reply({ ready: true });
