/**
 * One cell of an imported file: refused when it holds a spreadsheet formula or HTML (reported as a bad
 * row, never stored, never silently altered), otherwise converted to the value its field expects
 * (numbers with a decimal comma, ';'-separated lists, dates as 1.3.2024 or spreadsheet dates).
 */
import { z } from 'zod';

export type FieldKind = 'string' | 'number' | 'list' | 'date';

/** A cell that a spreadsheet would run: "=HYPERLINK(...)", "@SUM(A1)", "+cmd|...", "-2+3". */
const FORMULA_START = /^[=+\-@\t\r]/;
/** ...but a signed number, a phone number or a date is data: "-12,5", "+358 40 123 4567", "-". */
const PLAIN_SIGNED = /^[+-]?[\d\s().,/-]*$/;
/** An HTML tag, comment or doctype: "<b>", "</a>", "<img src=x onerror=...>", "<!-- -->". */
const HTML_TAG = /<\s*(?:[a-z][a-z0-9-]*(?:\s[^>]*)?|\/\s*[a-z][a-z0-9-]*\s*|!--[\s\S]*?--|!doctype[^>]*)>/i;

/** Why a cell cannot be imported as it is, or null. */
export function unsafeCell(text: string): string | null {
  const trimmed = text.trimStart();
  if (FORMULA_START.test(text) && !PLAIN_SIGNED.test(text)) return `looks like a spreadsheet formula ("${preview(text)}"); remove the leading ${JSON.stringify(text[0])} or the formula`;
  if (/^=/.test(trimmed)) return `looks like a spreadsheet formula ("${preview(text)}")`;
  if (HTML_TAG.test(text)) return `contains HTML ("${preview(text.match(HTML_TAG)![0])}"); plain text only`;
  return null;
}

const preview = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** The kind of value a zod field takes (optional, default and refinements unwrapped). */
export function kindOfField(field: z.ZodTypeAny | undefined, name: string): FieldKind {
  if (name === 'startDate' || name === 'endDate') return 'date';
  let t: z.ZodTypeAny | undefined = field;
  while (t && (t instanceof z.ZodOptional || t instanceof z.ZodDefault || t instanceof z.ZodNullable || t instanceof z.ZodEffects)) {
    t = t instanceof z.ZodEffects ? t.innerType() : t instanceof z.ZodDefault ? t._def.innerType : (t as z.ZodOptional<z.ZodTypeAny>).unwrap();
  }
  if (t instanceof z.ZodNumber) return 'number';
  if (t instanceof z.ZodArray) return 'list';
  return 'string';
}

export type Converted = { value: unknown } | { error: string } | null;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** Across realms too (a spreadsheet library's Date may not be this realm's). */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A cell's value for its field; null for an empty cell (the field is left out). */
export function convertCell(raw: unknown, kind: FieldKind): Converted {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' && raw.trim() === '') return null;
  switch (kind) {
    case 'number': {
      if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { error: 'expected a number' };
      // "1 200 000,50" (Finnish), "1200000.50", "1 200 000 €"
      const text = String(raw).replace(/[\s\u00a0€]/g, '').replace(/,(?=\d+$)/, '.');
      const n = /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      return Number.isFinite(n) ? { value: n } : { error: `expected a number, got "${preview(String(raw))}"` };
    }
    case 'list':
      if (Array.isArray(raw)) return { value: raw.map((v) => String(v).trim()).filter(Boolean) };
      return { value: String(raw).split(';').map((s) => s.trim()).filter(Boolean) };
    case 'date': {
      if (isDate(raw)) return Number.isNaN(raw.getTime()) ? { error: 'not a date' } : { value: isoDate(raw) };
      // A spreadsheet date serial (days since 1899-12-30), when the cell's date format was not kept.
      if (typeof raw === 'number') return raw > 0 && raw < 2958466 ? { value: isoDate(new Date(Math.round((raw - 25569) * 86_400_000))) } : { error: 'not a date' };
      const text = String(raw).trim();
      // 1.3.2024 or 01.03.2024 (Finnish), else as written (the schema checks YYYY-MM-DD).
      const fi = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
      if (fi) return { value: `${fi[3]}-${fi[2].padStart(2, '0')}-${fi[1].padStart(2, '0')}` };
      return { value: text.length > 10 && /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text };
    }
    default:
      if (isDate(raw)) return { value: isoDate(raw) };
      return { value: typeof raw === 'string' ? raw.trim() : String(raw) };
  }
}
