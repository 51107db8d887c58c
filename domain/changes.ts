/**
 * A change event: what the API puts on the queue for every write, what the worker applies and appends
 * to the change log, and (with its sequence number) what clients receive.
 */
import { z } from 'zod';
import { IdSchema, NODE_SCHEMAS, NodeTypeSchema, type NodeType, updateSchemaFor } from './entities';
import {
  levelIssue,
  RelationshipCreateSchema,
  RelationshipTypeSchema,
  RelationshipUpdateSchema,
  type RelationshipType,
} from './relationships';

export const CHANGE_OPS = [
  'node:create',
  'node:update',
  'node:delete',
  'relationship:create',
  'relationship:update',
  'relationship:delete',
  'node:merge',
  'node:unmerge',
  'import:chunk',
] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** Who made a change: a user id, a workshop participant, or "seed" / "import". */
export const ActorSchema = z.string().min(1).max(200);

interface ChangeBase {
  /** Unique change id (UUID); the change log's key, so applying a change twice is a no-op. */
  id: string;
  workspaceId: string;
  actor: string;
  /** ISO timestamp when the API accepted the change. */
  at: string;
  /** The workshop a participant's (or its facilitator's) change was made in; kept in the change log. */
  workshopId?: string;
  /** The workshop participant who made it: created nodes and links get createdBy = this id. */
  participantId?: string;
}
export interface NodeCreateChange extends ChangeBase {
  op: 'node:create';
  nodeType: NodeType;
  nodeId: string;
  props: Record<string, unknown>;
  /**
   * Add-or-get: when a node with this id and type already exists in the workspace it is returned as it
   * is (its fields are set only when it is created). Workshop participants' organisations, themes and
   * projects, whose ids are derived from the normalised name, are created this way.
   */
  addOrGet?: boolean;
}
export interface NodeUpdateChange extends ChangeBase {
  op: 'node:update';
  nodeType: NodeType;
  nodeId: string;
  /** null removes a field. */
  props: Record<string, unknown>;
  /** The version the edit was based on; a stale one fails with a conflict. */
  baseVersion?: number;
  /** A workshop facilitator hides (true) or shows (false) the node: sets `hidden`, with or without props. */
  hidden?: boolean;
}
export interface NodeDeleteChange extends ChangeBase {
  op: 'node:delete';
  nodeType: NodeType;
  nodeId: string;
}
export interface RelationshipCreateChange extends ChangeBase {
  op: 'relationship:create';
  relType: RelationshipType;
  relId: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}
export interface RelationshipUpdateChange extends ChangeBase {
  op: 'relationship:update';
  relType: RelationshipType;
  relId: string;
  props: Record<string, unknown>;
}
export interface RelationshipDeleteChange extends ChangeBase {
  op: 'relationship:delete';
  relType: RelationshipType;
  relId: string;
}
/**
 * Merges mergedId into nodeId (the survivor), both of nodeType in the workspace: every link of the
 * merged node moves to the survivor (same type, properties and id; links between the two are dropped),
 * its name and aliases become aliases of the survivor, and it is deleted.
 */
export interface NodeMergeChange extends ChangeBase {
  op: 'node:merge';
  nodeType: NodeType;
  /** The survivor. */
  nodeId: string;
  mergedId: string;
}
/**
 * What a merge changed, recorded with it in the change log (never sent to clients: it holds the merged
 * node's contact fields) so that it can be undone: the merged node's stored properties, the survivor's
 * aliases before and the fields it took, the ids of the links that moved, and the links that collapsed
 * into one of the survivor's (with the properties that one took) or were dropped between the two.
 */
export const MergeUndoSchema = z.object({
  merged: z.record(z.unknown()),
  aliasesBefore: z.array(z.string()),
  filled: z.array(z.string()),
  moved: z.array(z.string()),
  collapsed: z.array(
    z.object({ type: RelationshipTypeSchema, props: z.record(z.unknown()), out: z.boolean(), other: z.string(), into: z.string(), taken: z.array(z.string()) }),
  ),
  dropped: z.array(z.object({ type: RelationshipTypeSchema, props: z.record(z.unknown()), out: z.boolean() })),
});
export type MergeUndo = z.infer<typeof MergeUndoSchema>;

/**
 * Undoes the merge change mergeChangeId: the merged node comes back with its properties and id, its
 * moved links go back to it, collapsed and dropped links are made again, and the survivor loses the
 * aliases and fields it took. Fails if the merge was undone already or the id is taken again.
 */
