/**
 * Facilitator accounts against the real Neo4j and Redis: register, sign in and out, who am I, the
 * session cookie and its sliding expiry, one answer for unknown e-mail and wrong password, and the
 * per-address limit on failed sign-ins.
 */
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { createRedis } from '../api/infra/redis';
import { redisKeys } from '../api/infra/services';
import { sha256 } from '../api/services/accounts';
import { hashPassword, verifyPassword } from '../api/services/passwords';
import { cypher, startStack, type HttpResult, type TestStack } from './support/stack';

let stack: TestStack;
let redis: ReturnType<typeof createRedis>;

beforeAll(async () => {
  stack = await startStack({ LOGIN_MAX_FAILURES: 10, LOGIN_WINDOW_S: 900, SESSION_TTL_S: 12 * 3600 });
  redis = createRedis(stack.config);
});
afterAll(async () => {
  redis.disconnect();
  await stack.close();
});

const email = (name = 'fasilitaattori') => `${name}.${randomUUID().slice(0, 8)}@example.fi`;
const PASSWORD = 'Sisu-ja-sauna-2025';

/** The session cookie a response set, as a Cookie header value (undefined when none). */
function sessionCookie(res: HttpResult): string | undefined {
  const set = res.headers.getSetCookie().find((c) => c.startsWith('verkosto_session='));
  return set?.split(';')[0];
}

async function register(address = email(), displayName = 'Päivi Hämäläinen') {
  const res = await stack.http.post('/api/v1/auth/register', { email: address, password: PASSWORD, displayName });
  expect(res.status).toBe(201);
  return { res, cookie: sessionCookie(res)!, email: address };
}

test('register signs in at once: an httpOnly SameSite=Lax session cookie, and /me answers with the user', async () => {
  const address = email('Asa.Oberg');
  const { res, cookie } = await register(`  ${address.toUpperCase()} `, '  Åsa Öberg ');
  expect(res.body.user).toEqual({ id: expect.stringMatching(/^user-/), email: address.toLowerCase(), displayName: 'Åsa Öberg' });
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('verkosto_session='))!;
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Lax/i);
  expect(setCookie).toMatch(/Max-Age=43200/);
  expect(cookie.split('=')[1]).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url

  const me = await stack.http.get('/api/v1/auth/me', { cookie });
  expect(me.status).toBe(200);
  expect(me.body.user).toEqual(res.body.user);

  // Stored in Neo4j as a :User (not map data), with a self-describing scrypt hash, never the password.
  const [stored] = await cypher<{ labels: string[]; email: string; passwordHash: string; createdAt: string }>(
    stack,
    'MATCH (u:User {id: $id}) RETURN labels(u) AS labels, u.email AS email, u.passwordHash AS passwordHash, u.createdAt AS createdAt',
    { id: res.body.user.id },
  );
  expect(stored.labels).toEqual(['User']);
  expect(stored.email).toBe(address.toLowerCase());
  expect(stored.passwordHash).toMatch(/^\$scrypt\$ln=\d+,r=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
  expect(stored.passwordHash).not.toContain(PASSWORD);
  expect(Date.parse(stored.createdAt)).toBeGreaterThan(Date.now() - 60_000);
});

test('an e-mail address has one account whatever its capitals; bad input is a 400 naming the field', async () => {
  const { email: address } = await register();
  const again = await stack.http.post('/api/v1/auth/register', { email: address.toUpperCase(), password: PASSWORD, displayName: 'Toinen' });
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe('EMAIL_TAKEN');

  const short = await stack.http.post('/api/v1/auth/register', { email: email(), password: 'lyhyt', displayName: 'X' });
  expect(short.status).toBe(400);
  expect(short.body.error.details).toEqual([{ path: 'password', message: 'at least 10 characters' }]);
  const notEmail = await stack.http.post('/api/v1/auth/register', { email: 'ei-osoite', password: PASSWORD, displayName: 'X' });
  expect(notEmail.status).toBe(400);
  expect(notEmail.body.error.details[0].path).toBe('email');
});

test('login, /me, logout: after logout the cookie is cleared and the session is gone from Redis', async () => {
  const { email: address } = await register();
  const login = await stack.http.post('/api/v1/auth/login', { email: address.toUpperCase(), password: PASSWORD });
  expect(login.status).toBe(200);
  expect(login.body.user.email).toBe(address);
  const cookie = sessionCookie(login)!;
  const token = cookie.split('=')[1];
  expect(await redis.exists(redisKeys(stack.config).session(sha256(token)))).toBe(1);
  expect((await stack.http.get('/api/v1/auth/me', { cookie })).status).toBe(200);

  const out = await stack.http.post('/api/v1/auth/logout', undefined, { cookie });
  expect(out.status).toBe(204);
  expect(out.headers.getSetCookie().find((c) => c.startsWith('verkosto_session='))).toMatch(/Expires=Thu, 01 Jan 1970/);
  expect(await redis.exists(redisKeys(stack.config).session(sha256(token)))).toBe(0);

  const me = await stack.http.get('/api/v1/auth/me', { cookie });
  expect(me.status).toBe(401);
  expect(me.body.error.code).toBe('SESSION_EXPIRED');
  const anonymous = await stack.http.get('/api/v1/auth/me');
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.error.code).toBe('NOT_SIGNED_IN');
});

