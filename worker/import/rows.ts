/**
 * Turns the readers' raw rows into node or relationship rows: columns mapped to fields (the mapping
 * given, else guessed from the headers in fi/en/sv), every cell checked (formulas, HTML) and converted,
 * then the whole row validated with the entity's own zod schema (domain/entities createSchemaFor,
 * RelationshipCreateSchema). A bad row carries every reason, with its column.
 */
import type { z } from 'zod';
import { COLLECTIONS, NODE_FIELDS, NODE_TYPES, createSchemaFor, type NodeType } from '../../domain/entities';
import { fieldsOf, guessMapping } from '../../domain/import-headers';
import type { ImportEntityType, ImportIssue, ImportMapping } from '../../domain/imports';
import { RELATIONSHIP_TYPES, RelationshipCreateSchema, RelationshipPropsSchema, type RelationshipType } from '../../domain/relationships';
import { convertCell, kindOfField, unsafeCell } from './cells';
import { ImportFileError, type HeaderItem, type RowItem } from './raw-items';

export interface NodeRow {
  kind: 'node';
  row: number;
  sheet?: string;
  nodeType: NodeType;
  /** The id the file gives (before it is resolved for this workspace). */
  id?: string;
  props: Record<string, unknown>;
}
export interface RelationshipRow {
  kind: 'relationship';
  row: number;
  sheet?: string;
  relType: RelationshipType;
  id?: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
}
export interface BadRow {
  kind: 'bad';
  row: number;
  sheet?: string;
  issues: ImportIssue[];
}
export type ParsedRow = NodeRow | RelationshipRow | BadRow;

/** What a sheet's rows are: one node type, relationships, or nodes typed by their "type" column. */
type Target = Exclude<NodeType, 'Workspace'> | 'Relationship' | 'ByTypeColumn';

interface SheetPlan {
  target: Target;
  /** column -> field; columns not in it are left out (and said so in the notes). */
  fields: Map<string, string>;
  /** field -> column, to name the column of an issue. */
  columns: Map<string, string>;
}

/** Properties the system keeps itself: an export carries them, an import leaves them out (noted). */
const SYSTEM_FIELDS = /^(createdAt|updatedAt|version|searchText|aliasText|createdBy|workshopId|hidden|lastSeq|metrics_.*)$/;

const typeKey = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, '');
const NODE_TYPE_BY_NAME = new Map<string, NodeType>([
  ...NODE_TYPES.map((t) => [typeKey(t), t] as const),
  ...Object.entries(COLLECTIONS).map(([c, t]) => [typeKey(c), t as NodeType] as const),
]);

export function nodeTypeByName(name: unknown): Exclude<NodeType, 'Workspace'> | null {
  if (typeof name !== 'string') return null;
  const t = NODE_TYPE_BY_NAME.get(typeKey(name));
  return t && t !== 'Workspace' ? (t as Exclude<NodeType, 'Workspace'>) : null;
}

export function relTypeByName(name: unknown): RelationshipType | null {
  if (typeof name !== 'string') return null;
  const t = name.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return (RELATIONSHIP_TYPES as readonly string[]).includes(t) ? (t as RelationshipType) : null;
}

const isRelationshipSheet = (name: string | undefined) => !!name && /^(relationships?|links?|edges?|suhteet|yhteydet|relationer)$/i.test(name.trim());

function requiredFields(target: Target): string[] {
  if (target === 'Relationship') return ['type', 'source', 'target'];
  if (target === 'ByTypeColumn') return ['type', 'name'];
  const shape = NODE_FIELDS[target].shape as z.ZodRawShape;
  return Object.entries(shape).filter(([, f]) => !(f as z.ZodTypeAny).isOptional()).map(([k]) => k);
}

function fieldShape(target: NodeType | 'Relationship'): z.ZodRawShape {
  return target === 'Relationship' ? RelationshipPropsSchema.shape : (NODE_FIELDS[target].shape as z.ZodRawShape);
}

export class RowShaper {
  private plans = new Map<string, SheetPlan | null>();
  private planErrors = new Map<string, ImportFileError>();
  private systemColumnsNoted = false;
  private ignoredSystemFields = new Set<string>();
  /** createSchemaFor builds a schema each call: one per node type is enough for a whole file. */
  private readonly createSchemas = new Map<NodeType, ReturnType<typeof createSchemaFor>>();

  constructor(
    private readonly options: { entityType?: ImportEntityType; mapping?: ImportMapping },
    private readonly note: (text: string) => void,
  ) {}

