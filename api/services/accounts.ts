/**
 * Facilitator accounts and their sessions. Accounts are (:User) nodes in Neo4j, written directly (they
 * are not map data and do not go through the change queue); sessions live in Redis under the prefix,
 * keyed by the SHA-256 of a random 32-byte token that only the browser's httpOnly cookie holds, with a
 * sliding expiry. Failed logins are counted per e-mail address in Redis: past the limit, 429.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { conflict, tooManyRequests, unauthorized } from '../errors';
import type { Config } from '../infra/config';
import type { GraphDb } from '../infra/neo4j';
import { redisKeys } from '../infra/services';
import { hashPassword, verifyPassword } from './passwords';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
}

export interface Session {
  token: string;
  user: SessionUser;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const isConstraintViolation = (err: unknown) => (err as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** Same message for an unknown e-mail and a wrong password: the answer does not tell which accounts exist. */
const loginFailed = () => unauthorized('INVALID_CREDENTIALS', 'The e-mail address or the password is wrong');

export class Accounts {
  private readonly keys;
  /** Verified against when the e-mail is unknown, so that both failures take as long. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly db: GraphDb,
    private readonly redis: Redis,
    private readonly config: Pick<Config, 'REDIS_PREFIX' | 'SESSION_TTL_S' | 'LOGIN_MAX_FAILURES' | 'LOGIN_WINDOW_S'>,
  ) {
    this.keys = redisKeys(config);
  }

  /** Creates an account (e-mail already lower-cased and trimmed by the schema); 409 EMAIL_TAKEN when it exists. */
  async register(input: { email: string; password: string; displayName: string }): Promise<SessionUser> {
    const passwordHash = await hashPassword(input.password);
    try {
      const [row] = await this.db.write<{ user: SessionUser }>('user-create', { id: `user-${randomUUID()}`, email: input.email, passwordHash, displayName: input.displayName });
      return pick(row.user);
    } catch (err) {
      if (isConstraintViolation(err)) throw conflict('EMAIL_TAKEN', 'An account with this e-mail address already exists');
      throw err;
    }
  }

  /**
   * Checks the password. Every attempt is counted before the (slow) check and the count is cleared on
   * success, so parallel guesses cannot get past the limit either: over it, 429 with retryAfterSeconds.
   */
  async login(email: string, password: string): Promise<SessionUser> {
    const key = this.keys.loginFailures(sha256(email));
    const results = await this.redis.multi().set(key, 0, 'EX', this.config.LOGIN_WINDOW_S, 'NX').incr(key).ttl(key).exec();
    const attempts = Number(results?.[1][1]);
    const ttl = Number(results?.[2][1]);
    if (attempts > this.config.LOGIN_MAX_FAILURES) {
      throw tooManyRequests('TOO_MANY_LOGIN_ATTEMPTS', 'Too many failed sign-ins for this e-mail address; try again later', {
        retryAfterSeconds: Math.max(1, ttl),
      });
    }
    const [row] = await this.db.read<{ user: SessionUser & { passwordHash: string } }>('user-get-by-email', { email });
    const ok = await verifyPassword(password, row?.user.passwordHash ?? (await this.dummy()));
    if (!row || !ok) throw loginFailed();
    await this.redis.del(key);
    return pick(row.user);
  }

  async createSession(user: SessionUser): Promise<Session> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.keys.session(sha256(token)), JSON.stringify(user), 'EX', this.config.SESSION_TTL_S);
    return { token, user };
  }

  /** The session's user, extending its lifetime (sliding expiry); null when unknown or expired. */
  async resolveSession(token: string): Promise<SessionUser | null> {
    if (!token || token.length > 100) return null;
    const raw = await this.redis.getex(this.keys.session(sha256(token)), 'EX', this.config.SESSION_TTL_S);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  }

  async endSession(token: string): Promise<void> {
    if (token) await this.redis.del(this.keys.session(sha256(token)));
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}

const pick = (u: SessionUser): SessionUser => ({ id: u.id, email: u.email, displayName: u.displayName });
