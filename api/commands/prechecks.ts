/**
 * Checks a single write against the stored graph before it is queued, so that a plain mistake (an
 * unknown id, a stale version, a link type that cannot join these nodes) gets its 4xx at once. The
 * worker checks the same things again inside its transaction, where they are authoritative.
 */
import { PERSONAL_FIELDS, type NodeType } from '../../domain/entities';
import { RELATIONSHIP_END_CONDITIONS, RELATIONSHIP_ENDS, type RelationshipType } from '../../domain/relationships';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors';
import type { EntityLookup, GraphReads } from '../services/graph-reads';

async function lookup(reads: GraphReads, workspaceId: string, ids: string[]) {
  const found = await reads.lookup(workspaceId, [workspaceId, ...ids]);
  if (found.get(workspaceId)?.type !== 'Workspace') throw notFound('Workspace', workspaceId);
  return found;
}

/** A new node: the workspace must exist, and an id the caller chose must be free (generated ids are). */
export async function precheckNodeCreate(reads: GraphReads, workspaceId: string, nodeId: string, idChosen: boolean): Promise<void> {
  if (!idChosen) {
    if (!(await reads.workspaceExists(workspaceId))) throw notFound('Workspace', workspaceId);
    return;
  }
  const found = await lookup(reads, workspaceId, [nodeId]);
  const existing = found.get(nodeId);
  if (existing?.type) throw conflict('ALREADY_EXISTS', `The id "${nodeId}" is already used by a ${existing.type}`, { id: nodeId });
}

/** Workshop participants never handle contact details: a person's e-mail and phone are refused (400); `at` prefixes the field paths. */
export function refuseContactFields(nodeType: NodeType, props: Record<string, unknown>, at = ''): void {
  const personal = (PERSONAL_FIELDS[nodeType] ?? []).filter((field) => props[field] !== undefined);
  if (personal.length) {
    throw badRequest(
      'PERSONAL_FIELDS_NOT_ALLOWED',
      'Workshop participants may not enter contact details',
      personal.map((field) => ({ path: `${at}${field}`, message: 'not allowed for workshop participants' })),
    );
  }
}

/** A workshop participant may change only what they created. */
export function assertCreatedBy(createdBy: unknown, participantId: string | undefined, what: string): void {
  if (participantId !== undefined && createdBy !== participantId) {
    throw forbidden('NOT_OWNER', `Workshop participants may change only what they added themselves; this ${what} was added by someone else`);
  }
}

/**
 * An update or delete: the node must be in the workspace with this type, at the given version; for a
 * workshop participant (participantId), one they created.
 */
export async function precheckNodeChange(
  reads: GraphReads,
  workspaceId: string,
  nodeType: NodeType,
  nodeId: string,
  baseVersion?: number,
  participantId?: string,
): Promise<EntityLookup> {
  const node = (await lookup(reads, workspaceId, [nodeId])).get(nodeId);
  if (!node?.type || !node.inWorkspace || node.type !== nodeType) throw notFound(nodeType, nodeId);
  assertCreatedBy(node.createdBy, participantId, nodeType);
  if (baseVersion !== undefined && node.version !== baseVersion) {
    throw conflict('VERSION_CONFLICT', `${nodeType} "${nodeId}" is at version ${node.version}, not ${baseVersion}`, {
      currentVersion: node.version,
    });
  }
  return node;
}

export async function precheckRelationshipCreate(
  reads: GraphReads,
  workspaceId: string,
  rel: { type: RelationshipType; from: string; to: string; id?: string },
): Promise<void> {
  const found = await lookup(reads, workspaceId, [rel.from, rel.to]);
  const ends = RELATIONSHIP_ENDS[rel.type];
  for (const [field, allowed] of [['from', ends.from], ['to', ends.to]] as const) {
    const node = found.get(rel[field]);
    if (!node?.type || !node.inWorkspace) {
      throw new AppError(422, `${field.toUpperCase()}_NOT_FOUND`, `No node "${rel[field]}" in workspace "${workspaceId}"`, [
        { path: field, message: 'no node with this id in the workspace' },
      ]);
    }
    if (!allowed.includes(node.type)) {
      throw new AppError(422, `${field.toUpperCase()}_TYPE_NOT_ALLOWED`, `${rel.type} cannot ${field === 'from' ? 'start at' : 'end at'} a ${node.type}`, [
        { path: field, message: `expected one of ${allowed.join(', ')}` },
      ]);
    }
    const condition = RELATIONSHIP_END_CONDITIONS[rel.type]?.[field];
    const value = condition ? (node as unknown as Record<string, unknown>)[condition.property] : undefined;
    if (condition && !condition.values.includes(String(value ?? ''))) {
      throw new AppError(422, condition.code, `${rel.type} cannot ${field === 'from' ? 'start at' : 'end at'} ${node.type} "${rel[field]}" (${condition.property}: ${value ?? 'none'})`, [
        { path: field, message: condition.message },
      ]);
    }
  }
  if (rel.id) {
    const existing = await reads.relationship(workspaceId, null, rel.id);
    if (existing) throw conflict('ALREADY_EXISTS', `The relationship id "${rel.id}" is already used`, { id: rel.id });
  }
}