  /** A sheet's (or a CSV file's) header: decides what its rows are and how its columns map. */
  header(item: HeaderItem): void {
    const { sheet, headers } = item;
    let target: Target | null = this.options.entityType ?? null;
    if (!target && sheet !== undefined) target = isRelationshipSheet(sheet) ? 'Relationship' : nodeTypeByName(sheet);
    const mapping = this.options.mapping ?? guessMapping(headers, target);
    const fields = new Map<string, string>();
    for (const header of headers) {
      const field = mapping[header];
      if (field && field !== '-') fields.set(header, field);
    }
    const mapped = new Set(fields.values());
    if (!target) {
      if (mapped.has('source') && mapped.has('target')) target = 'Relationship';
      else if (mapped.has('type')) target = 'ByTypeColumn';
      else {
        // Only an error if the sheet has rows (an export's empty default sheet is fine).
        this.plans.set(sheet ?? '', null);
        this.planErrors.set(sheet ?? '', new ImportFileError('ENTITY_TYPE_NEEDED', `Say what the rows of ${sheet ? `sheet "${sheet}"` : 'the file'} are (entityType: Organisation, Project, Person, ..., or Relationship), or add a "type" column`, { row: 1, sheet }));
        return;
      }
    }
    const allowed = target === 'ByTypeColumn' ? null : new Set(fieldsOf(target));
    for (const [column, field] of fields) {
      const known = allowed ? allowed.has(field) : field === 'id' || field === 'type' || Object.values(NODE_FIELDS).some((shape) => field in shape.shape);
      if (!known) throw new ImportFileError('MAPPING_INVALID', `Column "${column}" is mapped to "${field}", which is not a field of ${target === 'ByTypeColumn' ? 'any node type' : target}`, { row: 1, column, sheet });
    }
    const missing = requiredFields(target).filter((f) => !mapped.has(f));
    if (missing.length) {
      throw new ImportFileError(
        'MISSING_COLUMNS',
        `Required column${missing.length > 1 ? 's' : ''} missing for ${target === 'ByTypeColumn' ? 'nodes' : target}${sheet ? ` (sheet "${sheet}")` : ''}: ${missing.join(', ')}. Columns found: ${headers.join(', ') || '(none)'}; nothing was stored.`,
        { row: 1, column: missing[0], sheet },
      );
    }
    const system = headers.filter((h) => !fields.has(h) && SYSTEM_FIELDS.test(h));
    if (system.length && !this.systemColumnsNoted) {
      this.systemColumnsNoted = true;
      this.note(`Columns the system keeps itself were not imported (${system.slice(0, 5).join(', ')}${system.length > 5 ? ', ...' : ''})`);
    }
    const ignored = headers.filter((h) => !fields.has(h) && !SYSTEM_FIELDS.test(h));
    if (ignored.length) this.note(`${sheet ? `Sheet "${sheet}": c` : 'C'}olumns not imported (not mapped to a field): ${ignored.join(', ')}`);
    this.plans.set(sheet ?? '', { target, fields, columns: new Map([...fields].map(([c, f]) => [f, c])) });
  }

