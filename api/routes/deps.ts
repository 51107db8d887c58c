import type { ChangeSubmitter } from '../commands/submit-changes';
import type { Config } from '../infra/config';
import type { Logger } from '../infra/logger';
import type { GraphDb } from '../infra/neo4j';
import type { Redis } from 'ioredis';
import type { GraphReads } from '../services/graph-reads';
import type { SimilarEntities } from '../services/similar-entities';
import type { ProjectOverlaps } from '../services/project-overlaps';
import type { Accounts } from '../services/accounts';
import type { WorkshopPresenceStore } from '../services/presence';
import type { Workshops } from '../services/workshops';

/** What the routes need; createApp receives it, so tests can build the app in-process. */
export interface ApiDeps {
  config: Config;
  logger: Logger;
  db: GraphDb;
  redis: Redis;
  reads: GraphReads;
  /** Probable duplicates of a name being entered (did you mean ...?). */
  similar: SimilarEntities;
  /** Overlapping projects between cities, the specialisation matrix. */
  overlaps: ProjectOverlaps;
  submitter: ChangeSubmitter;
  /** Facilitator accounts and sessions; workshops and their participants. */
  accounts: Accounts;
  workshops: Workshops;
  /** Who is connected to each workshop (for its summary). */
  presence: WorkshopPresenceStore;
  /** Neo4j and Redis state for /health. */
  redisPing(): Promise<number>;
}
