/**
 * Streams an XLSX workbook with exceljs's WorkbookReader (sheet by sheet, row by row; shared strings
 * cached, styles ignored: a date cell comes as its serial number, which date fields convert). Each
 * sheet's first row is its header. Formula cells and error values are reported per cell, never
 * evaluated; rich text and hyperlinks become their plain text.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
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

/**
 * The sheets' names by sheet number ("1" -> "Organisation"), read from xl/workbook.xml and its rels
 * through the zip's central directory (only those two small entries are read). The streaming reader
 * names a sheet only if workbook.xml came before it in the stream, which depends on the writer and on
 * how the stream is chunked.
 */
export async function xlsxSheetNames(file: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let directory;
  try {
    directory = await unzipper.Open.file(file);
  } catch (err) {
    throw new ImportFileError('XLSX_UNREADABLE', `The file cannot be read as an Excel workbook (.xlsx): ${(err as Error).message}`);
  }
  const text = async (p: string) => (await directory.files.find((f) => f.path === p)?.buffer())?.toString('utf8') ?? '';
  const [workbook, rels] = await Promise.all([text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')]);
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const targetOf = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\s[^>]*>/g) ?? []) targetOf.set(attr(tag, 'Id') ?? '', attr(tag, 'Target') ?? '');
  for (const tag of workbook.match(/<sheet\s[^>]*>/g) ?? []) {
    const no = /sheet(\d+)\.xml$/.exec(targetOf.get(attr(tag, 'r:id') ?? '') ?? '')?.[1];
    const name = attr(tag, 'name');
    if (no && name) names.set(no, name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  }
  return names;
}

export async function* readXlsx(input: Readable, onlyFirstSheet: boolean, names: Map<string, string>): AsyncGenerator<RawItem> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  try {
    for await (const sheetReader of reader) {
      // Unnamed, exceljs calls it Sheet<n> with n the number in its file name (xl/worksheets/sheet<n>.xml).
      const { id, name } = sheetReader as unknown as { id: number | string; name: string };
      const sheet = name === `Sheet${id}` ? (names.get(String(id)) ?? name) : name;
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
