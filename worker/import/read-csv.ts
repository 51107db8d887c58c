/**
 * Streams a CSV file: checks that it is UTF-8 as it goes (a BOM is fine; Latin-1 / Windows-1252 is
 * reported with the byte, line and the character it probably meant, never guessed), then csv-parse.
 * The delimiter (, ; or tab) is taken from the header line, as Finnish Excel writes ';'.
 */
import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { ImportFileError, type RawItem } from './raw-items';

/** The offset where a buffer stops being valid UTF-8, or -1. */
export function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** How many bytes at the end of b are an incomplete UTF-8 sequence (to carry to the next chunk). */
function incompleteTail(b: Buffer): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back];
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Bytes in, UTF-8 text out; a byte that is not UTF-8 ends the stream with a clear ImportFileError. */
export function utf8Checker(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let carry = Buffer.alloc(0);
  let offset = 0;
  let lines = 1;
  const decode = (bytes: Buffer): string => {
    try {
      return decoder.decode(bytes);
    } catch {
      const at = Math.max(0, firstInvalidUtf8(bytes));
      let line = lines;
      for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
      const byte = bytes[at];
      const latin = Buffer.from([byte]).toString('latin1');
      throw new ImportFileError(
        'NOT_UTF8',
        `The file is not UTF-8: byte 0x${byte.toString(16).toUpperCase()} at byte ${offset + at + 1}, line ${line}` +
          (byte >= 0xc0 ? ` (in Windows-1252/Latin-1 that is "${latin}": the file seems to be saved as Windows-1252)` : '') +
          '. Save it as UTF-8 (Excel: "CSV UTF-8") and import it again; nothing was stored.',
        { row: line },
      );
    }
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      try {
        const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const tail = incompleteTail(bytes);
        const whole = bytes.subarray(0, bytes.length - tail);
        carry = Buffer.from(bytes.subarray(bytes.length - tail));
        const text = decode(whole);
        offset += whole.length;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
        done(null, text);
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        done(null, carry.length ? decode(carry) : undefined);
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

/** The delimiter of the header line: the most frequent of , ; and tab outside quotes. */
export async function sniffDelimiter(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65536), 0, 65536, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const firstLine = head.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
    const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
    return counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ',';
  } finally {
    await handle.close();
  }
}

/** Unique, trimmed header names ("Nimi", "Nimi (2)"). */
export function uniqueHeaders(raw: unknown[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = String(h ?? '').trim() || `column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export async function* readCsv(input: Readable, delimiter: string): AsyncGenerator<RawItem> {
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  const checker = utf8Checker();
  const fail = (err: Error) => parser.destroy(err);
  input.on('error', fail);
  checker.on('error', fail);
  input.pipe(checker).pipe(parser);
  let headers: string[] | null = null;
  let row = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!headers) {
        headers = uniqueHeaders(record);
        yield { kind: 'header', headers };
        continue;
      }
      row++;
      const cells: Record<string, unknown> = {};
      record.forEach((value, i) => {
        if (i < headers!.length) cells[headers![i]] = value;
        else if (value.trim()) cells[`column ${i + 1}`] = value;
      });
      yield { kind: 'row', row, cells };
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    const e = err as Error & { code?: string; lines?: number };
    if (typeof e.code === 'string' && !(err instanceof ImportFileError)) throw new ImportFileError('CSV_UNREADABLE', `The CSV file cannot be read at line ${e.lines ?? '?'}: ${e.message}`, { row: e.lines ?? row + 1 });
    throw err;
  } finally {
    input.destroy();
  }
}
