/**
 * The one mapper between Neo4j values and plain JSON values. Integers become numbers, temporal values
 * become ISO strings, nodes and relationships become their properties. Dates going in (startDate,
 * endDate, ...) become Neo4j dates so that ranges can be queried.
 */
import neo4j, { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship, type DateTime, type Integer } from 'neo4j-driver';

/** Entity and relationship fields stored as Neo4j DATE. */
export const DATE_FIELDS = new Set(['startDate', 'endDate']);

export function fromNeo4j(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  // Most values are strings or numbers: skip the driver's type checks (an import reads 100,000s).
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDate(value)) return value.toString();
  if (isDateTime(value)) return dateTimeToIso(value);
  if (isLocalDateTime(value)) return new Date(value.toString()).toISOString();
  if (isNode(value) || isRelationship(value)) return fromNeo4j(value.properties);
  if (Array.isArray(value)) return value.map(fromNeo4j);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = fromNeo4j(v);
  return out;
}

const num = (x: number | Integer) => (typeof x === 'number' ? x : x.toNumber());

/**
 * A DATETIME as an ISO string in UTC, computed from its fields: five times faster than parsing the
 * driver's toString(), which also fails for a zone id ("...+02:00[Europe/Helsinki]").
 */
function dateTimeToIso(value: DateTime<number | Integer>): string {
  const offset = value.timeZoneOffsetSeconds;
  const year = num(value.year);
  if (offset === undefined || year < 100) return value.toStandardDate().toISOString(); // Date.UTC reads 0–99 as 19xx
  const ms = Date.UTC(year, num(value.month) - 1, num(value.day), num(value.hour), num(value.minute), num(value.second), Math.floor(num(value.nanosecond) / 1e6));
  return new Date(ms - num(offset) * 1000).toISOString();
}

/**
 * Timestamps a query sent as epoch milliseconds (`n.createdAt.epochMillis`: the driver decodes a
 * DATETIME with 64-bit integer arithmetic, too slow for the 10,000s of a whole map) as the ISO strings
 * every other read gives; a null one is left out, as a property that is not set.
 */
export function epochMillisToIso<T extends Record<string, unknown>>(entity: T, fields: readonly string[] = ['createdAt', 'updatedAt']): T {
  const out = entity as Record<string, unknown>;
  for (const key of fields) {
    const value = out[key];
    if (typeof value === 'number') out[key] = new Date(value).toISOString();
    else if (value === null) delete out[key];
  }
  return entity;
}

/** A record's columns as a plain object. */
export function recordToObject<T>(record: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }): T {
  const out: Record<string, unknown> = {};
  for (const key of record.keys) out[String(key)] = fromNeo4j(record.get(key));
  return out as T;
}

/** Properties on their way into Neo4j: ISO dates in DATE_FIELDS become Neo4j dates; null stays (removes). */
export function toNeo4jProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (DATE_FIELDS.has(k) && typeof v === 'string') {
      const [y, m, d] = v.split('-').map(Number);
      out[k] = new neo4j.types.Date(y, m, d);
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** A whole-number parameter (LIMIT, SKIP, list slices need Neo4j integers, not floats). */
export const toNeo4jInt = (n: number) => neo4j.int(Math.trunc(n));
