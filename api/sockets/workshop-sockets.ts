/**
 * socket.io for workshops: 'workshop:join' {code, participantToken?} puts a participant (by token) or
 * the facilitator (by the session cookie of the handshake) in the room `workshop:<id>` and records them
 * in the workshop's presence (Redis, across API processes); a leave or a disconnect removes them. Every
 * change sends 'workshop:presence' to the room; the facilitator's pause/resume/close sends
 * 'workshop:state' (from the workshops service).
 */
import type { Socket } from 'socket.io';
import { z } from 'zod';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../../domain/events';
import { workshopRoom, type WorkshopJoinAck } from '../../domain/workshops';
import type { Logger } from '../infra/logger';
import { readCookie, SESSION_COOKIE } from '../routes/auth-context';
import type { Accounts } from '../services/accounts';
import type { WorkshopPresenceStore } from '../services/presence';
import { isProjectorKey, publicInfo, workshopOver, type Workshops } from '../services/workshops';
import type { VerkostoServer } from './workspace-sockets';

type VerkostoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const JoinSchema = z.object({
  code: z.string().min(1).max(20),
  participantToken: z.string().min(1).max(100).optional(),
  projectorKey: z.string().min(1).max(100).optional(),
});
const LeaveSchema = z.object({ code: z.string().min(1).max(20) });

export interface WorkshopSocketDeps {
  accounts: Accounts;
  workshops: Workshops;
  presence: WorkshopPresenceStore;
  logger: Logger;
}

const fail = (code: string, message: string): WorkshopJoinAck => ({ ok: false, code, message });

export function attachWorkshopSockets(io: VerkostoServer, deps: WorkshopSocketDeps): void {
  io.on('connection', (socket) => {
    /** code -> workshop id, for leave. */
    const joined = new Map<string, string>();

    socket.on('workshop:join', (request, ack) => {
      const reply = typeof ack === 'function' ? ack : () => {};
      join(socket, request, joined, deps).then(reply, (err: Error) => {
        deps.logger.warn({ err }, 'workshop join failed');
        reply(fail('JOIN_FAILED', 'Could not join the workshop'));
      });
    });

    socket.on('workshop:leave', (request) => {
      const parsed = LeaveSchema.safeParse(request);
      const workshopId = parsed.success ? joined.get(parsed.data.code.toUpperCase()) : undefined;
      if (!workshopId || !parsed.success) return;
      joined.delete(parsed.data.code.toUpperCase());
      void socket.leave(workshopRoom(workshopId));
      deps.presence.remove(socket.id, workshopId).catch((err: Error) => deps.logger.warn({ err }, 'workshop leave failed'));
    });

    socket.on('disconnect', () => {
      if (joined.size === 0) return;
      deps.presence.remove(socket.id).catch((err: Error) => deps.logger.warn({ err }, 'presence removal failed'));
    });
  });
}

async function join(
  socket: VerkostoSocket,
  request: unknown,
  joined: Map<string, string>,
  { accounts, workshops, presence }: WorkshopSocketDeps,
): Promise<WorkshopJoinAck> {
  const parsed = JoinSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('INVALID_JOIN', `${issue.path.join('.')}: ${issue.message}`);
  }
  const { code, participantToken, projectorKey } = parsed.data;
  const workshop = await workshops.byCode(code);
  if (!workshop) return fail('NOT_FOUND', `Workshop "${code}" was not found`);
  const over = workshopOver(workshop);
  if (over) return fail(over.code, over.message);

  if (projectorKey !== undefined) {
    // A projector screen: in the room for presence and state, but nobody to list as online.
    if (!isProjectorKey(workshop, projectorKey)) return fail('INVALID_PROJECTOR_KEY', 'The projector link is not valid for this workshop');
    if (!socket.connected) return fail('DISCONNECTED', 'The socket disconnected');
    joined.set(workshop.code, workshop.id);
    await socket.join(workshopRoom(workshop.id));
    return {
      ok: true,
      workshop: publicInfo(workshop),
      role: 'projector',
      participantId: `projector-${socket.id}`,
      presence: await presence.snapshot(workshop.id),
    };
  }

  let who: { participantId: string; displayName: string; role: 'participant' | 'facilitator' };
  if (participantToken) {
    const participant = await workshops.resolveParticipant(participantToken);
    if (!participant) return fail('INVALID_PARTICIPANT_TOKEN', 'The participant token is unknown or has expired; join the workshop again');
    if (participant.workshopId !== workshop.id) return fail('OTHER_WORKSHOP', 'The participant token belongs to another workshop');
    who = { participantId: participant.participantId, displayName: participant.displayName, role: 'participant' };
  } else {
    const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    const user = token ? await accounts.resolveSession(token) : null;
    if (!user) return fail('NOT_SIGNED_IN', 'Send a participant token, or sign in as the facilitator');
    if (user.id !== workshop.facilitatorId)
      return fail('NOT_FACILITATOR', "Only the workshop's facilitator may join without a participant token");
    who = { participantId: user.id, displayName: user.displayName, role: 'facilitator' };
  }

  // Gone while we checked: recording it now would leave a ghost that no disconnect removes.
  if (!socket.connected) return fail('DISCONNECTED', 'The socket disconnected');
  joined.set(workshop.code, workshop.id);
  await socket.join(workshopRoom(workshop.id));
  const now = await presence.add(workshop.id, socket.id, who);
  if (!socket.connected) {
    // Disconnected between the check and the record: the disconnect handler may have missed it.
    await presence.remove(socket.id, workshop.id);
    return fail('DISCONNECTED', 'The socket disconnected');
  }
  return { ok: true, workshop: publicInfo(workshop), role: who.role, participantId: who.participantId, presence: now };
}
