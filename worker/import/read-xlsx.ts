/**
 * Reads an XLSX workbook sheet by sheet, row by row: the zip's central directory gives the workbook,
 * its shared strings and each worksheet entry, and each entry's XML is streamed through a SAX parser
 * (saxes), so a big sheet never loads whole. exceljs's streaming WorkbookReader was used first, but it
 * reads the zip in one forward pass and, depending on how the stream is chunked, silently dropped
 * whole sheets (exceljs issues #2790, #3064): an import that loses rows without saying so.
 *
 * Each sheet's first row is its header. Shared strings and inline strings become text, numbers stay
 * numbers (a date cell is its serial number, which date fields convert), booleans stay booleans;
 * formula cells and error values are reported per cell, never evaluated.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import unzipper from 'unzipper';
import { ImportFileError, type RawItem } from './raw-items';
import { uniqueHeaders } from './read-csv';

type Directory = Awaited<ReturnType<typeof unzipper.Open.file>>;
type Entry = Directory['files'][number];

interface SheetRef {
  name: string;
  path: string;
}

const unreadable = (reason: string) =>
  new ImportFileError('XLSX_UNREADABLE', `The file cannot be read as an Excel workbook (.xlsx): ${reason}`);

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

async function openWorkbook(file: string): Promise<Directory> {
  try {
    return await unzipper.Open.file(file);
  } catch (err) {
    throw unreadable((err as Error).message);
  }
}

const entryOf = (directory: Directory, p: string): Entry | undefined => directory.files.find((f) => f.path === p);

/** The worksheets in workbook order, with their names and entries (xl/workbook.xml and its rels). */
async function sheetsOf(directory: Directory): Promise<SheetRef[]> {
  const text = async (p: string) => (await entryOf(directory, p)?.buffer())?.toString('utf8') ?? '';
  const [workbook, rels] = await Promise.all([text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')]);
  if (!workbook) throw unreadable('it has no xl/workbook.xml');
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const targetOf = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\s[^>]*>/g) ?? []) targetOf.set(attr(tag, 'Id') ?? '', attr(tag, 'Target') ?? '');
  const sheets: SheetRef[] = [];
  for (const tag of workbook.match(/<sheet\s[^>]*>/g) ?? []) {
    const target = targetOf.get(attr(tag, 'r:id') ?? '');
    const name = attr(tag, 'name');
    if (!target || !name) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    sheets.push({ name: unescape(name), path });
  }
  return sheets;
}

/** Feeds an entry's XML to a SAX parser, chunk by chunk. */
async function parseEntry(entry: Entry, parser: SaxesParser): Promise<void> {
  const stream = entry.stream();
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) parser.write(chunk);
  parser.close();
}

/** The shared strings (xl/sharedStrings.xml): each <si>'s text runs joined, phonetic runs left out. */
async function sharedStringsOf(directory: Directory): Promise<string[]> {
  const entry = entryOf(directory, 'xl/sharedStrings.xml');
  if (!entry) return [];
  const strings: string[] = [];
  const parser = new SaxesParser();
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (tag.name === 'si') current = '';
    else if (tag.name === 'rPh') inPhonetic = true;
    else if (tag.name === 't' && !inPhonetic) inText = true;
  });
  parser.on('text', (t) => {
    if (inText && current !== null) current += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 't') inText = false;
    else if (tag.name === 'rPh') inPhonetic = false;
    else if (tag.name === 'si') {
      strings.push(current ?? '');
      current = null;
    }
  });
  await parseEntry(entry, parser);
  return strings;
}

