/**
 * The map picture of the printable summary: the open map's current view handed over as a PNG (through
 * localStorage, so a new tab can read it), or, when the print page is opened on its own, drawn there.
 */
import type { Core } from 'cytoscape';

const KEY_PREFIX = 'verkosto.printMap.';
/** How long a handed-over picture counts as "the current map". */
const FRESH_MS = 10 * 60_000;

/** The whole map (not just the view), at most ~1800 px wide: enough for A4 at print resolution. */
export function mapPng(cy: Core): string {
  return cy.png({ full: true, maxWidth: 1800, maxHeight: 1400, bg: '#ffffff' });
}

export function storeMapImage(workspaceId: string, cy: Core): void {
  try {
    window.localStorage.setItem(KEY_PREFIX + workspaceId, JSON.stringify({ at: Date.now(), png: mapPng(cy) }));
  } catch {
    /* too large or storage blocked: the print page draws its own */
  }
}

export function takeStoredMapImage(workspaceId: string): string | null {
  try {
    const raw = window.localStorage.getItem(KEY_PREFIX + workspaceId);
    if (!raw) return null;
    const { at, png } = JSON.parse(raw) as { at: number; png: string };
    return Date.now() - at < FRESH_MS && typeof png === 'string' && png.startsWith('data:image/png') ? png : null;
  } catch {
    return null;
  }
}
