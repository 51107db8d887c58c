/**
 * An Excel workbook that the importer reads back unchanged: one sheet per node type (id, then the
 * type's fields), a "relationships" sheet (id, type, source, target, then their fields). Numbers and
 * booleans as Excel numbers and booleans, dates and times as ISO text (no time-zone shifts), lists
 * joined with ';' as in CSV (the importer splits them there; an item holding ';' comes back as two, the
 * JSON export keeps it whole). Text is never written as a formula. Written with
 * exceljs's streaming WorkbookWriter, one sheet after the other, row by row.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { joinList, type Field } from './fields';
import { ExportAborted, roomIn } from './sink';
import { RELATIONSHIP_KEYS, type ExportSource } from './source';
import { xmlSafe } from './xml';

export const RELATIONSHIPS_SHEET = 'relationships';

type CellValue = string | number | boolean | null;

export function xlsxCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return xmlSafe(joinList(value));
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return xmlSafe(String(value));
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: Writable,
  name: string,
  columns: string[],
  rows: AsyncIterable<Record<string, unknown>>,
): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns).commit();
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => xlsxCell(row[c]))).commit();
    await roomIn(out);
  }
  sheet.commit();
}

const keys = (fields: Field[]) => fields.map((f) => f.key);

export async function writeXlsx(source: ExportSource, out: Writable, exportedAt: Date): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  workbook.creator = 'Verkosto';
  workbook.created = exportedAt;
  workbook.title = source.workspace.name;
  for (const [type, fields] of source.nodeTypes) {
    await writeSheet(workbook, out, type, ['id', ...keys(fields)], source.nodes(type));
  }
  await writeSheet(workbook, out, RELATIONSHIPS_SHEET, [...RELATIONSHIP_KEYS, ...keys(source.relationshipFields)], source.relationships());
  // A client that leaves while the zip is finished would leave commit() waiting for 'finish' for ever.
  const closed = once(out, 'close').then(() => {
    if (!out.writableFinished) throw new ExportAborted();
  });
  await Promise.race([workbook.commit(), closed]);
}
