/**
 * The workshop's own socket events over the map's socket: 'workshop:join' on every (re)connect (with
 * the participant's token, or as the signed-in facilitator by cookie), then 'workshop:presence' (who is
 * online; the highest rev wins) and 'workshop:state' (paused, resumed, closed).
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../domain/events';
import type { WorkshopInfo, WorkshopJoinAck, WorkshopPresence, WorkshopStateChange } from '../../../domain/workshops';

type VerkostoSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface WorkshopLiveHandlers {
  onJoined?(joined: { workshop: WorkshopInfo; role: 'participant' | 'facilitator' | 'projector'; participantId: string }): void;
  onJoinFailed?(failure: { code: string; message: string }): void;
  onPresence?(presence: WorkshopPresence): void;
  onState?(state: WorkshopStateChange): void;
  /** The socket is connected again after a drop. */
  onReconnect?(): void;
}

export class WorkshopLive {
  private rev = -1;
  private connectedBefore = false;

  constructor(
    private readonly socket: VerkostoSocket,
    private readonly code: string,
    /** How this page joins: a participant's token, the projector link's key, or neither (the facilitator, by cookie). */
    private readonly credentials: () => { participantToken?: string; projectorKey?: string },
    private readonly handlers: WorkshopLiveHandlers,
  ) {
    socket.on('connect', () => {
      if (this.connectedBefore) handlers.onReconnect?.();
      this.connectedBefore = true;
      this.join();
    });
    socket.on('workshop:presence', (presence) => this.presence(presence));
    socket.on('workshop:state', (state) => {
      if (state.code === this.code) handlers.onState?.(state);
    });
    if (socket.connected) {
      this.connectedBefore = true;
      this.join();
    }
  }

  /** Joins again (e.g. with a new participant token). */
  join(): void {
    const { participantToken, projectorKey } = this.credentials();
    this.socket
      .timeout(10_000)
      .emit(
        'workshop:join',
        { code: this.code, ...(participantToken ? { participantToken } : {}), ...(projectorKey ? { projectorKey } : {}) },
        (err: Error | null, ack?: WorkshopJoinAck) => {
          if (err || !ack) return; // no answer: the next connect joins again
          if (!ack.ok) {
            this.handlers.onJoinFailed?.({ code: ack.code, message: ack.message });
            return;
          }
          this.handlers.onJoined?.({ workshop: ack.workshop, role: ack.role, participantId: ack.participantId });
          this.presence(ack.presence);
        },
      );
  }

  private presence(presence: WorkshopPresence): void {
    if (presence.rev < this.rev) return;
    this.rev = presence.rev;
    this.handlers.onPresence?.(presence);
  }
}
