/**
 * Runs computeMetrics off the worker's event loop: above INLINE_LIMIT nodes the computation (seconds
 * at 20,000 nodes) goes to a worker thread, so that change jobs keep being taken and applied while it
 * runs. The thread loads TypeScript through tsx (a dependency), under tsx and under Jest alike.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { computeMetrics, type MetricsInputEdge, type MetricsInputNode, type MetricsResult } from './compute';

/** Smaller graphs are computed inline: a thread's start (about 0.3 s with tsx) would cost more. */
export const INLINE_LIMIT = 1000;

interface ThreadInput {
  nodes: MetricsInputNode[];
  edges: MetricsInputEdge[];
  opts: Parameters<typeof computeMetrics>[2];
}

export function computeMetricsOffThread(
  nodes: MetricsInputNode[],
  edges: MetricsInputEdge[],
  opts: ThreadInput['opts'] & { inlineLimit?: number } = {},
): Promise<MetricsResult> {
  const { inlineLimit = INLINE_LIMIT, ...computeOpts } = opts;
  if (nodes.length <= inlineLimit) return Promise.resolve(computeMetrics(nodes, edges, computeOpts));
  return new Promise((resolve, reject) => {
    // A CommonJS bootstrap that registers tsx's require hook, then loads this file in the thread.
    const bootstrap = `require('tsx/cjs/api').require(${JSON.stringify(__filename)}, ${JSON.stringify(__filename)});`;
    // A larger young generation than a thread's default: graphology's algorithms allocate many short-lived
    // objects, and with the default the 20,000-node bench took 5.8–8.7 s in the thread against 4.6–5.3 s.
    const thread = new Worker(bootstrap, {
      eval: true,
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
      workerData: { nodes, edges, opts: computeOpts } satisfies ThreadInput,
    });
    let settled = false;
    thread.once('message', (result: MetricsResult) => {
      settled = true;
      resolve(result);
    });
    thread.once('error', (err) => {
      settled = true;
      reject(err);
    });
    thread.once('exit', (code) => {
      if (!settled) reject(new Error(`metrics thread exited with code ${code} without a result`));
    });
  });
}

if (!isMainThread && parentPort && (workerData as ThreadInput | undefined)?.nodes) {
  const { nodes, edges, opts } = workerData as ThreadInput;
  parentPort.postMessage(computeMetrics(nodes, edges, opts));
}
