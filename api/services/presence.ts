/**
 * Who is connected to a workshop, across every API process. Each workshop has a Redis hash
 * socketId → {participantId, displayName, role, apiInstance, seenAt} and a revision counter, changed
 * together in one MULTI; a snapshot reads both in one MULTI, so a client that keeps the highest `rev`
 * never goes back to an older list when broadcasts arrive out of order.
 *
 * A process that crashes cannot remove its entries. Every API process therefore renews a heartbeat key
 * of its own (TTL three beats); reading a hash drops the entries of processes whose heartbeat is gone,
 * and on every beat each process re-reads the workshops it has sockets in and broadcasts when such
 * ghosts were dropped. A process whose own entries were dropped while its heartbeat lapsed (e.g. Redis
 * was away) writes them again on its next beat.
 */
import { randomUUID } from 'node:crypto';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { ServerToClientEvents } from '../../domain/events';
import { workshopRoom, type WorkshopPresence, type WorkshopPresenceEntry } from '../../domain/workshops';
import type { Config } from '../infra/config';
import type { Logger } from '../infra/logger';
import { socketChannelKey } from '../infra/queue';
import { redisKeys } from '../infra/services';

interface StoredEntry extends WorkshopPresenceEntry {
  apiInstance: string;
  seenAt: string;
}

/** Presence hashes outlive a quiet workshop by a day; every join and beat renews them. */
const PRESENCE_KEY_TTL_MS = 24 * 3600 * 1000;
const collator = new Intl.Collator('fi');

