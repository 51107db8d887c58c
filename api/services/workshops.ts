/**
 * Workshops and their participants. A workshop is a (:Workshop) node in Neo4j (not map data: written
 * directly, not through the change queue) with a random 6-character join code, unique by constraint.
 * Participants have no account: joining gives a random token, stored in Redis (by its SHA-256) until the
 * workshop ends. participantWriteDecision says whether a participant may add a given type right now;
 * the write routes use it through assertParticipantMayWrite.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { NodeType } from '../../domain/entities';
import type { ServerToClientEvents } from '../../domain/events';
import {
  isAllowedWriteType,
  normaliseWorkshopCode,
  WORKSHOP_CODE_ALPHABET,
  WORKSHOP_CODE_LENGTH,
  workshopRoom,
  type Workshop,
  type WorkshopInfo,
  type WorkshopLanguage,
  type WorkshopState,
  type WorkshopWriteType,
} from '../../domain/workshops';
import { AppError, forbidden, gone, locked, notFound } from '../errors';
import type { Config } from '../infra/config';
import type { GraphDb } from '../infra/neo4j';
import { socketChannelKey } from '../infra/queue';
import { redisKeys } from '../infra/services';
import { isConstraintViolation, sha256, type SessionUser } from './accounts';
import { sameSecret } from './passwords';

export interface Participant {
  participantId: string;
  displayName: string;
  workshopId: string;
  code: string;
  workspaceId: string;
}

export interface NewWorkshop {
  workspaceId: string;
  title: string;
  language: WorkshopLanguage;
  endsAt: string;
  allowedTypes: WorkshopWriteType[];
}

export type WorkshopAction = 'pause' | 'resume' | 'close';

/** A random join code from the unambiguous alphabet (crypto randomness, no modulo bias). */
export function generateWorkshopCode(): string {
  let code = '';
  for (let i = 0; i < WORKSHOP_CODE_LENGTH; i++) code += WORKSHOP_CODE_ALPHABET[randomInt(WORKSHOP_CODE_ALPHABET.length)];
  return code;
}

export const hasEnded = (w: Pick<Workshop, 'endsAt'>, now = Date.now()) => Date.parse(w.endsAt) <= now;

/** 410 when the workshop was closed or its time is over; null while it runs (open or paused). */
export function workshopOver(w: Pick<Workshop, 'state' | 'endsAt' | 'title'>, now = Date.now()): AppError | null {
  if (w.state === 'closed') return gone('WORKSHOP_CLOSED', `The workshop "${w.title}" has been closed`);
  if (hasEnded(w, now)) return gone('WORKSHOP_ENDED', `The workshop "${w.title}" has ended`);
  return null;
}

export type WriteDecision = { allowed: true } | { allowed: false; error: AppError };

/**
 * Whether a participant of this workshop may add a node of this type (or a relationship) now:
 * closed or past endsAt → 410, paused → 423 WORKSHOP_PAUSED, a type the facilitator did not allow →
 * 403 TYPE_NOT_ALLOWED with allowedTypes, another workspace than the workshop's → 403.
 */
export function participantWriteDecision(
  workshop: Workshop,
  type: NodeType | 'relationship',
  opts: { workspaceId?: string; now?: number } = {},
): WriteDecision {
  const over = workshopOver(workshop, opts.now);
  if (over) return { allowed: false, error: over };
  if (workshop.state === 'paused')
    return { allowed: false, error: locked('WORKSHOP_PAUSED', 'The workshop is paused; try again when the facilitator resumes it') };
  if (opts.workspaceId !== undefined && opts.workspaceId !== workshop.workspaceId) {
    return { allowed: false, error: forbidden('WRONG_WORKSPACE', "Workshop participants may only change the workshop's own workspace") };
  }
  if (!isAllowedWriteType(workshop, type)) {
    return {
      allowed: false,
      error: forbidden('TYPE_NOT_ALLOWED', `Participants of this workshop may not add ${type === 'relationship' ? 'links' : type}`, {
        allowedTypes: workshop.allowedTypes,
      }),
    };
  }
  return { allowed: true };
}

const newProjectorKey = () => randomBytes(24).toString('base64url');

/** Whether a key is this workshop's projector key (compared in constant time). */
export function isProjectorKey(workshop: Workshop, key: string | undefined): boolean {
  return !!key && !!workshop.projectorKey && sameSecret(key, workshop.projectorKey);
}

export const publicInfo = (w: Workshop): WorkshopInfo => ({
  id: w.id,
  code: w.code,
  title: w.title,
  language: w.language,
  state: w.state,
  endsAt: w.endsAt,
  allowedTypes: w.allowedTypes,
  workspaceId: w.workspaceId,
});

const TRANSITIONS: Record<WorkshopAction, { to: WorkshopState; from: WorkshopState[] }> = {
  pause: { to: 'paused', from: ['open'] },
  resume: { to: 'open', from: ['paused'] },
  close: { to: 'closed', from: ['open', 'paused'] },
};

export class Workshops {
  private readonly keys;
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(
    private readonly db: GraphDb,
    private readonly redis: Redis,
    config: Pick<Config, 'REDIS_PREFIX'>,
    /** Replaceable in tests, to force a code collision. */
    private readonly newCode: () => string = generateWorkshopCode,
  ) {
    this.keys = redisKeys(config);
    this.emitter = new Emitter<ServerToClientEvents>(redis, { key: socketChannelKey(config) });
  }

