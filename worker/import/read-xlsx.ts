/**
 * Streams an XLSX workbook with exceljs's WorkbookReader (sheet by sheet, row by row; shared strings
 * and styles cached, so that date cells are dates). Each sheet's first row is its header. Formula cells and error values are
 * reported per cell, never evaluated; rich text and hyperlinks become their plain text.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportFileError, type RawItem } from './raw-items';
import { uniqueHeaders } from './read-csv';

type CellValue = ExcelJS.CellValue;

/** A cell's plain value, or the reason it cannot be imported. */
function plainValue(v: CellValue): { value: unknown } | { reason: string } {
  if (v === null || v === undefined) return { value: undefined };
  if (typeof v !== 'object' || Object.prototype.toString.call(v) === '[object Date]') return { value: v };
  if ('formula' in v || 'sharedFormula' in v) {
    const f = 'formula' in v ? v.formula : (v as { sharedFormula: string }).sharedFormula;
    return { reason: `is a spreadsheet formula (=${String(f).slice(0, 40)}); paste it as a value` };
  }
  if ('error' in v) return { reason: `holds a spreadsheet error (${String(v.error)})` };
  if ('richText' in v) return { value: v.richText.map((r) => r.text).join('') };
  if ('text' in v) return { value: typeof v.text === 'string' ? v.text : String(v.text) };
  return { reason: 'holds a value that is not text, a number or a date' };
}

export async function* readXlsx(input: Readable, onlyFirstSheet: boolean): AsyncGenerator<RawItem> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  try {
    for await (const sheetReader of reader) {
      const sheet = (sheetReader as unknown as { name: string }).name;
      let headers: string[] | null = null;
      for await (const row of sheetReader) {
        const values = (row.values as CellValue[]) ?? [];
        if (!headers) {
          headers = uniqueHeaders(values.slice(1).map((v) => {
            const p = plainValue(v);
            return 'value' in p ? p.value : '';
          }));
          yield { kind: 'header', sheet, headers };
          continue;
        }
        const cells: Record<string, unknown> = {};
        const cellIssues: { column: string; reason: string }[] = [];
        for (let i = 1; i < values.length; i++) {
          const column = headers[i - 1] ?? `column ${i}`;
          const p = plainValue(values[i]);
          if ('reason' in p) cellIssues.push({ column, reason: `the cell ${p.reason}` });
          else if (p.value !== undefined && p.value !== '') cells[column] = p.value;
        }
        if (Object.keys(cells).length === 0 && cellIssues.length === 0) continue;
        yield { kind: 'row', row: row.number, sheet, cells, cellIssues };
      }
      if (onlyFirstSheet) break;
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError('XLSX_UNREADABLE', `The file cannot be read as an Excel workbook (.xlsx): ${(err as Error).message}`);
  } finally {
    input.destroy();
  }
}
