/**
 * A workshop's contributions as its facilitator sees them: a summary (who took part, what was added)
 * and an export of everything added, with who (participant display name) and when (the time of the
 * change that added it, from the change log), as JSON or as CSV for Excel.
 */
import type { AppliedChange } from '../../domain/events';
import type { GraphEdge, GraphNode } from '../../domain/graph';
import { publicNode } from '../../domain/privacy';
import type { Workshop, WorkshopAddition, WorkshopInfo, WorkshopSummary } from '../../domain/workshops';
import type { GraphDb } from '../infra/neo4j';
import { toCsv } from './csv';
import type { WorkshopPresenceStore } from './presence';
import { publicInfo } from './workshops';

export type ExportedNode = GraphNode & WorkshopAddition;
export type ExportedEdge = GraphEdge & WorkshopAddition & { sourceName: string | null; targetName: string | null };

export interface WorkshopExport {
  workshop: WorkshopInfo & { exportedAt: string };
  nodes: ExportedNode[];
  relationships: ExportedEdge[];
}

export const CSV_COLUMNS = ['kind', 'type', 'id', 'name', 'from', 'to', 'addedBy', 'addedAt'] as const;

interface ExportRow {
  nodes: GraphNode[];
  relationships: (GraphEdge & { sourceName: string | null; targetName: string | null })[];
  participants: { id: string; displayName: string }[];
  added: { event: string; at: string; actor: string }[];
}

const PARTICIPANT_ACTOR = /^participant:(.+)$/;

export class WorkshopReports {
  constructor(
    private readonly db: GraphDb,
    private readonly presence: WorkshopPresenceStore,
  ) {}

  async summary(workshop: Workshop): Promise<WorkshopSummary> {
    const [[row], presence] = await Promise.all([
      this.db.read<Record<'participantsJoined' | 'organisations' | 'people' | 'projects' | 'themes' | 'links' | 'cities', number>>('workshop-summary', {
        workspaceId: workshop.workspaceId,
        workshopId: workshop.id,
      }),
      this.presence.snapshot(workshop.id),
    ]);
    const { participantsJoined = 0, organisations = 0, people = 0, projects = 0, themes = 0, links = 0, cities = 0 } = row ?? {};
    return {
      workshopId: workshop.id,
      code: workshop.code,
      participantsJoined,
      online: presence.online.filter((e) => e.role === 'participant').length,
      counts: { organisations, people, projects, themes, links, cities },
    };
  }

  async export(workshop: Workshop): Promise<WorkshopExport> {
    const [row] = await this.db.read<ExportRow>('workshop-export', { workspaceId: workshop.workspaceId, workshopId: workshop.id });
    const names = new Map((row?.participants ?? []).map((p) => [p.id, p.displayName]));
    // The first change that created each entry (an organisation added twice is one node, added once).
    const firstAdded = new Map<string, { at: string; actor: string }>();
    for (const entry of row?.added ?? []) {
      const event = JSON.parse(entry.event) as AppliedChange;
      const id = 'node' in event ? event.node.id : 'edge' in event ? event.edge.id : null;
      if (id && !firstAdded.has(id)) firstAdded.set(id, { at: entry.at, actor: entry.actor });
    }
    const additionOf = (entity: { id: string; createdBy?: unknown; createdAt?: unknown }): WorkshopAddition => {
      const logged = firstAdded.get(entity.id);
      const participantId = typeof entity.createdBy === 'string' ? entity.createdBy : PARTICIPANT_ACTOR.exec(logged?.actor ?? '')?.[1];
      return {
        addedBy: (participantId && names.get(participantId)) ?? participantId ?? logged?.actor ?? '',
        addedAt: logged?.at ?? (typeof entity.createdAt === 'string' ? entity.createdAt : ''),
      };
    };
    return {
      workshop: { ...publicInfo(workshop), exportedAt: new Date().toISOString() },
      nodes: (row?.nodes ?? []).map((n) => ({ ...publicNode(n), ...additionOf(n) })),
      relationships: (row?.relationships ?? []).map((r) => ({ ...r, ...additionOf(r) })),
    };
  }
}

/** One row per entry: kind (node or relationship), type, id, name, from and to (a link's end names), addedBy, addedAt. */
export function exportCsv(data: WorkshopExport): string {
  return toCsv([
    CSV_COLUMNS,
    ...data.nodes.map((n) => ['node', n.type, n.id, n.name, '', '', n.addedBy, n.addedAt]),
    ...data.relationships.map((r) => ['relationship', r.type, r.id, '', r.sourceName ?? r.source, r.targetName ?? r.target, r.addedBy, r.addedAt]),
  ]);
}
