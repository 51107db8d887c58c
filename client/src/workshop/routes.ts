/**
 * The workshop pages' addresses: /join and /join/:code (participants), /workshop/new?workspace=
 * (create), /workshop/:code/facilitate and /workshop/:code/projector. Everything else is the map.
 */
import { normaliseWorkshopCode } from '../../../domain/workshops';

export type WorkshopRoute =
  | { page: 'join'; code: string | null }
  | { page: 'new'; workspaceId: string | null }
  | { page: 'facilitate'; code: string }
  | { page: 'projector'; code: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function workshopRouteOf(location: Pick<Location, 'pathname' | 'search'>): WorkshopRoute | null {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/join') return { page: 'join', code: null };
  const join = /^\/join\/([^/]+)$/.exec(path);
  if (join) return { page: 'join', code: normaliseWorkshopCode(decode(join[1]!)) };
  if (path === '/workshop' || path === '/workshop/new') {
    return { page: 'new', workspaceId: new URLSearchParams(location.search).get('workspace')?.trim() || null };
  }
  const workshop = /^\/workshop\/([^/]+)(?:\/(facilitate|projector))?$/.exec(path);
  if (workshop) {
    const code = normaliseWorkshopCode(decode(workshop[1]!));
    return workshop[2] === 'projector' ? { page: 'projector', code } : { page: 'facilitate', code };
  }
  return null;
}

export const joinPath = (code: string) => `/join/${encodeURIComponent(code)}`;

/**
 * The key of a read-only projector link (/workshop/:code/projector#key=…), kept for this tab so that a
 * reload still works; undefined on the facilitator's own projector tab (the session cookie does).
 */
export function projectorKeyOf(code: string, location: Pick<Location, 'hash'> = window.location): string | undefined {
  const storageName = `verkosto:projector-key:${code}`;
  const fromLink = new URLSearchParams(location.hash.replace(/^#/, '')).get('key')?.trim();
  if (fromLink) {
    sessionStorage.setItem(storageName, fromLink);
    return fromLink;
  }
  return sessionStorage.getItem(storageName) ?? undefined;
}
export const facilitatePath = (code: string) => `/workshop/${encodeURIComponent(code)}/facilitate`;
export const projectorPath = (code: string) => `/workshop/${encodeURIComponent(code)}/projector`;
export const newWorkshopPath = (workspaceId?: string) =>
  workspaceId ? `/workshop/new?workspace=${encodeURIComponent(workspaceId)}` : '/workshop/new';