/** 'C7' -> 3 (1-based column number). */
function columnOf(ref: string | undefined, fallback: number): number {
  const letters = /^[A-Z]+/.exec(ref ?? '')?.[0];
  if (!letters) return fallback;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Cell {
  column: number;
  type: string;
  value: string;
  inline: string;
  formula: string | null;
}

/** A cell's plain value, or the reason it cannot be imported. */
function cellValue(c: Cell, shared: string[]): { value: unknown } | { reason: string } {
  if (c.formula !== null) return { reason: `is a spreadsheet formula (=${c.formula.slice(0, 40)}); paste it as a value` };
  switch (c.type) {
    case 'e':
      return { reason: `holds a spreadsheet error (${c.value})` };
    case 's': {
      const s = shared[Number(c.value)];
      return s === undefined ? { reason: 'refers to a shared string the file does not have' } : { value: s };
    }
    case 'inlineStr':
      return { value: c.inline };
    case 'str':
      return { value: c.value };
    case 'b':
      return { value: c.value === '1' };
    default: {
      if (c.value === '') return { value: undefined };
      const n = Number(c.value);
      return Number.isFinite(n) ? { value: n } : { value: c.value };
    }
  }
}

/** One worksheet's rows (row number and its cells by column number), in file order. */
async function* sheetRows(
  entry: Entry,
  shared: string[],
): AsyncGenerator<{ row: number; cells: Map<number, ReturnType<typeof cellValue>> }> {
  const parser = new SaxesParser();
  const ready: { row: number; cells: Map<number, ReturnType<typeof cellValue>> }[] = [];
  let row: { row: number; cells: Map<number, ReturnType<typeof cellValue>> } | null = null;
  let cell: Cell | null = null;
  let into: 'v' | 't' | 'f' | null = null;
  let lastRow = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    switch (tag.name) {
      case 'row':
        lastRow = Number(tag.attributes.r) || lastRow + 1;
        row = { row: lastRow, cells: new Map() };
        break;
      case 'c':
        cell = {
          column: columnOf(tag.attributes.r, (row?.cells.size ?? 0) + 1),
          type: tag.attributes.t ?? 'n',
          value: '',
          inline: '',
          formula: null,
        };
        break;
      case 'v':
        into = 'v';
        break;
      case 't':
        if (cell) into = 't';
        break;
      case 'f':
        if (cell) {
          cell.formula ??= '';
          into = 'f';
        }
        break;
    }
  });
  parser.on('text', (t) => {
    if (!cell) return;
    if (into === 'v') cell.value += t;
    else if (into === 't') cell.inline += t;
    else if (into === 'f') cell.formula += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'v' || tag.name === 't' || tag.name === 'f') into = null;
    else if (tag.name === 'c' && cell && row) {
      row.cells.set(cell.column, cellValue(cell, shared));
      cell = null;
    } else if (tag.name === 'row' && row) {
      ready.push(row);
      row = null;
    }
  });
  const stream = entry.stream();
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    parser.write(chunk);
    yield* ready.splice(0);
  }
  parser.close();
  yield* ready.splice(0);
}

/** The header and the rows of every sheet (only the first with onlyFirstSheet), as the import reads them. */
export async function* readXlsx(file: string, onlyFirstSheet: boolean): AsyncGenerator<RawItem> {
  try {
    const directory = await openWorkbook(file);
    const shared = await sharedStringsOf(directory);
    const sheets = await sheetsOf(directory);
    for (const sheetRef of onlyFirstSheet ? sheets.slice(0, 1) : sheets) {
      const entry = entryOf(directory, sheetRef.path);
      if (!entry) throw unreadable(`the sheet "${sheetRef.name}" (${sheetRef.path}) is missing`);
      const sheet = sheetRef.name;
      let headers: string[] | null = null;
      for await (const { row, cells: byColumn } of sheetRows(entry, shared)) {
        if (!headers) {
          const width = Math.max(0, ...byColumn.keys());
          headers = uniqueHeaders(
            Array.from({ length: width }, (_, i) => {
              const p = byColumn.get(i + 1);
              return p && 'value' in p ? p.value : '';
            }),
          );
          yield { kind: 'header', sheet, headers };
          continue;
        }
        const cells: Record<string, unknown> = {};
        const cellIssues: { column: string; reason: string }[] = [];
        for (const [columnNo, p] of byColumn) {
          const column = headers[columnNo - 1] ?? `column ${columnNo}`;
          if ('reason' in p) cellIssues.push({ column, reason: `the cell ${p.reason}` });
          else if (p.value !== undefined && p.value !== '') cells[column] = p.value;
        }
        if (Object.keys(cells).length === 0 && cellIssues.length === 0) continue;
        yield { kind: 'row', row, sheet, cells, cellIssues };
      }
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw unreadable((err as Error).message);
  }
}
