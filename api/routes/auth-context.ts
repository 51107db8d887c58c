/**
 * Who a request is, beyond the editor token of request-context.ts: a facilitator signed in with the
 * `verkosto_session` cookie, or a workshop participant sending `Authorization: Participant <token>` (or
 * `X-Participant-Token`). The middlewares resolve them once per request (only when the cookie or header
 * is there) and keep them request-local; routes read them with userOf/requireUser and
 * participantOf/requireParticipant.
 */
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { unauthorized } from '../errors';
import type { Config } from '../infra/config';
import type { Accounts, SessionUser } from '../services/accounts';
import type { Participant, Workshops } from '../services/workshops';

export const SESSION_COOKIE = 'verkosto_session';

/** null: a token was sent but is unknown or expired. */
const users = new WeakMap<Request, SessionUser | null>();
const participants = new WeakMap<Request, Participant | null>();

/** One cookie's value from a Cookie header (also the socket.io handshake's). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export const sessionTokenOf = (req: Request) => readCookie(req.get('cookie'), SESSION_COOKIE);

function cookieOptions(req: Request, config: Pick<Config, 'PUBLIC_URL'>): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: req.secure || (config.PUBLIC_URL?.startsWith('https:') ?? false) };
}

export function setSessionCookie(req: Request, res: Response, config: Pick<Config, 'PUBLIC_URL' | 'SESSION_TTL_S'>, token: string): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req, config), maxAge: config.SESSION_TTL_S * 1000 });
}

export function clearSessionCookie(req: Request, res: Response, config: Pick<Config, 'PUBLIC_URL'>): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req, config));
}

/** Resolves the session cookie to the signed-in facilitator, extending the session (and the cookie). */
export function sessionMiddleware(accounts: Accounts, config: Pick<Config, 'PUBLIC_URL' | 'SESSION_TTL_S'>): RequestHandler {
  return async (req, res, next) => {
    const token = sessionTokenOf(req);
    if (token) {
      const user = await accounts.resolveSession(token);
      users.set(req, user);
      if (user) setSessionCookie(req, res, config, token);
      else clearSessionCookie(req, res, config);
    }
    next();
  };
}

export const userOf = (req: Request): SessionUser | null => users.get(req) ?? null;

export function requireUser(req: Request): SessionUser {
  const user = users.get(req);
  if (user) return user;
  throw unauthorized(user === null ? 'SESSION_EXPIRED' : 'NOT_SIGNED_IN', user === null ? 'The session has expired; sign in again' : 'Sign in first');
}

export function participantTokenOf(req: Request): string | undefined {
  const auth = req.get('authorization');
  const m = auth ? /^Participant\s+(\S+)$/i.exec(auth) : null;
  return m?.[1] ?? req.get('x-participant-token') ?? undefined;
}

/** Resolves a participant token (Authorization: Participant <token>, or X-Participant-Token). */
export function participantMiddleware(workshops: Workshops): RequestHandler {
  return async (req, _res, next) => {
    const token = participantTokenOf(req);
    if (token) participants.set(req, await workshops.resolveParticipant(token));
    next();
  };
}

export const participantOf = (req: Request): Participant | null => participants.get(req) ?? null;

export function requireParticipant(req: Request): Participant {
  const participant = participants.get(req);
  if (participant) return participant;
  throw participant === null
    ? unauthorized('INVALID_PARTICIPANT_TOKEN', 'The participant token is unknown or has expired; join the workshop again')
    : unauthorized('PARTICIPANT_TOKEN_REQUIRED', 'Send the participant token (Authorization: Participant <token>)');
}
