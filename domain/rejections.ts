/**
 * Why a change was not applied, and whether trying again can help. A link to a node that does not
 * exist yet may succeed once the node's own change is applied; a type clash never will.
 */
export const RETRYABLE_CODES = new Set(['FROM_NOT_FOUND', 'TO_NOT_FOUND', 'NOT_FOUND', 'WORKSPACE_NOT_FOUND', 'DATABASE_UNAVAILABLE']);

const MESSAGES: Record<string, string> = {
  ID_TAKEN: 'the id is already used by a node of another type',
  WORKSPACE_NOT_FOUND: 'the workspace does not exist',
  NOT_FOUND: 'nothing with this id exists in the workspace',
  TYPE_MISMATCH: 'the id belongs to a node of another type',
  VERSION_CONFLICT: 'the node was changed since the version this edit was based on',
  FROM_NOT_FOUND: 'the start node does not exist',
  TO_NOT_FOUND: 'the end node does not exist',
  FROM_TYPE_NOT_ALLOWED: 'this relationship type cannot start at a node of that type',
  TO_TYPE_NOT_ALLOWED: 'this relationship type cannot end at a node of that type',
  TO_NOT_SKILL: 'NEEDS and OFFERS_TRAINING must end at a theme of kind skill (a competence), not a topic',
  FROM_NOT_EDUCATION_PROVIDER: 'OFFERS_TRAINING must start at an education provider (vocational college, university of applied sciences or university)',
  MERGE_NOT_FOUND: 'both nodes of a merge must be in the workspace',
  MERGE_TYPE_MISMATCH: 'only nodes of the same type can be merged',
  MERGE_SAME_NODE: 'a node cannot be merged into itself',
  UNMERGE_NOT_FOUND: 'the merge or its survivor is not in the workspace',
  ALREADY_UNMERGED: 'this merge has been undone already',
  ID_IN_USE: "the merged node's id is in use again, so it cannot come back",
};

export interface Rejection {
  code: string;
  reason: string;
  retryable: boolean;
}

export function rejection(code: string, reason = MESSAGES[code] ?? code): Rejection {
  return { code, reason, retryable: RETRYABLE_CODES.has(code) };
}

/** The text stored as a failed job's reason: "CODE: reason". The API parses the code back. */
export const failureText = (r: Pick<Rejection, 'code' | 'reason'>) => `${r.code}: ${r.reason}`;

export function parseFailureText(text: string): { code: string; reason: string } {
  const m = /^([A-Z_]+): (.*)$/s.exec(text);
  return m ? { code: m[1], reason: m[2] } : { code: 'APPLY_FAILED', reason: text };
}
