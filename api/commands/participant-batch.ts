/**
 * A workshop participant's batch (the phone's outbox sending what it kept while offline, or a script
 * with a participant token): every item is held to the rules of the single-change routes — a type the
 * workshop allows (403/423/410), no contact details (400), no merges (403), updates and deletes only of
 * what this participant added (403 NOT_OWNER) — and each error names its item (`changes.3`). Nothing is
 * queued unless every item passes.
 */
import type { ChangeInput } from '../../domain/changes';
import type { NodeType } from '../../domain/entities';
import { AppError, forbidden, notFound } from '../errors';
import type { GraphReads } from '../services/graph-reads';
import type { Participant, Workshops } from '../services/workshops';
import { assertCreatedBy, refuseContactFields } from './prechecks';

/** The error of one item, with its place in the batch. */
function atItem(index: number, err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  const details = (err.details?.length ? err.details : [{ path: '', message: err.message }]).map((d) => ({
    ...d,
    path: ['changes', index, d.path].filter((p) => p !== '').join('.'),
  }));
  return new AppError(err.status, err.code, `changes.${index}: ${err.message}`, details, err.extra);
}

function writtenType(input: ChangeInput): NodeType | 'relationship' | null {
  switch (input.op) {
    case 'node:create':
    case 'node:update':
    case 'node:delete':
      return input.nodeType;
    case 'relationship:create':
    case 'relationship:update':
    case 'relationship:delete':
      return 'relationship';
    default:
      return null;
  }
}

async function checkItem(input: ChangeInput, me: Participant, workspaceId: string, workshops: Workshops, reads: GraphReads): Promise<void> {
  const type = writtenType(input);
  if (type === null) throw forbidden('NOT_ALLOWED_FOR_PARTICIPANTS', `Workshop participants cannot make a ${input.op} change`);
  await workshops.assertParticipantMayWrite(me, type, workspaceId);
  switch (input.op) {
    case 'node:create':
    case 'node:update':
      refuseContactFields(input.nodeType, input.props, 'props.');
      break;
  }
  if (input.op === 'node:update' || input.op === 'node:delete') {
    const node = (await reads.lookup(workspaceId, [input.id])).get(input.id);
    if (!node?.type || !node.inWorkspace || node.type !== input.nodeType) throw notFound(input.nodeType, input.id);
    assertCreatedBy(node.createdBy, me.participantId, input.nodeType);
  }
  if (input.op === 'relationship:update' || input.op === 'relationship:delete') {
    const edge = await reads.relationship(workspaceId, input.type, input.id);
    if (!edge) throw notFound('Relationship', input.id);
    assertCreatedBy(edge.createdBy, me.participantId, 'link');
  }
}

/** Throws the first item's error (4xx, its path under `changes.<index>`) that the participant may not send. */
export async function assertParticipantBatch(inputs: ChangeInput[], me: Participant, workspaceId: string, workshops: Workshops, reads: GraphReads): Promise<void> {
  for (const [index, input] of inputs.entries()) {
    try {
      await checkItem(input, me, workspaceId, workshops, reads);
    } catch (err) {
      throw atItem(index, err);
    }
  }
}
