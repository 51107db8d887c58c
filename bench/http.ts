/**
 * A small keep-alive HTTP client on node:http (undici is not a dependency): a fixed pool of
 * connections, a timeout on every request, bodies sent as prepared JSON text.
 */
import http from 'node:http';

export interface HttpAnswer {
  status: number;
  text: string;
}

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

  /** POSTs a JSON text; rejects on a network error or when no full answer came within timeoutMs. */
  post(path: string, json: string, timeoutMs: number): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          path,
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
        },
        (res) => {
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
      const timer = setTimeout(() => req.destroy(new Error(`POST ${path} got no answer within ${timeoutMs} ms`)), timeoutMs);
      req.on('error', (err) => {
        clearTimeout(timer);
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
