/**
 * Readable names for the change log's actors: participants' changes are made by `participant:<id>`
 * and the facilitator's by `facilitator:<id>`; names are learnt from presence (who is online) and
 * from the workshop's export (who added what).
 */
import type { WorkshopPresence } from '../../../domain/workshops';
import { wt } from './workshop-i18n';

const PARTICIPANT = /^participant:(.+)$/;

export class ActorNames {
  private readonly names = new Map<string, string>();

  learn(presence: WorkshopPresence): void {
    for (const p of presence.online) if (p.role === 'participant') this.names.set(p.participantId, p.displayName);
  }

  /** A name to show for an actor, or null when there is nothing meaningful to show. */
  label(actor: string | undefined): string | null {
    if (!actor || actor === 'anonymous') return null;
    const participant = PARTICIPANT.exec(actor);
    if (participant) return this.names.get(participant[1]!) ?? null;
    if (actor.startsWith('facilitator:')) return wt('facilitator.you');
    return actor;
  }
}
