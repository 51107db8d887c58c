/** /api/v1/auth: facilitator accounts (register, sign in and out, who am I) with a session cookie. */
import { Router } from 'express';
import { AppError } from '../errors';
import type { ApiDeps } from './deps';
import { clearSessionCookie, requireUser, sessionMiddleware, sessionTokenOf, setSessionCookie } from './auth-context';
import { LoginSchema, RegisterSchema } from './auth.schema';
import { parse } from './validate';

export function authRouter({ config, accounts }: ApiDeps): Router {
  const router = Router();
  const session = sessionMiddleware(accounts, config);

  router.post('/auth/register', async (req, res) => {
    const input = parse(RegisterSchema, req.body);
    const user = await accounts.register(input);
    const { token } = await accounts.createSession(user);
    setSessionCookie(req, res, config, token);
    res.status(201).json({ user });
  });

  router.post('/auth/login', async (req, res) => {
    const { email, password } = parse(LoginSchema, req.body);
    const user = await accounts.login(email, password).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 429) res.set('Retry-After', String(err.extra?.retryAfterSeconds ?? 60));
      throw err;
    });
    const previous = sessionTokenOf(req);
    if (previous) await accounts.endSession(previous);
    const { token } = await accounts.createSession(user);
    setSessionCookie(req, res, config, token);
    res.json({ user });
  });

  router.post('/auth/logout', async (req, res) => {
    const token = sessionTokenOf(req);
    if (token) await accounts.endSession(token);
    clearSessionCookie(req, res, config);
    res.status(204).end();
  });

  router.get('/auth/me', session, (req, res) => {
    res.json({ user: requireUser(req) });
  });

  return router;
}
