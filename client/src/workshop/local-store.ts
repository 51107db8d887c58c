/**
 * localStorage per workshop code, tolerant of blocked storage (private mode): the participant's
 * session, their entries, drafts of what they are typing, the outbox, and the last workshop info seen.
 */
export function storageKey(code: string, what: string): string {
  return `verkosto.workshop.${code}.${what}`;
}

export function readJson<T>(key: string): T | null {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* full or blocked: the page keeps working from memory */
  }
}
