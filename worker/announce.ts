/**
 * Tells the clients: applied changes go to their workspace's socket.io room through Redis (the API's
 * Redis adapter delivers them; the worker holds no sockets), in sequence order; changes finally not
 * applied go to the room as change:failed and to the visible failed list.
 */
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { AppliedChange, OverlapInsight, ServerToClientEvents } from '../domain/events';
import type { ImportFinishedEvent, ImportProgressEvent } from '../domain/imports';
import { byWorkspace, workspaceBatchRoom, workspaceChangesRoom, workspaceRoom } from '../domain/events';
import type { Config } from '../api/infra/config';
import { recordFailedChanges, type FailedChange } from '../api/infra/failed-changes';
import { socketChannelKey } from '../api/infra/queue';

export class Announcer {
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(
    private readonly config: Config,
    private readonly redis: Redis,
  ) {
    this.emitter = new Emitter<ServerToClientEvents>(redis, { key: socketChannelKey(config) });
  }

  /**
   * Applied changes: one event each to the clients that take them so, and one 'changes:applied' per
   * workspace to those that take batches (one socket write per client for the whole batch).
   */
  applied(changes: AppliedChange[]): void {
    const inOrder = [...changes].sort((a, b) => a.seq - b.seq);
    for (const change of inOrder) this.emitter.to(workspaceChangesRoom(change.workspaceId)).emit(change.event, change as never);
    for (const [workspaceId, batch] of byWorkspace(inOrder)) this.emitter.to(workspaceBatchRoom(workspaceId)).emit('changes:applied', { workspaceId, changes: batch });
  }

  /** A project's cross-city overlaps, to its workspace's room. */
  overlapInsight(insight: OverlapInsight): void {
    this.emitter.to(workspaceRoom(insight.workspaceId)).emit('insight:overlaps', insight);
  }

  /** An import's progress and its end, to its workspace's room (worker/import/). */
  importProgress(progress: ImportProgressEvent): void {
    this.emitter.to(workspaceRoom(progress.workspaceId)).emit('import:progress', progress);
  }

  importFinished(finished: ImportFinishedEvent): void {
    this.emitter.to(workspaceRoom(finished.workspaceId)).emit('import:finished', finished);
  }

  async failed(failures: FailedChange[]): Promise<void> {
    for (const f of failures) {
      this.emitter.to(workspaceRoom(f.workspaceId)).emit('change:failed', { changeId: f.changeId, workspaceId: f.workspaceId, code: f.code, reason: f.reason, final: true });
    }
    await recordFailedChanges(this.redis, this.config, failures);
  }
}
