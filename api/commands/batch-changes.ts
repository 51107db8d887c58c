/**
 * A batch request's changes: each item validated with its entity's zod schema (errors name the item,
 * e.g. changes.3.props.name), then turned into a change event with its id.
 */
import { z } from 'zod';
import { ChangeInputSchema, type Change, type ChangeInput } from '../../domain/changes';
import { createSchemaFor, updateSchemaFor } from '../../domain/entities';
import { RelationshipCreateSchema, RelationshipUpdateSchema } from '../../domain/relationships';
import { validationFailed } from '../errors';
import { nodeIdFor, relIdFor, SHARED_ID_TYPES, sharedNodeIdFor } from './change-ids';
import { changeHeader, type ChangeOrigin, type WriteContext } from './submit-changes';

export const MAX_BATCH = 10_000;

function dataSchemaOf(input: ChangeInput): { path: string; schema: z.ZodTypeAny; value: unknown } | null {
  switch (input.op) {
    case 'node:create':
      return { path: 'props', schema: createSchemaFor(input.nodeType), value: input.props };
    case 'node:update':
      return { path: 'props', schema: updateSchemaFor(input.nodeType), value: input.props };
    case 'relationship:create':
      return { path: 'data', schema: RelationshipCreateSchema, value: input.data };
    case 'relationship:update':
      return { path: 'props', schema: RelationshipUpdateSchema, value: input.props };
    default:
      return null;
  }
}

const BatchArraySchema = z
  .array(z.unknown())
  .min(1, 'a batch needs at least one change')
  .max(MAX_BATCH, `at most ${MAX_BATCH} changes in one batch`);

const under = (prefix: (string | number)[], issues: z.ZodIssue[]) => issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));

/** The whole batch must be valid, and every bad item is reported; nothing is queued otherwise. */
export function parseBatch(value: unknown): ChangeInput[] {
  const items = BatchArraySchema.safeParse(value);
  if (!items.success) throw validationFailed(new z.ZodError(under(['changes'], items.error.issues)));
  const issues: z.ZodIssue[] = [];
  const inputs: ChangeInput[] = [];
  items.data.forEach((item, i) => {
    const input = ChangeInputSchema.safeParse(item);
    if (!input.success) return void issues.push(...under(['changes', i], input.error.issues));
    const data = dataSchemaOf(input.data);
    const result = data?.schema.safeParse(data.value);
    if (data && result && !result.success) issues.push(...under(['changes', i, data.path], result.error.issues));
    inputs.push(input.data);
  });
  if (issues.length) throw validationFailed(new z.ZodError(issues));
  return inputs;
}

/** A workshop participant's batch: their workshop and id on every change (createdBy of what it creates). */
export type BatchOrigin = ChangeOrigin;

/**
 * The change events of a batch. In a participant's batch, an organisation, theme or project without
 * an id is add-or-get by its normalised name, as on the single-change route.
 */
export function toChanges(inputs: ChangeInput[], ctx: WriteContext, changeIds: string[], origin: BatchOrigin = {}): Change[] {
  const at = new Date().toISOString();
  return inputs.map((input, i) => {
    const base = changeHeader(ctx, changeIds[i], origin, at);
    switch (input.op) {
      case 'node:create': {
        const { id, ...props } = input.props as Record<string, unknown> & { id?: string };
        const givenId = input.id ?? id;
        const sharedId = origin.participantId !== undefined && givenId === undefined && SHARED_ID_TYPES.has(input.nodeType) ? sharedNodeIdFor(input.nodeType, ctx.workspaceId, props.name) : null;
        const nodeId = givenId ?? sharedId ?? nodeIdFor(input.nodeType, props.name, base.id);
        return { ...base, op: input.op, nodeType: input.nodeType, nodeId, props, ...(sharedId && { addOrGet: true }) };
      }
      case 'node:update':
        return { ...base, op: input.op, nodeType: input.nodeType, nodeId: input.id, props: input.props, baseVersion: input.baseVersion };
      case 'node:delete':
        return { ...base, op: input.op, nodeType: input.nodeType, nodeId: input.id };
      case 'relationship:create': {
        const { id, type, from, to, ...props } = RelationshipCreateSchema.parse(input.data);
        const relId = id ?? relIdFor(type, base.id);
        return { ...base, op: input.op, relType: type, relId, from, to, props };
      }
      case 'relationship:update':
        return { ...base, op: input.op, relType: input.type, relId: input.id, props: input.props as Record<string, unknown> };
      case 'relationship:delete':
        return { ...base, op: input.op, relType: input.type, relId: input.id };
      case 'node:merge':
        return { ...base, op: input.op, nodeType: input.nodeType, nodeId: input.survivorId, mergedId: input.mergedId };
    }
  });
}
