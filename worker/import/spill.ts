/**
 * The planned rows of an import, kept on disk between the checking pass and the applying one: the file
 * is read, checked and planned once, and applying reads the plan back chunk by chunk (never the whole
 * plan in memory). One JSON line per chunk of up to CHUNK_ROWS rows of one kind, nodes or links, in the
 * file's order (a chunk of links comes after the nodes it may need).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import type { ImportLinkRow, ImportNodeRow } from '../../domain/changes';

export const CHUNK_ROWS = 2000;

export interface PlannedChunk {
  nodes: ImportNodeRow[];
  links: ImportLinkRow[];
}

export class PlanSpill {
  private readonly out: fs.WriteStream;
  private nodes: ImportNodeRow[] = [];
  private links: ImportLinkRow[] = [];
  /** Rows planned so far (each one a create or an update). */
  plannedRows = 0;

  private writeError: Error | null = null;

  constructor(readonly file: string) {
    this.out = fs.createWriteStream(file);
    this.out.once('error', (err) => (this.writeError = err));
  }

  async addNodes(rows: ImportNodeRow[]): Promise<void> {
    if (this.links.length) await this.flush();
    for (const row of rows) {
      this.nodes.push(row);
      if (this.nodes.length >= CHUNK_ROWS) await this.flush();
    }
  }

  async addLinks(rows: ImportLinkRow[]): Promise<void> {
    if (this.nodes.length) await this.flush();
    for (const row of rows) {
      this.links.push(row);
      if (this.links.length >= CHUNK_ROWS) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (this.writeError) throw this.writeError;
    const chunk: PlannedChunk = { nodes: this.nodes, links: this.links };
    this.plannedRows += chunk.nodes.length + chunk.links.length;
    this.nodes = [];
    this.links = [];
    if (!this.out.write(`${JSON.stringify(chunk)}\n`)) await once(this.out, 'drain'); // rejects on a write error
  }

  async close(): Promise<void> {
    if (this.nodes.length || this.links.length) await this.flush();
    await new Promise<void>((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }

  /** The chunks in order, each with its JSON text (the chunk's identity: same text, same change). */
  async *chunks(): AsyncGenerator<{ chunk: PlannedChunk; text: string }> {
    const lines = readline.createInterface({ input: fs.createReadStream(this.file), crlfDelay: Infinity });
    for await (const text of lines) if (text) yield { chunk: JSON.parse(text) as PlannedChunk, text };
  }

  async remove(): Promise<void> {
    if (!this.out.closed) this.out.destroy();
    await fs.promises.rm(this.file, { force: true });
  }
}
