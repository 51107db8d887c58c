/**
 * socket.io for live workspaces. Only the API holds sockets: the worker publishes applied changes
 * through Redis (redis-emitter), and the Redis adapter delivers them to the room of the workspace on
 * every API process. A client joins with the last sequence number it applied and is sent what it
 * missed from the change log; it joins the room first, so nothing falls between replay and live
 * delivery (the client drops the few events it may get twice, by seq).
 */
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { IdSchema } from '../../domain/entities';
import {
  workspaceBatchRoom,
  workspaceChangesRoom,
  workspaceMetricsRoom,
  workspaceRoom,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../domain/events';
import type { Config } from '../infra/config';
import type { Logger } from '../infra/logger';
import { socketChannelKey } from '../infra/queue';
import { createRedis } from '../infra/redis';
import type { GraphReads } from '../services/graph-reads';

export type VerkostoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type VerkostoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const JoinSchema = z.object({
  workspaceId: IdSchema,
  lastSeq: z.number().int().min(0).optional(),
  metrics: z.boolean().optional(),
  batched: z.boolean().optional(),
});

/** The rooms a join puts a socket in: the workspace's, how it takes changes, and metrics if wanted. */
const roomsOf = (workspaceId: string, { metrics, batched }: { metrics?: boolean; batched?: boolean }) => [
  workspaceRoom(workspaceId),
  batched ? workspaceBatchRoom(workspaceId) : workspaceChangesRoom(workspaceId),
  ...(metrics === false ? [] : [workspaceMetricsRoom(workspaceId)]),
];
const ALL_ROOMS = [workspaceRoom, workspaceBatchRoom, workspaceChangesRoom, workspaceMetricsRoom];
const leaveAll = (socket: VerkostoSocket, workspaceId: string) => {
  for (const room of ALL_ROOMS) void socket.leave(room(workspaceId));
};
const REPLAY_PAGE = 1000;

export function attachSockets(http: HttpServer, deps: { config: Config; logger: Logger; reads: GraphReads }): { io: VerkostoServer; close(): Promise<void> } {
  const pub = createRedis(deps.config, 'subscriber');
  const sub = pub.duplicate();
  const io: VerkostoServer = new Server(http, { path: '/socket.io', serveClient: false });
  io.adapter(createAdapter(pub, sub, { key: socketChannelKey(deps.config) }));

  io.on('connection', (socket) => {
    socket.data.workspaces = new Set();
    socket.on('workspace:join', (request, ack) => {
      const reply = typeof ack === 'function' ? ack : () => {};
      join(socket, request, deps).then(reply, (err: Error) => {
        deps.logger.warn({ err }, 'workspace join failed');
        reply({ ok: false, code: 'JOIN_FAILED', message: 'Could not join the workspace' });
      });
    });
    socket.on('workspace:leave', (request) => {
      const parsed = JoinSchema.pick({ workspaceId: true }).safeParse(request);
      if (!parsed.success) return;
      socket.data.workspaces.delete(parsed.data.workspaceId);
      leaveAll(socket, parsed.data.workspaceId);
    });
  });

  return {
    io,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

async function join(socket: VerkostoSocket, request: unknown, { reads }: { reads: GraphReads }) {
  const parsed = JoinSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const error = { code: 'INVALID_JOIN', message: issue.message, field: issue.path.join('.') };
    socket.emit('workspace:error', error);
    return { ok: false as const, code: error.code, message: `${error.field}: ${error.message}` };
  }
  const { workspaceId, lastSeq } = parsed.data;
  const workspace = await reads.workspace(workspaceId);
  if (!workspace) {
    socket.emit('workspace:error', { code: 'NOT_FOUND', message: `Workspace "${workspaceId}" was not found`, field: 'workspaceId' });
    return { ok: false as const, code: 'NOT_FOUND', message: `Workspace "${workspaceId}" was not found` };
  }
  leaveAll(socket, workspaceId); // a join again may ask for other rooms (batched, metrics)
  await socket.join(roomsOf(workspaceId, parsed.data));
  socket.data.workspaces.add(workspaceId);

  let replayed = 0;
  let seq = lastSeq ?? workspace.seq;
  if (lastSeq !== undefined) {
    for (;;) {
      const page = await reads.changesSince(workspaceId, seq, REPLAY_PAGE);
      if (parsed.data.batched && page.length) socket.emit('changes:applied', { workspaceId, changes: page });
      else for (const change of page) socket.emit(change.event, change as never);
      replayed += page.length;
      if (page.length) seq = page[page.length - 1].seq;
      if (page.length < REPLAY_PAGE) break;
    }
  }
  socket.emit('workspace:synced', { workspaceId, lastSeq: seq, replayed });
  return { ok: true as const, workspaceId, replayed, lastSeq: seq };
}
