/**
 * CSV for spreadsheets, one part per request: nodes (id, type, then every field any node has) or
 * relationships (id, type, source, target, then their fields). UTF-8 with BOM, CRLF, every cell quoted,
 * formula-like text neutralised (api/services/csv.ts); lists joined with ';'.
 */
import type { Writable } from 'node:stream';
import { csvCell } from '../csv';
import { joinList } from './fields';
import { NODE_KEYS, RELATIONSHIP_KEYS, type ExportSource } from './source';
import { TextSink } from './sink';

export type CsvPart = 'nodes' | 'relationships';

const BOM = '\uFEFF';

/** Numbers and booleans as they are (a negative number is not a formula); text through csvCell. */
function cell(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return `"${String(value)}"`;
  return csvCell(Array.isArray(value) ? joinList(value) : value);
}

const line = (values: unknown[]) => `${values.map(cell).join(',')}\r\n`;

export async function writeCsv(source: ExportSource, out: Writable, part: CsvPart): Promise<void> {
  const sink = new TextSink(out);
  const columns =
    part === 'nodes'
      ? [...NODE_KEYS, ...source.nodeFields.map((f) => f.key)]
      : [...RELATIONSHIP_KEYS, ...source.relationshipFields.map((f) => f.key)];
  await sink.write(BOM + columns.map(csvCell).join(',') + '\r\n');
  const rows: AsyncIterable<Record<string, unknown>> = part === 'nodes' ? source.nodes() : source.relationships();
  for await (const row of rows) await sink.write(line(columns.map((c) => row[c])));
  await sink.end();
}
