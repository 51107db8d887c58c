/**
 * Loads the Cypher files once, by name. Every query the code runs is listed in QUERY_NAMES; a missing
 * file fails at start-up, not at the first request that needs it.
 */
import fs from 'node:fs';
import path from 'node:path';

export const QUERY_NAMES = [
  'changes-applied',
  'changes-append',
  'changes-since',
  'change-get',
  'change-merge-record',
  'entities-lookup',
  'health-ping',
  'import-ids-taken',
  'import-nodes-create',
  'import-relationships-create',
  'node-create',
  'node-add-or-get',
  'node-update',
  'node-delete',
  'node-merge',
  'node-unmerge',
  'node-get',
  'nodes-list',
  'nodes-for-matching',
  'projects-for-overlaps',
  'project-ids',
  'projects-linked-to',
  'relationship-ends',
  'relationship-create',
  'relationship-update',
  'relationship-delete',
  'relationship-get',
  'relationships-list',
  'search-fulltext',
  'workspace-get',
  'workspace-seq',
  'workspace-graph',
  'workspaces-list',
  'view-create',
  'view-get',
  'views-list',
  'view-update',
  'view-delete',
  'view-share',
  'view-by-share-token',
  'user-create',
  'user-get-by-email',
  'workshop-create',
  'workshop-get-by-code',
  'workshop-set-state',
  'workshop-projector-key',
  'workshop-participant-add',
  'workshop-summary',
  'workshop-export',
  'metrics-graph-nodes',
  'metrics-graph-edges',
  'metrics-store',
  'metrics-summary-store',
  'metrics-top',
  'metrics-summary',
  'skills-links',
  'skills-places',
  'export-node-ids',
  'export-node-fields',
  'export-relationship-fields',
  'export-nodes',
  'export-relationships',
  'import-nodes-lookup',
  'import-relationships-lookup',
  'analysis-ego-step',
  'analysis-edges-among',
  'analysis-paths',
  'material-flows',
  'side-streams-untaken',
  'summary-counts',
  'summary-cities',
  'summary-projects',
  'summary-communities',
  'summary-brokers',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];
export type Queries = Readonly<Record<QueryName, string>>;

export interface SchemaStep {
  name: string;
  statements: string[];
}

export function loadQueries(cypherDir: string): Queries {
  const missing: string[] = [];
  const queries = {} as Record<QueryName, string>;
  for (const name of QUERY_NAMES) {
    const file = path.join(cypherDir, 'queries', `${name}.cypher`);
    if (!fs.existsSync(file)) missing.push(file);
    // Without the header comments: shorter messages to the server, same query.
    else queries[name] = stripComments(fs.readFileSync(file, 'utf8')).trim();
  }
  if (missing.length) throw new Error(`Missing Cypher files:\n  ${missing.join('\n  ')}`);
  return Object.freeze(queries);
}

/** Schema steps in file-name order (001-..., 002-...), each split into its statements. */
export function loadSchemaSteps(cypherDir: string): SchemaStep[] {
  const dir = path.join(cypherDir, 'schema');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((file) => ({
      name: file,
      statements: stripComments(fs.readFileSync(path.join(dir, file), 'utf8'))
        .split(/;\s*(?:\n|$)/)
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

function stripComments(source: string): string {
  return source
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
}
