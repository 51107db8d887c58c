/**
 * A small keep-alive HTTP client on node:http (undici is not a dependency): a fixed pool of
 * connections, a timeout on every request, bodies sent as prepared JSON text.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpAnswer {
  status: number;
  text: string;
  /** Sent twice: the first attempt met a keep-alive connection the server had closed (retryStaleSocket). */
  retried?: boolean;
}

type StaleSocketError = NodeJS.ErrnoException & { staleSocket?: boolean };

export class KeepAliveClient {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /**
   * POSTs a JSON text (with any extra request headers); rejects on a network error or when no full
   * answer came within timeoutMs. With retryStaleSocket (for requests that carry an Idempotency-Key),
   * a request that failed on a reused keep-alive connection the server had just closed (ECONNRESET
   * before any answer) is sent once more on a fresh one, as browsers do; `retried` says so.
   */
  async post(
    path: string,
    json: string,
    timeoutMs: number,
    extraHeaders?: Record<string, string>,
    opts: { retryStaleSocket?: boolean } = {},
  ): Promise<HttpAnswer> {
    const started = performance.now();
    try {
      return await this.postOnce(path, json, timeoutMs, extraHeaders);
    } catch (err) {
      const left = timeoutMs - (performance.now() - started);
      if (!opts.retryStaleSocket || !(err as StaleSocketError).staleSocket || left <= 0) throw err;
      return { ...(await this.postOnce(path, json, left, extraHeaders)), retried: true };
    }
  }

  private postOnce(path: string, json: string, timeoutMs: number, extraHeaders?: Record<string, string>): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          path,
          method: 'POST',
          agent: this.agent,
          headers: { ...extraHeaders, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', (err) => {
            clearTimeout(timer);
            reject(err);
          });
        },
      );
      // A whole-request deadline (req.setTimeout only covers idle sockets, not a request queued in the agent).
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy(new Error(`POST ${path} got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      req.on('error', (err: StaleSocketError) => {
        clearTimeout(timer);
        if (!timedOut && !answered && req.reusedSocket && err.code === 'ECONNRESET') err.staleSocket = true;
        reject(err);
      });
      req.end(json);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs task(0..count-1) with at most `concurrency` running at once; resolves when all have settled. */
export async function inPool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}