test('the session expiry slides: a signed-in request renews it in Redis and in the cookie', async () => {
  const { cookie } = await register();
  const key = redisKeys(stack.config).session(sha256(cookie.split('=')[1]));
  await redis.expire(key, 60);
  const me = await stack.http.get('/api/v1/auth/me', { cookie });
  expect(me.status).toBe(200);
  expect(await redis.ttl(key)).toBeGreaterThan(12 * 3600 - 10);
  expect(me.headers.getSetCookie().find((c) => c.startsWith('verkosto_session='))).toMatch(/Max-Age=43200/);
});

test('a wrong password and an unknown e-mail get the same 401', async () => {
  const { email: address } = await register();
  const wrong = await stack.http.post('/api/v1/auth/login', { email: address, password: 'väärä-salasana' });
  const unknown = await stack.http.post('/api/v1/auth/login', { email: email('tuntematon'), password: PASSWORD });
  for (const res of [wrong, unknown]) {
    expect(res.status).toBe(401);
    expect(sessionCookie(res)).toBeUndefined();
  }
  expect(wrong.body).toEqual(unknown.body);
  expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
});

test('after 10 failed logins for an address, the next ones are 429 (even with the right password); other addresses are not affected', async () => {
  const { email: address } = await register();
  for (let i = 0; i < 10; i++) {
    expect((await stack.http.post('/api/v1/auth/login', { email: address, password: `väärin-${i}-xxxx` })).status).toBe(401);
  }
  const limited = await stack.http.post('/api/v1/auth/login', { email: address, password: PASSWORD });
  expect(limited.status).toBe(429);
  expect(limited.body.error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
  expect(limited.body.error.retryAfterSeconds).toBeGreaterThan(800);
  // Same address in other capitals is the same address.
  expect((await stack.http.post('/api/v1/auth/login', { email: address.toUpperCase(), password: PASSWORD })).status).toBe(429);

  const { email: other } = await register();
  expect((await stack.http.post('/api/v1/auth/login', { email: other, password: PASSWORD })).status).toBe(200);

  // When the window is over, the right password works again.
  await redis.del(redisKeys(stack.config).loginFailures(sha256(address)));
  expect((await stack.http.post('/api/v1/auth/login', { email: address, password: PASSWORD })).status).toBe(200);
});

test('parallel guesses cannot get past the limit', async () => {
  const { email: address } = await register();
  const results = await Promise.all(Array.from({ length: 25 }, (_, i) => stack.http.post('/api/v1/auth/login', { email: address, password: `arvaus-${i}-xxxx` })));
  expect(results.filter((r) => r.status === 401)).toHaveLength(10);
  expect(results.filter((r) => r.status === 429)).toHaveLength(15);
});

test('a successful login clears the failure count', async () => {
  const { email: address } = await register();
  for (let i = 0; i < 9; i++) await stack.http.post('/api/v1/auth/login', { email: address, password: `väärin-${i}-xxxx` });
  expect((await stack.http.post('/api/v1/auth/login', { email: address, password: PASSWORD })).status).toBe(200);
  for (let i = 0; i < 9; i++) expect((await stack.http.post('/api/v1/auth/login', { email: address, password: `väärin-${i}-xxxx` })).status).toBe(401);
});

test('password hashes: random salt, verify with the stored parameters, reject wrong or malformed', async () => {
  const a = await hashPassword('Hyvä salasana 123');
  const b = await hashPassword('Hyvä salasana 123');
  expect(a).not.toBe(b);
  expect(await verifyPassword('Hyvä salasana 123', a)).toBe(true);
  // The same word typed with a decomposed ä is the same password.
  expect(await verifyPassword('Hyva\u0308 salasana 123', a)).toBe(true);
  expect(await verifyPassword('Hyva salasana 123', a)).toBe(false);
  expect(await verifyPassword('Hyvä salasana 123', 'plain-text')).toBe(false);
  expect(await verifyPassword('x', a.replace(/ln=\d+/, 'ln=40'))).toBe(false);
  // A hash made with other parameters still verifies (the string says how it was made).
  const salt = randomBytes(16);
  const key = scryptSync('Hyvä salasana 123', salt, 32, { N: 2 ** 12, r: 8, p: 2 });
  const older = `$scrypt$ln=12,r=8,p=2$${salt.toString('base64').replace(/=+$/, '')}$${key.toString('base64').replace(/=+$/, '')}`;
  expect(await verifyPassword('Hyvä salasana 123', older)).toBe(true);
  expect(await verifyPassword('Hyvä salasana 124', older)).toBe(false);
});
