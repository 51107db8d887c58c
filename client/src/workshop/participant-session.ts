/** The participant's token per workshop code, kept in localStorage so a reload (or a lost tab) rejoins. */
import type { JoinedParticipant } from './workshop-api';
import { readJson, storageKey, writeJson } from './local-store';

export interface ParticipantSession extends JoinedParticipant {
  code: string;
}

export function loadSession(code: string): ParticipantSession | null {
  const session = readJson<ParticipantSession>(storageKey(code, 'session'));
  if (!session || typeof session.token !== 'string' || typeof session.workspaceId !== 'string') return null;
  if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) return null;
  return session;
}

export function saveSession(session: ParticipantSession): void {
  writeJson(storageKey(session.code, 'session'), session);
}

export function clearSession(code: string): void {
  writeJson(storageKey(code, 'session'), null);
}