export class WorkshopPresenceStore {
  /** This API process. */
  readonly instanceId = randomUUID();
  private readonly keys;
  private readonly emitter: Emitter<ServerToClientEvents>;
  /** This process's sockets per workshop, with what it stored for them. */
  private readonly local = new Map<string, Map<string, StoredEntry>>();
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly config: Pick<Config, 'REDIS_PREFIX' | 'PRESENCE_HEARTBEAT_MS'>,
    private readonly logger: Logger,
  ) {
    this.keys = redisKeys(config);
    this.emitter = new Emitter<ServerToClientEvents>(redis, { key: socketChannelKey(config) });
  }

  private get heartbeatTtlMs() {
    return this.config.PRESENCE_HEARTBEAT_MS * 3;
  }

  async start(): Promise<void> {
    await this.redis.set(this.keys.apiInstance(this.instanceId), String(process.pid), 'PX', this.heartbeatTtlMs);
    this.timer = setInterval(() => {
      this.beating ??= this.beat()
        .catch((err: Error) => this.logger.warn({ err }, 'presence heartbeat failed'))
        .finally(() => (this.beating = null));
    }, this.config.PRESENCE_HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Leaves cleanly: this process's entries go at once (and the rooms are told), then its heartbeat. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.beating;
    const workshops = [...this.local.entries()];
    this.local.clear();
    await Promise.allSettled(workshops.map(([workshopId, sockets]) => this.removeEntries(workshopId, [...sockets.keys()]).then(() => this.broadcast(workshopId))));
    await this.redis.del(this.keys.apiInstance(this.instanceId)).catch(() => {});
  }

  /** Records a socket in a workshop and tells the room. */
  async add(workshopId: string, socketId: string, entry: WorkshopPresenceEntry): Promise<WorkshopPresence> {
    const stored: StoredEntry = { participantId: entry.participantId, displayName: entry.displayName, role: entry.role, apiInstance: this.instanceId, seenAt: new Date().toISOString() };
    let sockets = this.local.get(workshopId);
    if (!sockets) this.local.set(workshopId, (sockets = new Map()));
    sockets.set(socketId, stored);
    const hash = this.keys.workshopPresence(workshopId);
    const rev = this.keys.workshopPresenceRev(workshopId);
    await this.redis.multi().hset(hash, socketId, JSON.stringify(stored)).incr(rev).pexpire(hash, PRESENCE_KEY_TTL_MS).pexpire(rev, PRESENCE_KEY_TTL_MS).exec();
    return this.broadcast(workshopId);
  }

  /** Removes a socket from one workshop, or (no workshopId) from every workshop it was in, and tells the rooms. */
  async remove(socketId: string, workshopId?: string): Promise<void> {
    const ids = workshopId ? [workshopId] : [...this.local.keys()];
    await Promise.all(
      ids
        .filter((id) => this.local.get(id)?.has(socketId))
        .map(async (id) => {
          const sockets = this.local.get(id);
          sockets?.delete(socketId);
          if (sockets?.size === 0) this.local.delete(id);
          await this.removeEntries(id, [socketId]);
          await this.broadcast(id);
        }),
    );
  }

  /** The workshop's presence now, without the entries of processes that stopped beating. */
  async snapshot(workshopId: string): Promise<WorkshopPresence> {
    const hash = this.keys.workshopPresence(workshopId);
    for (let attempt = 0; ; attempt++) {
      const results = await this.redis.multi().hgetall(hash).get(this.keys.workshopPresenceRev(workshopId)).exec();
      const fields = (results?.[0][1] ?? {}) as Record<string, string>;
      const rev = Number(results?.[1][1] ?? 0);
      const entries = Object.entries(fields).map(([socketId, raw]) => ({ socketId, entry: parseEntry(raw) }));
      const instances = [...new Set(entries.map((e) => e.entry?.apiInstance).filter((i): i is string => !!i))];
      const alive = new Set<string>();
      if (instances.length) {
        const beats = await this.redis.mget(...instances.map((i) => this.keys.apiInstance(i)));
        instances.forEach((instance, i) => beats[i] !== null && alive.add(instance));
      }
      const ghosts = entries.filter((e) => !e.entry || !alive.has(e.entry.apiInstance)).map((e) => e.socketId);
      if (ghosts.length && attempt < 3) {
        // Drop them and read again: the list and its rev must come from the same moment.
        await this.removeEntries(workshopId, ghosts);
        continue;
      }
      const online = new Map<string, WorkshopPresenceEntry>();
      for (const { entry } of entries) {
        if (!entry || !alive.has(entry.apiInstance) || online.has(entry.participantId)) continue;
        online.set(entry.participantId, { participantId: entry.participantId, displayName: entry.displayName, role: entry.role });
      }
      const list = [...online.values()].sort((a, b) => collator.compare(a.displayName, b.displayName) || a.participantId.localeCompare(b.participantId));
      return { workshopId, online: list, count: list.length, rev };
    }
  }

  /** Sends the current presence to the workshop's room on every API process. */
  async broadcast(workshopId: string): Promise<WorkshopPresence> {
    const presence = await this.snapshot(workshopId);
    this.emitter.to(workshopRoom(workshopId)).emit('workshop:presence', presence);
    return presence;
  }

  private async removeEntries(workshopId: string, socketIds: string[]): Promise<void> {
    if (!socketIds.length) return;
    await this.redis.multi().hdel(this.keys.workshopPresence(workshopId), ...socketIds).incr(this.keys.workshopPresenceRev(workshopId)).exec();
  }

  /**
   * Renews this process's heartbeat. For each workshop it has sockets in: writes back its own entries if
   * they were dropped, drops other processes' ghosts, and tells the room when either changed the list.
   */
  private async beat(): Promise<void> {
    await this.redis.set(this.keys.apiInstance(this.instanceId), String(process.pid), 'PX', this.heartbeatTtlMs);
    for (const [workshopId, sockets] of [...this.local.entries()]) {
      const hash = this.keys.workshopPresence(workshopId);
      const rev = this.keys.workshopPresenceRev(workshopId);
      const ids = [...sockets.keys()];
      if (!ids.length) continue;
      const before = await this.redis.get(rev);
      const stored = await this.redis.hmget(hash, ...ids);
      // Checked after the await: a socket removed meanwhile must not come back.
      const lost = ids.filter((id, i) => stored[i] === null && sockets.has(id));
      if (lost.length) {
        const tx = this.redis.multi();
        for (const id of lost) tx.hset(hash, id, JSON.stringify(sockets.get(id)));
        await tx.incr(rev).exec();
      }
      const presence = await this.snapshot(workshopId);
      if (String(presence.rev) !== (before ?? '0')) this.emitter.to(workshopRoom(workshopId)).emit('workshop:presence', presence);
      await this.redis.multi().pexpire(hash, PRESENCE_KEY_TTL_MS).pexpire(rev, PRESENCE_KEY_TTL_MS).exec();
    }
  }
}

function parseEntry(raw: string): StoredEntry | null {
  try {
    const e = JSON.parse(raw) as StoredEntry;
    return typeof e.apiInstance === 'string' && typeof e.participantId === 'string' ? e : null;
  } catch {
    return null;
  }
}
