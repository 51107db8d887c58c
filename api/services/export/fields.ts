/**
 * The columns of an export: which stored properties the nodes (per type) and relationships have, and
 * one value kind per property, read from Neo4j's value types before the first row is written (CSV
 * headers, GraphML/GEXF attribute declarations and xlsx sheets need them up front).
 */
export type FieldKind = 'string' | 'integer' | 'double' | 'boolean' | 'date' | 'datetime' | 'list';

export interface Field {
  key: string;
  kind: FieldKind;
}

/** One Cypher value type (valueType(), e.g. 'LIST<STRING NOT NULL> NOT NULL') as a field kind. */
function kindOfValueType(valueType: string): FieldKind {
  const t = valueType.replace(/ NOT NULL$/, '');
  if (t.startsWith('LIST')) return 'list';
  switch (t) {
    case 'INTEGER':
      return 'integer';
    case 'FLOAT':
      return 'double';
    case 'BOOLEAN':
      return 'boolean';
    case 'DATE':
      return 'date';
    case 'ZONED DATETIME':
    case 'LOCAL DATETIME':
      return 'datetime';
    default:
      return 'string';
  }
}

/** Kinds seen for one property, as one: integers among floats are doubles; any other mix is text. */
export function mergeKinds(kinds: Iterable<FieldKind>): FieldKind {
  const set = new Set(kinds);
  if (set.size === 1) return [...set][0];
  if (set.size === 2 && set.has('integer') && set.has('double')) return 'double';
  return 'string';
}

export const kindOf = (valueTypes: readonly string[]): FieldKind => mergeKinds(valueTypes.map(kindOfValueType));

/** name first, then the other properties alphabetically, the derived metrics_* last. */
export function orderFields(fields: Field[]): Field[] {
  const rank = (key: string) => (key === 'name' ? 0 : key.startsWith('metrics_') ? 2 : 1);
  return [...fields].sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The union of several field lists (a key in several lists gets the merged kind), ordered. */
export function unionFields(lists: Iterable<Field[]>): Field[] {
  const kinds = new Map<string, FieldKind[]>();
  for (const list of lists) for (const f of list) kinds.set(f.key, [...(kinds.get(f.key) ?? []), f.kind]);
  return orderFields([...kinds].map(([key, k]) => ({ key, kind: mergeKinds(k) })));
}

/** A list property as one text cell (CSV, GraphML, GEXF): items joined with ';'. */
export const joinList = (value: unknown[]): string => value.map((v) => String(v)).join(';');
