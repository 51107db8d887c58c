/**
 * CSV for spreadsheets (RFC 4180, as Excel reads it): UTF-8 with a byte-order mark so that ä, ö and å
 * come out right, CRLF between rows, every cell quoted (commas, quotes and line breaks inside cells
 * are safe), text in one Unicode form (NFC), and formula injection neutralised: a cell starting with
 * = + - @ (or a tab or carriage return) gets a leading apostrophe, so Excel shows it as text.
 */
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value).normalize('NFC');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const toCsv = (rows: readonly (readonly unknown[])[]): string => BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