  /** Creates an open workshop with a fresh code (retried on a collision); 404 when the workspace does not exist. */
  async create(input: NewWorkshop, facilitator: SessionUser): Promise<Workshop> {
    const id = `workshop-${randomUUID()}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const [row] = await this.db.write<{ workshop: Workshop }>('workshop-create', {
          ...input,
          id,
          code: this.newCode(),
          facilitatorId: facilitator.id,
          projectorKey: newProjectorKey(),
        });
        if (!row) throw notFound('Workspace', input.workspaceId);
        return row.workshop;
      } catch (err) {
        if (!isConstraintViolation(err) || attempt >= 10) throw err;
      }
    }
  }

  async byCode(code: string): Promise<Workshop | null> {
    const [row] = await this.db.read<{ workshop: Workshop }>('workshop-get-by-code', { code: normaliseWorkshopCode(code) });
    return row?.workshop ?? null;
  }

  async get(code: string): Promise<Workshop> {
    const workshop = await this.byCode(code);
    if (!workshop) throw notFound('Workshop', code);
    return workshop;
  }

  /**
   * Pause, resume or close, by the workshop's facilitator only (403 NOT_FACILITATOR). Repeating an
   * action is harmless; pausing or resuming a workshop that is over is a 410. The room is told.
   */
  async control(code: string, action: WorkshopAction, user: SessionUser): Promise<Workshop> {
    const workshop = await this.get(code);
    if (workshop.facilitatorId !== user.id) throw forbidden('NOT_FACILITATOR', "Only the workshop's facilitator may do this");
    const { to, from } = TRANSITIONS[action];
    if (workshop.state === to) return workshop;
    if (action !== 'close') {
      const over = workshopOver(workshop);
      if (over) throw over;
    }
    const [row] = await this.db.write<{ workshop: Workshop; changed: boolean }>('workshop-set-state', { id: workshop.id, state: to, from });
    if (!row) throw notFound('Workshop', code);
    if (!row.changed) {
      // Someone else moved it meanwhile (e.g. closed it): that state stands.
      const over = workshopOver(row.workshop);
      if (over && row.workshop.state !== to) throw over;
      return row.workshop;
    }
    this.emitter
      .to(workshopRoom(workshop.id))
      .emit('workshop:state', { workshopId: workshop.id, code: workshop.code, state: row.workshop.state, endsAt: row.workshop.endsAt });
    return row.workshop;
  }

  /** The workshop, when this user is its facilitator (403 NOT_FACILITATOR otherwise); whatever its state. */
  async asFacilitator(code: string, user: SessionUser): Promise<Workshop> {
    const workshop = await this.get(code);
    if (workshop.facilitatorId !== user.id) throw forbidden('NOT_FACILITATOR', "Only the workshop's facilitator may do this");
    return workshop;
  }

  /** The key of the workshop's read-only projector link (made now for a workshop that has none). */
  async projectorKey(workshop: Workshop): Promise<string> {
    if (workshop.projectorKey) return workshop.projectorKey;
    const [row] = await this.db.write<{ projectorKey: string }>('workshop-projector-key', { id: workshop.id, key: newProjectorKey() });
    if (!row) throw notFound('Workshop', workshop.code);
    return row.projectorKey;
  }

  /** A participant joins (no account): a random token, valid until the workshop ends. 410 when it is over. */
  async join(code: string, displayName: string): Promise<{ participant: Participant; token: string; expiresAt: string }> {
    const workshop = await this.get(code);
    const over = workshopOver(workshop);
    if (over) throw over;
    const participant: Participant = {
      participantId: `participant-${randomUUID()}`,
      displayName,
      workshopId: workshop.id,
      code: workshop.code,
      workspaceId: workshop.workspaceId,
    };
    await this.db.write('workshop-participant-add', {
      id: participant.participantId,
      workshopId: workshop.id,
      displayName,
      joinedAt: new Date().toISOString(),
    });
    const token = randomBytes(32).toString('base64url');
    const ttlMs = Math.max(1000, Date.parse(workshop.endsAt) - Date.now());
    await this.redis.set(this.keys.participant(sha256(token)), JSON.stringify(participant), 'PX', ttlMs);
    return { participant, token, expiresAt: workshop.endsAt };
  }

  /** The participant a token stands for; null when unknown or expired. */
  async resolveParticipant(token: string): Promise<Participant | null> {
    if (!token || token.length > 100) return null;
    const raw = await this.redis.get(this.keys.participant(sha256(token)));
    return raw ? (JSON.parse(raw) as Participant) : null;
  }

  /** The current decision for a participant (reads the workshop, so a pause or close applies at once). */
  async participantMayWrite(participant: Participant, type: NodeType | 'relationship', workspaceId?: string): Promise<WriteDecision> {
    const workshop = await this.byCode(participant.code);
    if (!workshop || workshop.id !== participant.workshopId)
      return { allowed: false, error: gone('WORKSHOP_CLOSED', 'The workshop no longer exists') };
    return participantWriteDecision(workshop, type, { workspaceId });
  }

  /** Throws the 403/410/423 of participantMayWrite; for the write routes. */
  async assertParticipantMayWrite(participant: Participant, type: NodeType | 'relationship', workspaceId?: string): Promise<void> {
    const decision = await this.participantMayWrite(participant, type, workspaceId);
    if (!decision.allowed) throw decision.error;
  }
}
