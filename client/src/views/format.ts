/** How node and relationship fields are ordered and shown in the details panel. */
import { NODE_FIELDS, type NodeType } from '../../../domain/entities';
import { RelationshipPropsSchema } from '../../../domain/relationships';
import { h, type Child } from '../dom';
import { formatDate, formatDateTime, formatNumber, valueLabel } from '../i18n';

const CURRENCY_FIELDS = new Set(['budgetEur', 'euShareEur', 'amountEur']);
const DATE_FIELDS = new Set(['startDate', 'endDate']);
const TIMESTAMP_FIELDS = new Set(['createdAt', 'updatedAt']);
/** Shown in the panel's header or not at all. */
const HEADER_FIELDS = new Set(['label', 'type', 'name', 'source', 'target', 'workspaceId', 'aliasText', 'lastSeq']);
/** Bookkeeping, shown last. */
const META_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'];

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Field names in display order: the schema's order, then unknown extras, then bookkeeping. */
export function fieldOrder(data: Record<string, unknown>, type?: NodeType): string[] {
  const schemaKeys = Object.keys(type && type in NODE_FIELDS ? NODE_FIELDS[type].shape : RelationshipPropsSchema.shape);
  const present = Object.keys(data).filter((k) => !HEADER_FIELDS.has(k) && !isEmpty(data[k]));
  const known = schemaKeys.filter((k) => present.includes(k));
  const extra = present.filter((k) => !schemaKeys.includes(k) && !META_FIELDS.includes(k)).sort();
  const meta = META_FIELDS.filter((k) => present.includes(k));
  return [...known, ...extra, ...meta];
}

function safeUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A field value as text or a link, localised (dates, money, enum values). */
export function formatValue(field: string, value: unknown): Child {
  if (Array.isArray(value)) return value.map((v) => String(formatScalar(field, v))).join('; ');
  if (typeof value === 'string') {
    if (field === 'website') {
      const href = safeUrl(value);
      return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, value) : value;
    }
    if (field === 'email') return h('a', { href: `mailto:${value}` }, value);
    if (field === 'phone') return h('a', { href: `tel:${value.replace(/[^+0-9]/g, '')}` }, value);
  }
  return formatScalar(field, value);
}

function formatScalar(field: string, value: unknown): string {
  if (typeof value === 'number') return formatNumber(value, CURRENCY_FIELDS.has(field));
  if (typeof value === 'string') {
    if (DATE_FIELDS.has(field)) return formatDate(value);
    if (TIMESTAMP_FIELDS.has(field)) return formatDateTime(value);
    return valueLabel(field, value);
  }
  if (typeof value === 'boolean') return value ? '✓' : '–';
  return JSON.stringify(value);
}