  /** One raw row as a node, relationship or bad row. */
  row(item: RowItem): ParsedRow {
    if (item.graphKind) return this.graphRow(item);
    const plan = this.plans.get(item.sheet ?? '');
    const planError = this.planErrors.get(item.sheet ?? '');
    if (planError) throw planError;
    if (!plan) throw new ImportFileError('NO_HEADER', 'A row came before its header row', { row: item.row, sheet: item.sheet });
    const issues: ImportIssue[] = (item.cellIssues ?? []).map((c) => ({ row: item.row, sheet: item.sheet, column: c.column, reason: c.reason }));
    const values: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(item.cells)) {
      const field = plan.fields.get(column);
      if (field) values[field] = value;
    }
    const column = (field: string) => plan.columns.get(field) ?? field;
    let target = plan.target;
    if (target === 'ByTypeColumn') {
      const t = nodeTypeByName(values.type);
      if (!t) return bad(item, [...issues, { row: item.row, sheet: item.sheet, column: column('type'), reason: `"${String(values.type ?? '')}" is not a node type (${NODE_TYPES.filter((n) => n !== 'Workspace').join(', ')})` }]);
      target = t;
    }
    if (target === 'Relationship') return this.relationship(item, values, column, issues);
    delete values.type;
    return this.node(item, target, values, column, issues);
  }

  /** JSON / GraphML / GEXF: the cells are already field -> value. */
  private graphRow(item: RowItem): ParsedRow {
    const values: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(item.cells)) {
      if (SYSTEM_FIELDS.test(field)) {
        if (!this.ignoredSystemFields.has(field)) {
          this.ignoredSystemFields.add(field);
          this.note(`Field "${field}" is kept by the system and was not imported`);
        }
      } else values[field] = value;
    }
    const same = (f: string) => f;
    if (item.graphKind === 'relationship') {
      return this.relationship(item, { ...values, source: values.source ?? values.from, target: values.target ?? values.to, from: undefined, to: undefined }, same, []);
    }
    const nodeType = nodeTypeByName(values.type);
    if (!nodeType) return bad(item, [{ row: item.row, sheet: item.sheet, column: 'type', reason: `"${String(values.type ?? '')}" is not a node type` }]);
    delete values.type;
    return this.node(item, nodeType, values, same, []);
  }

  private convert(item: RowItem, shape: z.ZodRawShape, values: Record<string, unknown>, column: (f: string) => string, issues: ImportIssue[], skip: Set<string>) {
    const props: Record<string, unknown> = {};
    for (const [field, raw] of Object.entries(values)) {
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || skip.has(field)) continue;
      const texts = Array.isArray(raw) ? raw : [raw];
      const unsafe = texts.map((t) => (typeof t === 'string' ? unsafeCell(t) : null)).find(Boolean);
      if (unsafe) {
        issues.push({ row: item.row, sheet: item.sheet, column: column(field), reason: unsafe });
        continue;
      }
      if (!(field in shape)) {
        props[field] = raw; // the strict schema names it as an unknown field
        continue;
      }
      const converted = convertCell(raw, kindOfField(shape[field] as z.ZodTypeAny, field));
      if (converted && 'error' in converted) issues.push({ row: item.row, sheet: item.sheet, column: column(field), reason: converted.error });
      else if (converted) props[field] = converted.value;
    }
    return props;
  }

  private node(item: RowItem, nodeType: NodeType, values: Record<string, unknown>, column: (f: string) => string, issues: ImportIssue[]): ParsedRow {
    const idText = idOf(values.id);
    const unsafeId = typeof values.id === 'string' ? unsafeCell(values.id) : null;
    if (unsafeId) issues.push({ row: item.row, sheet: item.sheet, column: column('id'), reason: unsafeId });
    const props = this.convert(item, fieldShape(nodeType), values, column, issues, new Set(['id']));
    let schema = this.createSchemas.get(nodeType);
    if (!schema) this.createSchemas.set(nodeType, (schema = createSchemaFor(nodeType)));
    const checked = schema.safeParse(idText === undefined ? props : { ...props, id: idText });
    if (!checked.success) issues.push(...zodIssues(item, checked.error, column, issues));
    if (issues.length) return bad(item, issues);
    const { id, ...data } = checked.data as Record<string, unknown> & { id?: string };
    return { kind: 'node', row: item.row, sheet: item.sheet, nodeType, id, props: data };
  }

  private relationship(item: RowItem, values: Record<string, unknown>, column: (f: string) => string, issues: ImportIssue[]): ParsedRow {
    const relType = relTypeByName(values.type);
    if (!relType) issues.push({ row: item.row, sheet: item.sheet, column: column('type'), reason: `"${String(values.type ?? '')}" is not a relationship type (${RELATIONSHIP_TYPES.join(', ')})` });
    for (const f of ['id', 'source', 'target']) {
      const unsafe = typeof values[f] === 'string' ? unsafeCell(values[f] as string) : null;
      if (unsafe) issues.push({ row: item.row, sheet: item.sheet, column: column(f), reason: unsafe });
    }
    const props = this.convert(item, RelationshipPropsSchema.shape, values, column, issues, new Set(['id', 'type', 'source', 'target', 'from', 'to']));
    const data = { ...props, id: idOf(values.id), type: relType ?? 'COOPERATES_WITH', from: idOf(values.source), to: idOf(values.target) };
    const checked = RelationshipCreateSchema.safeParse(data);
    const rename = (f: string) => column(f === 'from' ? 'source' : f === 'to' ? 'target' : f);
    if (!checked.success) issues.push(...zodIssues(item, checked.error, rename, issues));
    if (issues.length || !relType || !checked.success) return bad(item, issues);
    const { id, type: _type, from, to, ...rest } = checked.data;
    return { kind: 'relationship', row: item.row, sheet: item.sheet, relType, id, source: from, target: to, props: rest };
  }
}

const bad = (item: RowItem, issues: ImportIssue[]): BadRow => ({ kind: 'bad', row: item.row, sheet: item.sheet, issues });

function idOf(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** The schema's issues, but not again for a column already reported (a formula left out is not also "Required"). */
function zodIssues(item: RowItem, error: z.ZodError, column: (f: string) => string, already: ImportIssue[]): ImportIssue[] {
  const reported = new Set(already.map((i) => i.column));
  return error.issues.filter((i) => !reported.has(column(String(i.path[0] ?? '')))).map((i) => {
    const field = String(i.path[0] ?? '');
    const reason = i.code === 'unrecognized_keys' ? `not a field of this type: ${i.keys.join(', ')}` : field ? `${i.message}` : i.message;
    return { row: item.row, sheet: item.sheet, column: field ? column(field) : i.code === 'unrecognized_keys' ? i.keys.join(', ') : undefined, reason };
  });
}
