/**
 * Ids for changes and new nodes. With an Idempotency-Key the ids are derived from it, so a retried
 * request produces the same change (the job and the change log then make it apply once) and the same
 * node id; without one they are random.
 */
import { createHash, randomUUID } from 'node:crypto';
import { foldDiacritics, foldFinnish, legalFormSpan, nameWords } from '../../domain/matching/normalise';

/** A UUID-shaped id derived from text: the same text always gives the same id. */
export function uuidFromHash(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function changeIdsFor(workspaceId: string, idempotencyKey: string | undefined, count: number): string[] {
  return Array.from({ length: count }, (_, i) => (idempotencyKey ? uuidFromHash(`${workspaceId}\n${idempotencyKey}\n${i}`) : randomUUID()));
}

/** The id of a batch job (BullMQ job ids must not contain ':'). */
export const batchIdFor = (workspaceId: string, idempotencyKey: string | undefined) =>
  idempotencyKey ? uuidFromHash(`${workspaceId}\n${idempotencyKey}\nbatch`) : randomUUID();

/** ASCII slug of a name: "Kokkolan yliopistokeskus Chydenius" -> "kokkolan-yliopistokeskus-chydenius". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const TYPE_PREFIX: Record<string, string> = {
  Organisation: 'org',
  WorkPackage: 'wp',
  Person: 'person',
};

/** A readable, stable id for a node created without one: "org-oulun-yliopisto-1a2b3c4d". */
export function nodeIdFor(nodeType: string, name: unknown, changeId: string): string {
  const prefix = TYPE_PREFIX[nodeType] ?? nodeType.toLowerCase();
  const slug = typeof name === 'string' ? slugify(name) : '';
  return [prefix, slug, changeId.replace(/-/g, '').slice(0, 8)].filter(Boolean).join('-');
}

/** The id of a relationship created without one: "partner-in-1a2b3c4d5e6f". */
export const relIdFor = (relType: string, changeId: string) => `${relType.toLowerCase().replace(/_/g, '-')}-${changeId.replace(/-/g, '').slice(0, 12)}`;

/**
 * A name as two people may type the same organisation, theme or project: lower case, one Unicode form
 * (NFC) with ä, ö and å kept (other accents dropped), punctuation and extra spaces gone, and legal forms
 * at the start or end dropped ("Oy", "Ab", "Ltd", ...; never the only word). "  OULUN  yliopisto Oy. "
 * and "Oulun yliopisto" give "oulun yliopisto"; "Mäki" and "Maki" stay apart. Words and legal forms come
 * from the name matcher (domain/matching).
 */
export function normaliseEntryName(name: string): string {
  const words = nameWords(name);
  const { start, end } = legalFormSpan(words.map(foldDiacritics));
  return words.slice(start, end).map(foldFinnish).join(' ');
}

/** Node types a workshop participant adds as add-or-get, with an id derived from the normalised name. */
export const SHARED_ID_TYPES: ReadonlySet<string> = new Set(['Organisation', 'Theme', 'Project']);

/**
 * The id of a participant's organisation, theme or project, the same for everyone in the workspace who
 * adds that name: "org-oulun-yliopisto-<first 8 hex of sha256(workspaceId + normalised name)>". null
 * when the name has no letters or digits to go by.
 */
export function sharedNodeIdFor(nodeType: string, workspaceId: string, name: unknown): string | null {
  const normalised = typeof name === 'string' ? normaliseEntryName(name) : '';
  if (!normalised) return null;
  const hash = createHash('sha256').update(workspaceId + normalised).digest('hex').slice(0, 8);
  const prefix = TYPE_PREFIX[nodeType] ?? nodeType.toLowerCase();
  return [prefix, slugify(normalised), hash].filter(Boolean).join('-');
}
