/**
 * Workshop participants write through the ordinary write routes (nodes, relationships) by sending their
 * token (`X-Participant-Token` or `Authorization: Participant <token>`). Such a write must be allowed by
 * the workshop now (assertParticipantMayWrite: 403 TYPE_NOT_ALLOWED / WRONG_WORKSPACE, 423 paused, 410
 * over); its change is made by `participant:<participantId>` and carries the workshop's id, so what it
 * creates gets createdBy and workshopId. Requests without a token are not affected.
 */
import type { Request } from 'express';
import type { NodeType } from '../../domain/entities';
import type { WriteContext } from '../commands/submit-changes';
import { refuseContactFields } from '../commands/prechecks';
import type { Participant, Workshops } from '../services/workshops';
import { participantTokenOf, requireParticipant } from './auth-context';

/**
 * The participant making this write (null when the request carries no participant token), after
 * checking that they may write this type to this workspace now. Needs participantMiddleware before it.
 */
export async function writingParticipant(req: Request, workshops: Workshops, type: NodeType | 'relationship', workspaceId: string): Promise<Participant | null> {
  if (participantTokenOf(req) === undefined) return null;
  const participant = requireParticipant(req);
  await workshops.assertParticipantMayWrite(participant, type, workspaceId);
  return participant;
}

export const participantActor = (p: Participant) => `participant:${p.participantId}`;

/** The write context with the participant as the actor (X-Actor does not apply to them). */
export const asAuthor = (ctx: WriteContext, p: Participant | null): WriteContext => (p ? { ...ctx, actor: participantActor(p) } : ctx);

/** What a participant's change carries: the workshop and the participant (createdBy of what it creates). */
export const originOf = (p: Participant | null) => (p ? { workshopId: p.workshopId, participantId: p.participantId } : {});

/** Participants never handle contact details: a person's e-mail and phone are refused (400). */
export function refusePersonalFields(p: Participant | null, nodeType: NodeType, props: Record<string, unknown>): void {
  if (p) refuseContactFields(nodeType, props);
}
