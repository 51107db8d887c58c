/**
 * Workshops: a facilitator runs a live network-mapping session on a workspace; participants join from a
 * link or a short code and add themselves, their organisations, projects and links. Shared by the API
 * and the client: languages, what participants may add, the join code's alphabet, and the payloads of
 * the workshop socket events.
 */
import type { NodeType } from './entities';

export const WORKSHOP_LANGUAGES = ['fi', 'en', 'sv'] as const;
export type WorkshopLanguage = (typeof WORKSHOP_LANGUAGES)[number];

/** What a facilitator may let participants add: these node types, and links between nodes. */
export const WORKSHOP_WRITE_TYPES = ['Person', 'Organisation', 'Project', 'Theme', 'relationship'] as const;
export type WorkshopWriteType = (typeof WORKSHOP_WRITE_TYPES)[number];

export const WORKSHOP_STATES = ['open', 'paused', 'closed'] as const;
export type WorkshopState = (typeof WORKSHOP_STATES)[number];

/** Join codes: 6 characters without the easily confused 0/O and 1/I/L. */
export const WORKSHOP_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const WORKSHOP_CODE_LENGTH = 6;
export const WORKSHOP_CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

/** A code as typed on a phone ("abc 234", "ABC-234") in its stored form. */
export const normaliseWorkshopCode = (input: string) => input.replace(/[\s-]/g, '').toUpperCase();

/** What anyone with the code may see. */
export interface WorkshopInfo {
  id: string;
  code: string;
  title: string;
  language: WorkshopLanguage;
  state: WorkshopState;
  /** ISO datetime; after it the workshop is over whatever its state. */
  endsAt: string;
  allowedTypes: WorkshopWriteType[];
  workspaceId: string;
}

export interface Workshop extends WorkshopInfo {
  facilitatorId: string;
  createdAt: string;
  /** The key of the read-only projector link (only the facilitator gets it; older workshops get one on first use). */
  projectorKey?: string;
}

/** socket.io room of a workshop. */
export const workshopRoom = (workshopId: string) => `workshop:${workshopId}`;

/** Whether a node type (or 'relationship') is one participants of this workshop may add. */
export const isAllowedWriteType = (workshop: Pick<WorkshopInfo, 'allowedTypes'>, type: NodeType | 'relationship') =>
  (workshop.allowedTypes as string[]).includes(type);

// --- socket events (names in domain/events.ts) ---

export interface WorkshopJoinRequest {
  code: string;
  /** A participant's token from POST /workshops/:code/join; without it the session cookie must be the facilitator's. */
  participantToken?: string;
  /** The key of the projector link: a read-only screen (it sees presence and state, and is not listed as online). */
  projectorKey?: string;
}

export interface WorkshopPresenceEntry {
  participantId: string;
  displayName: string;
  role: 'participant' | 'facilitator';
}

export interface WorkshopPresence {
  workshopId: string;
  /** Everyone connected, once each (several tabs of one participant count once). */
  online: WorkshopPresenceEntry[];
  count: number;
  /** Increases with every presence change: a client keeps the highest it has seen. */
  rev: number;
}

export type WorkshopJoinAck =
  | {
      ok: true;
      workshop: WorkshopInfo;
      role: WorkshopPresenceEntry['role'] | 'projector';
      participantId: string;
      presence: WorkshopPresence;
    }
  | { ok: false; code: string; message: string };

export interface WorkshopStateChange {
  workshopId: string;
  code: string;
  state: WorkshopState;
  endsAt: string;
}

// --- facilitator views of a workshop's contributions (GET /workshops/:code/summary, /export) ---

/** What a workshop has added so far (its entries: nodes and links with its workshopId, hidden ones left out). */
export interface WorkshopSummary {
  workshopId: string;
  code: string;
  /** Everyone who ever joined as a participant. */
  participantsJoined: number;
  /** Participants connected now (the facilitator not counted). */
  online: number;
  counts: { organisations: number; people: number; projects: number; themes: number; links: number; cities: number };
}

/** Who added an entry (participant display name) and when (time of its change in the change log). */
export interface WorkshopAddition {
  addedBy: string;
  addedAt: string;
}
