/**
 * The one mapper between Neo4j values and plain JSON values. Integers become numbers, temporal values
 * become ISO strings, nodes and relationships become their properties. Dates going in (startDate,
 * endDate, ...) become Neo4j dates so that ranges can be queried.
 */
import neo4j, { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

/** Entity and relationship fields stored as Neo4j DATE. */
export const DATE_FIELDS = new Set(['startDate', 'endDate']);

export function fromNeo4j(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  // Most values are strings or numbers: skip the driver's type checks (an import reads 100,000s).
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDate(value)) return value.toString();
  if (isDateTime(value) || isLocalDateTime(value)) {
    return new Date(value.toString()).toISOString();
  }
  if (isNode(value) || isRelationship(value)) return fromNeo4j(value.properties);
  if (Array.isArray(value)) return value.map(fromNeo4j);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = fromNeo4j(v);
  return out;
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
