/**
 * What a request says about who it is and how it wants its write handled: the actor (X-Actor), the
 * Idempotency-Key, whether to wait for the worker (?wait=true or Prefer: wait), and whether the caller
 * is an editor (Authorization: Bearer EDITOR_TOKEN) who may see personal fields.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { ActorSchema } from '../../domain/changes';
import { badRequest } from '../errors';
import type { WriteContext } from '../commands/submit-changes';
import type { Config } from '../infra/config';
import type { Viewer } from '../services/graph-reads';
import { sameSecret } from '../services/passwords';

const IdempotencyKeySchema = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only');

export function writeContext(req: Request, workspaceId: string): WriteContext {
  const actorHeader = req.get('x-actor');
  const actor = actorHeader === undefined ? 'anonymous' : ActorSchema.safeParse(decodeURIComponent(actorHeader));
  if (typeof actor !== 'string' && !actor.success) throw badRequest('INVALID_HEADER', 'X-Actor is not valid', [{ path: 'headers.x-actor', message: 'expected 1-200 characters' }]);
  const keyHeader = req.get('idempotency-key');
  const key = keyHeader === undefined ? undefined : IdempotencyKeySchema.safeParse(keyHeader);
  if (key && !key.success) {
    throw badRequest('INVALID_HEADER', 'Idempotency-Key is not valid', [{ path: 'headers.idempotency-key', message: key.error.issues[0].message }]);
  }
  const wait = req.query.wait === 'true' || req.query.wait === '1' || /(^|[,;\s])wait\b/i.test(req.get('prefer') ?? '');
  return { workspaceId, actor: typeof actor === 'string' ? actor : actor.data, idempotencyKey: key?.data, wait };
}

export function viewerOf(req: Request, config: Pick<Config, 'EDITOR_TOKEN'>): Viewer {
  const header = req.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!config.EDITOR_TOKEN || !token) return { editor: false };
  return { editor: sameSecret(token, config.EDITOR_TOKEN) };
}
