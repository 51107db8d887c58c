/**
 * Writing an export to the response as it is read: text is gathered into chunks of about 64 KB, and
 * when the client reads more slowly than Neo4j answers, reading waits (backpressure) instead of the
 * export piling up in memory. A client that goes away ends the export (and its transaction).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const CHUNK = 64 * 1024;

export class ExportAborted extends Error {
  constructor() {
    super('The client closed the connection during the export');
  }
}

/** Waits until the stream takes more, or fails when it was closed meanwhile. */
export async function roomIn(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new ExportAborted();
  if (!out.writableNeedDrain) return;
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
  if (out.destroyed) throw new ExportAborted();
}

export class TextSink {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async end(): Promise<void> {
    await this.flush();
    this.out.end();
  }

  private async flush(): Promise<void> {
    await roomIn(this.out);
    this.out.write(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
  }
}
