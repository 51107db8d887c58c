/** GET /health: whether Neo4j and Redis answer, with their round-trip times. 503 when either does not. */
import { Router } from 'express';
import type { ApiDeps } from './deps';

async function probe(check: () => Promise<number>) {
  try {
    return { ok: true, latencyMs: Math.round((await check()) * 10) / 10 };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

export function healthRouter({ db, redisPing }: ApiDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [neo4j, redis] = await Promise.all([probe(() => db.ping()), probe(redisPing)]);
    const ok = neo4j.ok && redis.ok;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', neo4j, redis });
  });
  return router;
}
