/**
 * Network analysis reads for the client's analysis views: a node's ego network (1-3 steps), the
 * shortest introduction paths between two actors, and the material flows of industrial symbiosis
 * with the side streams that have no taker. Nodes leave through the public privacy filter: contact
 * details are never part of these answers, not even for editors.
 */
import type { EgoNetwork, IntroductionPaths, MaterialFlow, MaterialFlows, UntakenStream } from '../../domain/analysis';
import type { GraphEdge, GraphNode } from '../../domain/graph';
import { publicNode } from '../../domain/privacy';
import { toNeo4jInt } from '../infra/mapper';
import type { GraphDb } from '../infra/neo4j';

/** The most paths one answer lists (two actors can have many equally short paths). */
const PATH_LIMIT = 25;

export class NetworkAnalysis {
  constructor(private readonly db: GraphDb) {}

  /** Breadth-first, one query per step: a variable-length pattern cannot take its length as a parameter. */
  async ego(workspaceId: string, centre: GraphNode, depth: number): Promise<EgoNetwork> {
    const found = new Map<string, GraphNode & { distance: number }>([[centre.id, { ...publicNode(centre), distance: 0 }]]);
    let frontier = [centre.id];
    for (let step = 1; step <= depth && frontier.length > 0; step++) {
      const rows = await this.db.read<{ node: GraphNode }>('analysis-ego-step', { workspaceId, ids: frontier });
      frontier = [];
      for (const { node } of rows) {
        if (found.has(node.id)) continue;
        found.set(node.id, { ...publicNode(node), distance: step });
        frontier.push(node.id);
      }
    }
    const ids = [...found.keys()];
    const edges = await this.db.read<{ edge: GraphEdge }>('analysis-edges-among', { workspaceId, ids });
    return { workspaceId, centre: centre.id, depth, nodes: [...found.values()], edges: edges.map((r) => r.edge) };
  }

  async paths(workspaceId: string, from: string, to: string, max: number): Promise<IntroductionPaths> {
    const rows = await this.db.read<IntroductionPaths['paths'][number]>('analysis-paths', {
      workspaceId,
      from,
      to,
      max: toNeo4jInt(max),
      limit: toNeo4jInt(PATH_LIMIT),
    });
    // Parallel links (cooperates and supplies) make several paths through the same people and
    // organisations; an introduction is the chain of nodes, so one path per chain.
    const seen = new Set<string>();
    const paths = rows.filter((p) => {
      const chain = p.nodes.map((n) => n.id).join('\u0000');
      if (seen.has(chain)) return false;
      seen.add(chain);
      return true;
    });
    return { workspaceId, from, to, max, length: paths[0] ? paths[0].edges.length : null, paths };
  }

  async materialFlows(workspaceId: string): Promise<MaterialFlows> {
    const [flows, untakenStreams] = await Promise.all([
      this.db.read<MaterialFlow>('material-flows', { workspaceId }),
      this.db.read<UntakenStream>('side-streams-untaken', { workspaceId }),
    ]);
    return { workspaceId, flows, untakenStreams };
  }
}
