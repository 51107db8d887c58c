/**
 * Is a newly typed name the same as, or close to, one that exists? Used before creating an entry, to
 * ask "Did you mean Oulun yliopisto?" instead of adding "Oulun ylipisto" next to it.
 */

/** Company forms that do not tell organisations apart. */
const LEGAL_FORMS = /\b(oyj|oy|ab|abp|ry|rf|ltd|inc|gmbh)\b/g;

/** Lower case, without accents, punctuation and legal forms, single spaces: "Kemira Oyj" → "kemira", "Åbo Akademi" → "abo akademi". */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,;:!?'"()[\]{}–—-]+/g, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance (insertions, deletions, substitutions), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export type Likeness = 'same' | 'close' | 'different';

/** How a typed name relates to an existing one (or one of its aliases). */
export function likeness(typed: string, existing: string): Likeness {
  const a = foldName(typed);
  const b = foldName(existing);
  if (!a || !b) return 'different';
  if (a === b || a.replace(/ /g, '') === b.replace(/ /g, '')) return 'same';
  const longest = Math.max(a.length, b.length);
  const allowed = longest <= 4 ? 0 : longest <= 8 ? 1 : Math.max(2, Math.floor(longest * 0.2));
  if (editDistance(a, b, allowed) <= allowed) return 'close';
  // "Oulun yliopisto" typed, "Oulun yliopisto (OY)" exists – or the other way round.
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 5 && (longer.startsWith(`${shorter} `) || longer.endsWith(` ${shorter}`))) return 'close';
  return 'different';
}

export interface NamedCandidate {
  id: string;
  name: string;
  aliases?: string[];
}

/** The best existing candidate for a typed name: an exact (folded) match first, then the closest. */
export function bestMatch<T extends NamedCandidate>(
  typed: string,
  candidates: readonly T[],
): { candidate: T; likeness: 'same' | 'close' } | null {
  let close: T | null = null;
  for (const candidate of candidates) {
    const names = [candidate.name, ...(candidate.aliases ?? [])];
    const results = names.map((name) => likeness(typed, name));
    if (results.includes('same')) return { candidate, likeness: 'same' };
    if (!close && results.includes('close')) close = candidate;
  }
  return close ? { candidate: close, likeness: 'close' } : null;
}
