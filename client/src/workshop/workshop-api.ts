/**
 * Typed REST helpers for workshops: facilitator accounts (cookie session), workshops and their
 * controls, participants (token in X-Participant-Token), participant writes on the normal routes, and
 * the facilitator's moderation (hide, remove, merge, summary, export).
 */
import type { NodeType } from '../../../domain/entities';
import type { WorkshopInfo, WorkshopLanguage, WorkshopSummary, WorkshopWriteType } from '../../../domain/workshops';
import { API_BASE, collectionOf, request, type EdgeWriteResult, type NodeWriteResult } from '../api';

export interface FacilitatorUser {
  id: string;
  email: string;
  displayName: string;
}

export interface PublicWorkshop extends WorkshopInfo {
  joinUrl: string;
}

export interface CreatedWorkshop extends PublicWorkshop {
  /** SVG of a QR code of joinUrl, made by the server. */
  qrSvg: string;
}

export interface NewWorkshopInput {
  title: string;
  language: WorkshopLanguage;
  endsAt: string;
  allowedTypes: WorkshopWriteType[];
}

export interface JoinedParticipant {
  participantId: string;
  token: string;
  displayName: string;
  workshopId: string;
  workspaceId: string;
  expiresAt: string;
}

export type WritePermission = { allowed: true } | { allowed: false; status: number; code: string };

export interface ParticipantMe {
  participantId: string;
  displayName: string;
  workshop: WorkshopInfo;
  permissions: Partial<Record<WorkshopWriteType, WritePermission>>;
}

/** One entry of the export: the node or link with who added it and when. */
export interface ExportedEntry {
  id: string;
  addedBy?: string;
  addedAt?: string;
  [field: string]: unknown;
}

export interface WorkshopExport {
  nodes: ExportedEntry[];
  relationships: ExportedEntry[];
}

/** Who writes: the participant's token. */
export interface ParticipantCredentials {
  token: string;
}

const workshopPath = (code: string) => `${API_BASE}/workshops/${encodeURIComponent(code)}`;
const workspacePath = (workspaceId: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspaceId)}`;

/** The server records participants' changes as `participant:<id>` (X-Actor does not apply to them). */
function participantHeaders(who: ParticipantCredentials): Record<string, string> {
  return { 'X-Participant-Token': who.token };
}

export const workshopApi = {
  // Facilitator accounts
  currentUser: () => request<{ user: FacilitatorUser }>('GET', `${API_BASE}/auth/me`),
  register: (input: { email: string; password: string; displayName: string }) =>
    request<{ user: FacilitatorUser }>('POST', `${API_BASE}/auth/register`, { body: input }),
  login: (input: { email: string; password: string }) =>
    request<{ user: FacilitatorUser }>('POST', `${API_BASE}/auth/login`, { body: input }),
  logout: () => request<void>('POST', `${API_BASE}/auth/logout`),

  // Workshops
  create: (workspaceId: string, input: NewWorkshopInput) =>
    request<CreatedWorkshop>('POST', `${workspacePath(workspaceId)}/workshops`, { body: input }),
  info: (code: string) => request<PublicWorkshop>('GET', workshopPath(code)),
  control: (code: string, action: 'pause' | 'resume' | 'close') => request<WorkshopInfo>('POST', `${workshopPath(code)}/${action}`),

  // Participants
  join: (code: string, displayName: string) => request<JoinedParticipant>('POST', `${workshopPath(code)}/join`, { body: { displayName } }),
  participantMe: (code: string, token: string) =>
    request<ParticipantMe>('GET', `${workshopPath(code)}/me`, { headers: { 'X-Participant-Token': token } }),
  createNode: (
    workspaceId: string,
    type: NodeType,
    props: Record<string, unknown>,
    idempotencyKey: string,
    who: ParticipantCredentials,
    signal?: AbortSignal,
  ) =>
    request<NodeWriteResult>('POST', `${workspacePath(workspaceId)}/${collectionOf(type)}`, {
      body: props,
      query: { wait: true },
      idempotencyKey,
      headers: participantHeaders(who),
      signal,
    }),
  createLink: (
    workspaceId: string,
    link: Record<string, unknown>,
    idempotencyKey: string,
    who: ParticipantCredentials,
    signal?: AbortSignal,
  ) =>
    request<EdgeWriteResult>('POST', `${workspacePath(workspaceId)}/relationships`, {
      body: link,
      query: { wait: true },
      idempotencyKey,
      headers: participantHeaders(who),
      signal,
    }),

  /** The participant's own entry: with the version it was based on (409 when someone changed it since). */
  updateNode: (workspaceId: string, type: NodeType, id: string, patch: Record<string, unknown>, baseVersion: number, who: ParticipantCredentials) =>
    request<NodeWriteResult>('PATCH', `${workspacePath(workspaceId)}/${collectionOf(type)}/${encodeURIComponent(id)}`, {
      body: { ...patch, baseVersion },
      query: { wait: true },
      headers: participantHeaders(who),
    }),
  deleteNode: (workspaceId: string, type: NodeType, id: string, who: ParticipantCredentials) =>
    request<unknown>('DELETE', `${workspacePath(workspaceId)}/${collectionOf(type)}/${encodeURIComponent(id)}`, {
      query: { wait: true },
      headers: participantHeaders(who),
    }),

  // Facilitator's moderation
  hide: (code: string, id: string) => request<unknown>('POST', `${workshopPath(code)}/entries/${encodeURIComponent(id)}/hide`),
  unhide: (code: string, id: string) => request<unknown>('POST', `${workshopPath(code)}/entries/${encodeURIComponent(id)}/unhide`),
  remove: (code: string, id: string) => request<unknown>('DELETE', `${workshopPath(code)}/entries/${encodeURIComponent(id)}`),
  merge: (code: string, survivorId: string, mergedId: string) =>
    request<unknown>('POST', `${workshopPath(code)}/merge`, { body: { survivorId, mergedId } }),
  /** For the facilitator (session cookie), or with the projector link's key. */
  summary: (code: string, projectorKey?: string) =>
    request<WorkshopSummary>('GET', `${workshopPath(code)}/summary`, projectorKey ? { headers: { 'X-Projector-Key': projectorKey } } : {}),
  projectorLink: (code: string) => request<{ projectorKey: string; projectorUrl: string }>('GET', `${workshopPath(code)}/projector-link`),
  exportUrl: (code: string, format: 'json' | 'csv') => `${workshopPath(code)}/export?format=${format}`,
  exportJson: (code: string) => request<WorkshopExport>('GET', `${workshopPath(code)}/export`, { query: { format: 'json' } }),
};
