/** The export formats: media type, file extension and the writer of each (one module per format). */
import type { Writable } from 'node:stream';
import { writeCsv, type CsvPart } from './csv-export';
import { writeGexf } from './gexf-export';
import { writeGraphml } from './graphml-export';
import { writeJson } from './json-export';
import type { ExportSource } from './source';
import { writeXlsx } from './xlsx-export';

export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'gexf', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const CSV_PARTS = ['nodes', 'relationships'] as const;

export interface ExportOptions {
  exportedAt: Date;
  /** CSV only: which rows. */
  part: CsvPart;
}

interface Exporter {
  contentType: string;
  extension: string;
  write(source: ExportSource, out: Writable, options: ExportOptions): Promise<void>;
}

export const EXPORTERS: Record<ExportFormat, Exporter> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json', write: (s, out, o) => writeJson(s, out, o.exportedAt) },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', write: (s, out, o) => writeCsv(s, out, o.part) },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', write: (s, out) => writeGraphml(s, out) },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', write: (s, out, o) => writeGexf(s, out, o.exportedAt) },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    write: (s, out, o) => writeXlsx(s, out, o.exportedAt),
  },
};

/** `<workspace>-<date>.<ext>`; a CSV part adds its name: `<workspace>-<date>-relationships.csv`. */
export function exportFileName(workspaceId: string, format: ExportFormat, options: ExportOptions): string {
  const date = options.exportedAt.toISOString().slice(0, 10);
  const part = format === 'csv' ? `-${options.part}` : '';
  return `${workspaceId}-${date}${part}.${EXPORTERS[format].extension}`;
}
