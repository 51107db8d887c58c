/**
 * XML text for GraphML and GEXF: characters XML 1.0 cannot carry are dropped (escaping cannot save a
 * control character), markup characters escaped; in attribute values also tabs and line breaks, which
 * a parser would otherwise turn into spaces.
 */
import { joinList, type FieldKind } from './fields';

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Text without the characters XML 1.0 (and so an xlsx sheet) cannot hold. */
export const xmlSafe = (value: string): string => value.replace(NOT_XML, '');

export const xmlText = (value: string): string => value.replace(NOT_XML, '').replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]);
export const xmlAttr = (value: string): string => value.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c]);

/** A stored value as the text of an attribute of the declared kind. */
export function xmlValue(value: unknown, kind: FieldKind): string {
  if (Array.isArray(value)) return joinList(value);
  if (kind === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
