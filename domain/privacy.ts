/** Personal data (a person's e-mail and phone) never leaves through public outputs. */
import { PERSONAL_FIELDS, type NodeType } from './entities';

/** Fields that exist only for search and are never shown. */
const INTERNAL_FIELDS = ['aliasText', 'searchText', 'lastSeq'];

/** The node as the public sees it: no personal fields, no internal fields. */
export function publicNode<T extends { type: NodeType }>(node: T): T {
  const hidden = [...INTERNAL_FIELDS, ...(PERSONAL_FIELDS[node.type] ?? [])];
  if (!hidden.some((f) => f in node)) return node;
  const copy: Record<string, unknown> = { ...node };
  for (const f of hidden) delete copy[f];
  return copy as T;
}

/** The node for an editor: personal fields kept, internal ones dropped. */
export function editorNode<T extends { type: NodeType }>(node: T): T {
  if (!INTERNAL_FIELDS.some((f) => f in node)) return node;
  const copy: Record<string, unknown> = { ...node };
  for (const f of INTERNAL_FIELDS) delete copy[f];
  return copy as T;
}

/** Whether a field of a node type may be shown: internal fields never, personal ones only to editors. */
export function isVisibleField(type: NodeType, field: string, editor: boolean): boolean {
  if (INTERNAL_FIELDS.includes(field)) return false;
  return editor || !(PERSONAL_FIELDS[type] ?? []).includes(field);
}
