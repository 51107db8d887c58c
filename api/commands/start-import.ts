/**
 * Takes an uploaded file: streams the request body to a file under IMPORT_DIR (never the whole file in
 * memory; 413 as soon as it passes IMPORT_MAX_BYTES), records the import as queued and puts its job on
 * the imports queue. The worker reads, checks and applies it (worker/import/).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import type { ImportEntityType, ImportFormat, ImportJobData, ImportMapping, ImportStatus } from '../../domain/imports';
import { badRequest, payloadTooLarge, unsupportedMediaType } from '../errors';
import type { Config } from '../infra/config';
import { queuedStatus, saveImportStatus, type ImportsQueue } from '../infra/import-status';

export interface ImportRequest {
  workspaceId: string;
  actor: string;
  dryRun: boolean;
  skipBad: boolean;
  entityType?: ImportEntityType;
  mapping?: ImportMapping;
  format?: ImportFormat;
}

const FORMAT_OF_TYPE: [RegExp, ImportFormat | 'xml'][] = [
  [/^(text\/csv|application\/csv|text\/comma-separated-values|application\/vnd\.ms-excel)$/, 'csv'],
  [/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/, 'xlsx'],
  [/^application\/json$/, 'json'],
  [/^application\/graphml\+xml$/, 'graphml'],
  [/^application\/gexf\+xml$/, 'gexf'],
  [/^(application|text)\/xml$/, 'xml'],
];

/** The format from ?format= or the Content-Type; plain XML is told apart by its root element later. */
export function formatOf(contentType: string | undefined, given: ImportFormat | undefined): ImportFormat | 'xml' {
  if (given) return given;
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const found = FORMAT_OF_TYPE.find(([re]) => re.test(type));
  if (!found) {
    throw unsupportedMediaType(
      'UNSUPPORTED_IMPORT_TYPE',
      `Cannot import ${type || 'a body without Content-Type'}: send text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json, application/graphml+xml, application/gexf+xml or application/xml`,
    );
  }
  return found[1];
}

const tooLarge = (limit: number) =>
  payloadTooLarge('IMPORT_TOO_LARGE', `The file is larger than the import limit of ${Math.round(limit / 1024 / 1024)} MB (IMPORT_MAX_BYTES)`, { limitBytes: limit });

/** Streams the body to a file; throws 413 (and removes the part written) past the limit. */
async function receiveFile(req: Request, file: string, limit: number): Promise<number> {
  const declared = Number(req.get('content-length') ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > limit ? tooLarge(limit) : null, chunk);
    },
  });
  try {
    await pipeline(req, counter, fs.createWriteStream(file));
  } catch (err) {
    await fs.promises.rm(file, { force: true });
    throw err;
  }
  return bytes;
}

/** XML files: GraphML or GEXF by the root element in the first few kilobytes. */
async function sniffXml(file: string): Promise<ImportFormat> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    if (/<gexf[\s>]/.test(head)) return 'gexf';
    if (/<graphml[\s>]/.test(head)) return 'graphml';
  } finally {
    await handle.close();
  }
  throw badRequest('UNKNOWN_XML', 'The XML file is neither GraphML (<graphml>) nor GEXF (<gexf>)');
}

export class ImportStarter {
  constructor(
    private readonly config: Config,
    private readonly redis: Redis,
    private readonly queue: ImportsQueue,
  ) {}

  async start(req: Request, request: ImportRequest): Promise<ImportStatus> {
    const announced = formatOf(req.get('content-type'), request.format);
    const importId = randomUUID();
    await fs.promises.mkdir(this.config.IMPORT_DIR, { recursive: true });
    const filePath = path.join(this.config.IMPORT_DIR, `${importId}.upload`);
    const bytes = await receiveFile(req, filePath, this.config.IMPORT_MAX_BYTES);
    try {
      if (bytes === 0) throw badRequest('EMPTY_FILE', 'The file is empty');
      const format = announced === 'xml' ? await sniffXml(filePath) : announced;
      const job: ImportJobData = { importId, workspaceId: request.workspaceId, actor: request.actor, filePath, format, bytes, dryRun: request.dryRun, skipBad: request.skipBad, entityType: request.entityType, mapping: request.mapping };
      const status = queuedStatus(job);
      await saveImportStatus(this.redis, this.config, status);
      await this.queue.add('import:run', job, { jobId: importId, attempts: 1, removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } });
      return status;
    } catch (err) {
      await fs.promises.rm(filePath, { force: true });
      throw err;
    }
  }
}