export interface NodeUnmergeChange extends ChangeBase {
  op: 'node:unmerge';
  nodeType: NodeType;
  /** The survivor of the merge. */
  nodeId: string;
  mergedId: string;
  mergeChangeId: string;
  undo: MergeUndo;
}
/** A row of an import chunk: a node to create, or (update) the fields of an existing one that differ. */
export interface ImportNodeRow {
  /** The file's row (spreadsheet numbering) and sheet, to report a row the worker could not apply. */
  row: number;
  sheet?: string;
  nodeType: NodeType;
  nodeId: string;
  props: Record<string, unknown>;
  update?: true;
}
/** A link of an import chunk: created, or (update) the properties of an existing one that differ. */
export interface ImportLinkRow {
  row: number;
  sheet?: string;
  relType: RelationshipType;
  relId: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
  update?: true;
}
/**
 * One chunk of an import (up to 2,000 rows of a file, checked and planned by the import job): applied in
 * one go by UNWIND queries, logged as one change ('import:applied') and announced as one event. Rows that
 * need nothing are not in it. Undoing it is not supported (an import is undone by editing or deleting).
 */
export interface ImportChunkChange extends ChangeBase {
  op: 'import:chunk';
  importId: string;
  /** The chunk's number in its import (0, 1, ...). */
  chunk: number;
  nodes: ImportNodeRow[];
  links: ImportLinkRow[];
}
export type Change =
  | ImportChunkChange
  | NodeUnmergeChange
  | NodeCreateChange
  | NodeUpdateChange
  | NodeDeleteChange
  | RelationshipCreateChange
  | RelationshipUpdateChange
  | RelationshipDeleteChange
  | NodeMergeChange;

/**
 * A change as a client sends it in a batch (POST /api/v1/changes): no id, actor or time, which the API
 * adds. Node and relationship data are validated with the entity schemas.
 */
export const ChangeInputSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('node:create'), nodeType: NodeTypeSchema, id: IdSchema.optional(), props: z.record(z.unknown()) }),
  z.object({
    op: z.literal('node:update'),
    nodeType: NodeTypeSchema,
    id: IdSchema,
    props: z.record(z.unknown()),
    baseVersion: z.number().int().positive().optional(),
  }),
  z.object({ op: z.literal('node:delete'), nodeType: NodeTypeSchema, id: IdSchema }),
  z.object({ op: z.literal('relationship:create'), data: z.unknown() }),
  z.object({ op: z.literal('relationship:update'), type: RelationshipTypeSchema, id: IdSchema, props: z.unknown() }),
  z.object({ op: z.literal('relationship:delete'), type: RelationshipTypeSchema, id: IdSchema }),
  z.object({ op: z.literal('node:merge'), nodeType: NodeTypeSchema, survivorId: IdSchema, mergedId: IdSchema }),
]);
export type ChangeInput = z.infer<typeof ChangeInputSchema>;

/** Validates the data a change carries against its entity schema; the worker calls it again. */
export function validateChangeData(change: Change): z.SafeParseReturnType<unknown, unknown> {
  switch (change.op) {
    case 'node:create':
      return NODE_SCHEMAS[change.nodeType].safeParse(change.props);
    case 'node:update':
      // A facilitator's hide/show may come without field changes.
      if (change.hidden !== undefined && Object.keys(change.props).length === 0) return { success: true, data: change.props };
      return updateSchemaFor(change.nodeType).safeParse(change.props);
    case 'relationship:create':
      return RelationshipCreateSchema.safeParse({ ...change.props, id: change.relId, type: change.relType, from: change.from, to: change.to });
    case 'relationship:update': {
      const issue = levelIssue(change.relType, change.props.level, true);
      if (issue) return { success: false, error: new z.ZodError([{ code: z.ZodIssueCode.custom, message: issue, path: ['level'] }]) };
      return RelationshipUpdateSchema.safeParse(change.props);
    }
    case 'import:chunk':
      return validateImportChunk(change);
    default:
      return { success: true, data: undefined };
  }
}

/** Every row of an import chunk against its schema (the import checked them; a job comes from Redis). */
function validateImportChunk(change: ImportChunkChange): z.SafeParseReturnType<unknown, unknown> {
  const issues: z.ZodIssue[] = [];
  const updateSchemas = new Map<NodeType, ReturnType<typeof updateSchemaFor>>();
  const updateSchema = (t: NodeType) => updateSchemas.get(t) ?? updateSchemas.set(t, updateSchemaFor(t)).get(t)!;
  const add = (kind: 'nodes' | 'links', i: number, result: z.SafeParseReturnType<unknown, unknown>) => {
    if (!result.success) for (const issue of result.error.issues) issues.push({ ...issue, path: [kind, i, ...issue.path] });
  };
  change.nodes.forEach((n, i) => add('nodes', i, n.update ? updateSchema(n.nodeType).safeParse(n.props) : NODE_SCHEMAS[n.nodeType].safeParse(n.props)));
  change.links.forEach((l, i) => {
    if (!l.update) add('links', i, RelationshipCreateSchema.safeParse({ ...l.props, id: l.relId, type: l.relType, from: l.from, to: l.to }));
    else {
      const level = levelIssue(l.relType, l.props.level, true);
      if (level) issues.push({ code: z.ZodIssueCode.custom, message: level, path: ['links', i, 'level'] });
      add('links', i, RelationshipUpdateSchema.safeParse(l.props));
    }
  });
  return issues.length ? { success: false, error: new z.ZodError(issues) } : { success: true, data: change };
}
