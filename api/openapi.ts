/**
 * The OpenAPI description, built from the same zod schemas the routes validate with, so the two
 * cannot drift apart. Served at /api/openapi.json and rendered at /api/docs.
 */
import { zodToJsonSchema } from 'zod-to-json-schema';
import { ChangeInputSchema } from '../domain/changes';
import { IMPORT_ENTITY_TYPES, IMPORT_FORMATS } from '../domain/imports';
import { COLLECTIONS, createSchemaFor, NODE_TYPES, updateSchemaFor } from '../domain/entities';
import { RelationshipCreateSchema, RelationshipUpdateSchema } from '../domain/relationships';
import { LoginSchema, RegisterSchema } from './routes/auth.schema';
import { METRIC_NAMES } from './routes/metrics.schema';
import { CSV_PARTS, EXPORT_FORMATS } from './services/export/formats';
import { SuggestBodySchema } from './routes/overlaps.schema';
import { MergeBodySchema } from './routes/merges.schema';
import { ParticipantJoinSchema, WorkshopCreateSchema } from './routes/workshops.schema';
import { graphRangeParams, viewPaths } from './openapi-views';

const json = (schema: Parameters<typeof zodToJsonSchema>[0]) => zodToJsonSchema(schema, { target: 'openApi3', $refStrategy: 'none' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const err = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const errors = {
  '400': { description: 'Invalid input: error.details lists each field (path) and reason', content: { 'application/json': { schema: ref('Error') } } },
  '404': { description: 'Not found', content: { 'application/json': { schema: ref('Error') } } },
};
/** A read whose index (overlaps, names) is still being built from scratch after some seconds. */
const indexBuilding = err('INDEX_BUILDING: the index is being built (about a minute for 50,000 projects); ask again after Retry-After (error.buildingForMs: how long so far)');
const writeResponses = (applied: string) => ({
  '202': ok('Queued: { changeId, id, status: "queued" } (Location: the change)'),
  [applied]: ok('Applied (with ?wait=true or Prefer: wait): { changeId, id, seq, node | edge }'),
  '409': { description: 'Version conflict or id taken', content: { 'application/json': { schema: ref('Error') } } },
  '422': { description: 'Cannot be applied (e.g. unknown link end, Idempotency-Key reused)', content: { 'application/json': { schema: ref('Error') } } },
  ...errors,
});
const writeParams = [
  { name: 'wait', in: 'query', schema: { type: 'boolean' }, description: 'Answer once the worker has applied the change' },
  { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' }, description: 'A retried request with the same key applies once' },
  { name: 'X-Actor', in: 'header', schema: { type: 'string' }, description: 'Who makes the change (recorded in the change log)' },
];
/** A workshop participant writing through the ordinary routes. */
const participantWriteParams = [
  {
    name: 'X-Participant-Token',
    in: 'header',
    schema: { type: 'string' },
    description:
      'A workshop participant writes (or Authorization: Participant <token>): checked against the workshop (401 INVALID_PARTICIPANT_TOKEN, 403 TYPE_NOT_ALLOWED / WRONG_WORKSPACE, 423 WORKSHOP_PAUSED, 410); the actor is participant:<id>, created nodes and links get createdBy and workshopId; PATCH/DELETE only of their own entries (403 NOT_OWNER); no email/phone (400 PERSONAL_FIELDS_NOT_ALLOWED). Organisations, themes and projects without an id are add-or-get by normalised name (201 with the existing node).',
  },
];
const participantResponses = (applied: string) => ({
  ...writeResponses(applied),
  '401': { description: 'INVALID_PARTICIPANT_TOKEN', content: { 'application/json': { schema: ref('Error') } } },
  '403': { description: 'TYPE_NOT_ALLOWED, WRONG_WORKSPACE or NOT_OWNER (workshop participants)', content: { 'application/json': { schema: ref('Error') } } },
  '410': { description: 'The workshop is closed or has ended', content: { 'application/json': { schema: ref('Error') } } },
  '423': { description: 'WORKSHOP_PAUSED', content: { 'application/json': { schema: ref('Error') } } },
});
const ws = { name: 'workspaceId', in: 'path', required: true, schema: { type: 'string' } };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export function buildOpenApi() {
  const schemas: Record<string, unknown> = {
    Error: {
      type: 'object',
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
    RelationshipCreate: json(RelationshipCreateSchema),
    RelationshipUpdate: json(RelationshipUpdateSchema),
    ChangeInput: json(ChangeInputSchema),
    Register: json(RegisterSchema),
    Login: json(LoginSchema),
    WorkshopCreate: json(WorkshopCreateSchema),
    ParticipantJoin: json(ParticipantJoinSchema),
    Merge: json(MergeBodySchema),
  };
  for (const type of NODE_TYPES) {
    schemas[`${type}Create`] = json(createSchemaFor(type));
    schemas[`${type}Update`] = json(updateSchemaFor(type));
  }

  const paths: Record<string, unknown> = {
    '/health': { get: { summary: 'Neo4j and Redis status', responses: { '200': ok('Healthy'), '503': ok('Degraded') } } },
    '/api/v1/workspaces': {
      get: { summary: 'All workspaces', responses: { '200': ok('{ items, total }') } },
      post: { summary: 'Create a workspace', parameters: writeParams, requestBody: body(ref('WorkspaceCreate')), responses: writeResponses('201') },
    },
    '/api/v1/workspaces/{workspaceId}': { get: { summary: 'One workspace', parameters: [ws], responses: { '200': ok('Workspace with seq and nodeCount'), ...errors } } },
    '/api/v1/workspaces/{workspaceId}/graph': {
      get: {
        summary: 'Nodes and edges for the client, and the sequence number they reflect',
        parameters: [ws, ...['types', 'city', 'region', 'theme'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })), ...graphRangeParams],
        responses: { '200': ok('{ workspaceId, seq, nodes, edges }'), ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/relationships': {
      get: { summary: 'List relationships', parameters: [ws], responses: { '200': ok('Page of edges'), ...errors } },
      post: { summary: 'Create a relationship', parameters: [ws, ...writeParams, ...participantWriteParams], requestBody: body(ref('RelationshipCreate')), responses: participantResponses('201') },
    },
    '/api/v1/workspaces/{workspaceId}/relationships/{id}': {
      get: { summary: 'One relationship', parameters: [ws, id], responses: { '200': ok('{ edge }'), ...errors } },
      patch: { summary: 'Update a relationship', parameters: [ws, id, ...writeParams, ...participantWriteParams], requestBody: body(ref('RelationshipUpdate')), responses: participantResponses('200') },
      delete: { summary: 'Delete a relationship', parameters: [ws, id, ...writeParams, ...participantWriteParams], responses: participantResponses('200') },
    },
    '/api/v1/workspaces/{workspaceId}/changes': {
      get: { summary: 'Applied changes after a sequence number (?after=&limit=)', parameters: [ws], responses: { '200': ok('{ items, lastSeq }'), ...errors } },
      post: { summary: 'Many changes in one request, applied in order', parameters: [ws, ...writeParams], requestBody: body({ type: 'object', properties: { changes: { type: 'array', items: ref('ChangeInput') } } }), responses: writeResponses('200') },
    },
    '/api/v1/workspaces/{workspaceId}/changes/failed': { get: { summary: 'Changes that were finally not applied, with the reason', parameters: [ws], responses: { '200': ok('{ items }') } } },
    '/api/v1/workspaces/{workspaceId}/changes/{changeId}': {
      get: { summary: 'One change: applied, queued or failed', parameters: [ws, { name: 'changeId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': ok('Change state'), ...errors } },
    },
    '/api/v1/workspaces/{workspaceId}/summary': {
      get: {
        summary: 'Key figures for the printable one-page summary: counts by type, cities, projects and budgets, top actors by stored metrics, brokers, largest communities',
        parameters: [ws, { name: 'top', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 8 } }],
        responses: { '200': ok('WorkspaceSummary (domain/summary.ts)'), ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/merges': {
      post: {
        summary: 'Merge mergedId into survivorId (node:merge): links move to the survivor with type, properties and id, a link the survivor already has (same type, direction, other end) collapses into it, the survivor takes the fields it lacked, names become aliases',
        parameters: [ws, ...writeParams],
        requestBody: body(ref('Merge')),
        responses: { ...writeResponses('200'), '422': err('MERGE_NOT_FOUND or MERGE_TYPE_MISMATCH') },
      },
    },
    '/api/v1/workspaces/{workspaceId}/merges/{changeId}/undo': {
      post: {
        summary: 'Undo a merge from the change log (node:unmerge): the merged node comes back with its id, properties and links; the survivor loses the aliases and fields it took',
        parameters: [ws, { name: 'changeId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, ...writeParams],
        responses: { ...writeResponses('200'), '409': err('ALREADY_UNMERGED or ID_IN_USE'), '422': err('NOT_A_MERGE') },
      },
    },
    '/api/v1/changes': {
      post: { summary: 'Batch of changes for the workspace named in the body', parameters: writeParams, requestBody: body({ type: 'object', properties: { workspaceId: { type: 'string' }, changes: { type: 'array', items: ref('ChangeInput') } } }), responses: writeResponses('200') },
    },
    '/api/v1/workspaces/{workspaceId}/skills': {
      get: {
        summary: 'Skills gap: per region (or city) the competences organisations NEED against the training education providers OFFER (with level), the gaps, and for each gap the other places offering it, nearest first; JSON or CSV',
        parameters: [
          ws,
          { name: 'by', in: 'query', schema: { type: 'string', enum: ['region', 'city'], default: 'region' } },
          { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } },
        ],
        responses: {
          '200': {
            description:
              'JSON { workspaceId, seq, by, skills, places: [{ id, name, lat, lon, needed, offered, gaps, skills: [{ skillId, skillName, needs: { count, organisations }, offers: { count, providers: [{ id, name, level }], levels }, gap, offeredElsewhere: [{ placeId, placeName, distanceKm, providers }] }] }], unplaced: { needs, offers } }; CSV place,placeName,skill,skillName,needCount,needingOrganisations,offerCount,providers,gap,offeredElsewhere',
            content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          ...errors,
        },
      },
    },
    '/api/v1/workspaces/{workspaceId}/duplicates': {
      get: {
        summary: "Probable duplicate pairs among the workspace's organisations or people, each with the matcher's score and reasons (found through its candidate index, not by comparing all pairs)",
        parameters: [
          ws,
          { name: 'type', in: 'query', schema: { type: 'string', enum: ['organisation', 'person'], default: 'organisation' } },
          { name: 'minScore', in: 'query', schema: { type: 'number', minimum: 0.5, maximum: 1, default: 0.75 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 5000, default: 500 } },
        ],
        responses: { '200': ok('{ workspaceId, seq, type, minScore, records, total, items: [{ a: { id, name }, b: { id, name }, score, reasons }] }'), ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/similar': {
      get: {
        summary: 'Probable duplicates of a name being entered, with score and reasons',
        parameters: [ws, ...['type', 'name', 'limit', 'minScore'].map((name) => ({ name, in: 'query', required: name === 'name', schema: { type: 'string' } }))],
        responses: { '200': ok('{ name, type, items: [{ id, type, name, score, reasons }] }'), '503': indexBuilding, ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/projects/{id}/overlaps': {
      get: {
        summary: 'Projects in other cities (or regions) that overlap most with this one, with score, parts and explanation (fi, en)',
        parameters: [
          ws,
          id,
          { name: 'k', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 5 } },
          { name: 'crossBoundary', in: 'query', schema: { type: 'string', enum: ['city', 'region', 'none'], default: 'city' }, description: 'Only projects run in other cities, other regions, or all' },
          { name: 'minScore', in: 'query', schema: { type: 'number', minimum: 0, maximum: 1, default: 0.05 } },
        ],
        responses: { '200': ok('{ workspaceId, projectId, seq, crossBoundary, items: [{ id, name, nameEn, cities, regions, score, parts, explanation: { fi, en } }] }'), '503': indexBuilding, ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/overlaps': {
      get: {
        summary: 'Every pair of projects run in different cities scoring at least minScore, best first; JSON or CSV (UTF-8 with BOM, every cell quoted, formulas neutralised)',
        parameters: [
          ws,
          { name: 'city', in: 'query', schema: { type: 'string' }, description: 'City id: either project is run in it or has it as a partner' },
          { name: 'region', in: 'query', schema: { type: 'string' }, description: 'Region id: either project is in it' },
          { name: 'theme', in: 'query', schema: { type: 'string' }, description: 'Theme id: either project focuses on it or on a narrower theme of the taxonomy' },
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Both projects run at some time in [from, to] (an unknown period passes)' },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'minScore', in: 'query', schema: { type: 'number', minimum: 0, maximum: 1, default: 0.25 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 5000, default: 500 } },
          { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } },
        ],
        responses: {
          '200': {
            description: 'JSON { workspaceId, seq, total, items: [{ a, b, score, parts, explanation: { fi, en } }] }; CSV score,projectA,projectAName,citiesA,projectB,projectBName,citiesB,sharedThemes,explanationFi,explanationEn',
            content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          ...errors,
        },
      },
    },
    '/api/v1/workspaces/{workspaceId}/specialisation': {
      get: {
        summary: 'City (or region) × theme matrix: projects, organisations and euros per cell (the projects themselves: …/specialisation/projects), gaps (themes no place covers) and crowded themes (3+ places)',
        parameters: [ws, { name: 'by', in: 'query', schema: { type: 'string', enum: ['city', 'region'], default: 'city' } }],
        responses: { '200': ok('{ workspaceId, seq, by, places: [{ id, name, projects, euros }], themes, cells: [{ placeId, themeId, projects, organisations, euros }], gaps, crowded: [{ id, name, nameEn, placeIds }] }'), '503': indexBuilding, ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/specialisation/projects': {
      get: {
        summary: 'The projects behind one cell of the matrix (place × theme), by name, a page at a time',
        parameters: [
          ws,
          { name: 'by', in: 'query', schema: { type: 'string', enum: ['city', 'region'], default: 'city' } },
          { name: 'place', in: 'query', required: true, schema: { type: 'string' }, description: 'City or region id (as `by` says)' },
          { name: 'theme', in: 'query', required: true, schema: { type: 'string' }, description: 'Theme id' },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
        ],
        responses: { '200': ok('{ workspaceId, seq, by, placeId, themeId, total, offset, limit, items: [{ id, name, nameEn, cities, regions, budgetEur }] } (total 0: no project in that cell)'), '503': indexBuilding, ...errors },
      },
    },
    '/api/v1/themes/suggest': {
      get: {
        summary: 'Themes of the taxonomy for a text (Finnish, Swedish or English, inflected words and compounds understood), with reasons',
        parameters: ['text', 'limit', 'minScore'].map((name) => ({ name, in: 'query', required: name === 'text', schema: { type: name === 'text' ? 'string' : 'number' } })),
        responses: { '200': ok('{ items: [{ themeId, name, nameEn, nameSv, score, because }] }'), '400': errors['400'] },
      },
      post: {
        summary: "Themes for a project's or organisation's own text (the name counts more), with reasons",
        parameters: ['limit', 'minScore'].map((name) => ({ name, in: 'query', schema: { type: 'number' } })),
        requestBody: body(json(SuggestBodySchema)),
        responses: { '200': ok('{ items: [{ themeId, name, nameEn, nameSv, score, because }] }'), '400': errors['400'] },
      },
    },
    '/api/v1/workspaces/{workspaceId}/metrics': {
      get: {
        summary: 'Top nodes by a stored network metric (recomputed by the worker shortly after changes)',
        parameters: [
          ws,
          { name: 'metric', in: 'query', schema: { type: 'string', enum: [...METRIC_NAMES], default: 'pagerank' } },
          { name: 'type', in: 'query', schema: { type: 'string' }, description: 'Node types, comma-separated (e.g. Organisation)' },
          { name: 'city', in: 'query', schema: { type: 'string' }, description: 'City id: the city, nodes touching it or touching something located in it' },
          { name: 'theme', in: 'query', schema: { type: 'string' }, description: 'Theme id, as city' },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 20 } },
        ],
        responses: { '200': ok('{ workspaceId, metric, computedAt, items: [{ id, type, name, value, metrics: { degree, weightedDegree, betweenness, closeness, pagerank, eigenvector, community, kcore, broker, brokerCities, brokerRegions } }] }'), ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/metrics/summary': {
      get: {
        summary: 'When and how the network metrics were last computed: modularity, community count, algorithm notes',
        parameters: [ws],
        responses: { '200': ok('{ workspaceId, computedAt, modularity, communityCount, nodeCount, notes } (nulls before the first computation)'), ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/nodes/{id}/ego': {
      get: {
        summary: "A node's ego network: every node within depth steps (any link, either direction) with its distance, and the links among them; no contact details",
        parameters: [ws, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'depth', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 3, default: 1 } }],
        responses: { '200': ok('{ workspaceId, centre, depth, nodes: [{ ...node, distance }], edges }'), ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/paths': {
      get: {
        summary: 'Shortest introduction paths between two nodes (who can introduce whom), one per chain of nodes, at most max steps; nodes as id, type and names only',
        parameters: [
          ws,
          { name: 'from', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'to', in: 'query', required: true, schema: { type: 'string' }, description: 'Must differ from from' },
          { name: 'max', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 6, default: 4 } },
        ],
        responses: { '200': ok('{ workspaceId, from, to, max, length (null: no path within max), paths: [{ nodes: [{ id, type, name, nameEn, nameSv }], edges: [{ id, type, source, target }] }] }'), ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/material-flows': {
      get: {
        summary: 'Industrial symbiosis: SUPPLIES flows largest first (material, tonnes a year) and side streams without a taker (SideStream nodes no SUPPLIES leaves) with their producers',
        parameters: [ws],
        responses: { '200': ok('{ workspaceId, flows: [{ id, source, sourceName, sourceType, target, targetName, material, tonnesPerYear }], untakenStreams: [{ id, name, nameEn, nameSv, material, tonnesPerYear, producers: [{ id, name }] }] }'), ...errors },
      },
    },
    '/api/v1/workspaces/{workspaceId}/export': {
      get: {
        summary: 'The workspace as a file, streamed: json (our format, imports back), csv, graphml, gexf or xlsx; with the graph filters (a saved view). Contact details only for editors',
        parameters: [
          ws,
          { name: 'format', in: 'query', schema: { type: 'string', enum: [...EXPORT_FORMATS], default: 'json' } },
          { name: 'part', in: 'query', schema: { type: 'string', enum: [...CSV_PARTS], default: 'nodes' }, description: 'CSV only: nodes (id, type, then every field) or relationships (id, type, source, target, then their fields)' },
          ...['types', 'city', 'region', 'theme'].map((name) => ({ name, in: 'query', schema: { type: 'string' }, description: 'As in the graph read' })),
          ...graphRangeParams,
          { name: 'view', in: 'query', schema: { type: 'string' }, description: "A saved view's id: its filter is applied (with types/city/region/theme of the query; it replaces from/to/metrics)" },
          { name: 'Authorization', in: 'header', schema: { type: 'string' }, description: 'Bearer EDITOR_TOKEN: people\'s e-mail and phone included' },
        ],
        responses: {
          '200': {
            description:
              'Content-Disposition: attachment; filename=<workspace>-<date>.<ext> (CSV: <workspace>-<date>-<part>.csv). json: { format: "verkosto-graph", version: 1, exportedAt, workspace: { id, name }, nodes: [{ id, type, ...every stored property incl. metrics_* }], relationships: [{ id, type, source, target, ...properties }] } (dates as ISO text). csv: UTF-8 with BOM, CRLF, every cell quoted, cells starting with = + - @ prefixed with \', lists (aliases, goals) joined with ";". graphml/gexf (GEXF 1.3): every field declared with its type (string, long, double, boolean; dates as text, lists joined with ";"), label = name, directed edges. xlsx: one sheet per node type (id first) and a "relationships" sheet; lists joined with ";", dates as ISO text',
            content: {
              'application/json': { schema: { type: 'object' } },
              'text/csv': { schema: { type: 'string' } },
              'application/graphml+xml': { schema: { type: 'string' } },
              'application/gexf+xml': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...errors,
        },
      },
    },
    '/api/v1/search': {
      get: {
        summary: 'Full-text search over names and aliases (Finnish-aware)',
        parameters: ['q', 'workspace', 'types', 'limit'].map((name) => ({ name, in: 'query', required: name === 'q', schema: { type: 'string' } })),
        responses: { '200': ok('{ q, items: [{ id, type, name, aliases, score }] }'), ...errors },
      },
    },
  };
  Object.assign(paths, accountAndWorkshopPaths());
  Object.assign(paths, importPaths());
  Object.assign(paths, viewPaths());
  for (const [collection, type] of Object.entries(COLLECTIONS)) {
    if (type === 'Workspace') continue;
    paths[`/api/v1/workspaces/{workspaceId}/${collection}`] = {
      get: { summary: `List ${collection} (q, city, region, theme, orgType, limit, offset)`, parameters: [ws], responses: { '200': ok('{ items, total, limit, offset }'), ...errors } },
      post: { summary: `Create a ${type}`, parameters: [ws, ...writeParams, ...participantWriteParams], requestBody: body(ref(`${type}Create`)), responses: participantResponses('201') },
    };
    paths[`/api/v1/workspaces/{workspaceId}/${collection}/{id}`] = {
      get: { summary: `One ${type} with its links and neighbours`, parameters: [ws, id], responses: { '200': ok('{ node, edges, neighbours }'), ...errors } },
      patch: { summary: `Update a ${type} (baseVersion or If-Match for optimistic locking)`, parameters: [ws, id, ...writeParams, ...participantWriteParams], requestBody: body(ref(`${type}Update`)), responses: participantResponses('200') },
      delete: { summary: `Delete a ${type} and its links`, parameters: [ws, id, ...writeParams, ...participantWriteParams], responses: participantResponses('200') },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Verkosto API', version: '1', description: 'Live stakeholder networks for regional cooperation. Every write is a change event applied by the worker and pushed over socket.io.' },
    paths,
    components: { schemas },
    'x-socket-events': IMPORT_SOCKET_EVENTS,
  };
}

/** Facilitator accounts (session cookie `verkosto_session`) and workshops (join code, participants). */
function accountAndWorkshopPaths(): Record<string, unknown> {
  const code = { name: 'code', in: 'path', required: true, schema: { type: 'string' }, description: '6-character join code from ABCDEFGHJKMNPQRSTUVWXYZ23456789 (any case)' };
  const cookie = [{ name: 'verkosto_session', in: 'cookie', required: true, schema: { type: 'string' } }];
  const participant = [{ name: 'Authorization', in: 'header', schema: { type: 'string' }, description: 'Participant <token> (or the X-Participant-Token header)' }];
  const control = (what: string) => ({
    post: { summary: `${what} the workshop (its facilitator only); the room gets workshop:state`, parameters: [code, ...cookie], responses: { '200': ok('Public info with the new state'), '401': err('Not signed in'), '403': err('NOT_FACILITATOR'), '410': err('Closed or ended'), ...errors } },
  });
  return {
    '/api/v1/auth/register': {
      post: { summary: 'Create a facilitator account and sign in (sets the session cookie)', requestBody: body(ref('Register')), responses: { '201': ok('{ user }'), '409': err('EMAIL_TAKEN'), ...errors } },
    },
    '/api/v1/auth/login': {
      post: { summary: 'Sign in (sets the httpOnly session cookie)', requestBody: body(ref('Login')), responses: { '200': ok('{ user }'), '401': err('INVALID_CREDENTIALS (same for unknown e-mail and wrong password)'), '429': err('TOO_MANY_LOGIN_ATTEMPTS, with Retry-After'), ...errors } },
    },
    '/api/v1/auth/logout': { post: { summary: 'Sign out (ends the session, clears the cookie)', responses: { '204': { description: 'Signed out' } } } },
    '/api/v1/auth/me': { get: { summary: 'The signed-in facilitator (extends the session)', parameters: cookie, responses: { '200': ok('{ user }'), '401': err('NOT_SIGNED_IN or SESSION_EXPIRED') } } },
    '/api/v1/workspaces/{workspaceId}/workshops': {
      post: { summary: 'Create a workshop (signed-in facilitator)', parameters: [ws, ...cookie], requestBody: body(ref('WorkshopCreate')), responses: { '201': ok('The workshop with code, joinUrl and qrSvg (SVG of the join link)'), '401': err('Not signed in'), ...errors } },
    },
    '/api/v1/workshops/{code}': {
      get: { summary: 'Public info of a workshop', parameters: [code], responses: { '200': ok('{ id, code, title, language, state, endsAt, allowedTypes, workspaceId, joinUrl }'), '410': err('WORKSHOP_CLOSED or WORKSHOP_ENDED'), ...errors } },
    },
    '/api/v1/workshops/{code}/pause': control('Pause'),
    '/api/v1/workshops/{code}/resume': control('Resume'),
    '/api/v1/workshops/{code}/close': control('Close'),
    '/api/v1/workshops/{code}/join': {
      post: { summary: 'Join as a participant (no account)', parameters: [code], requestBody: body(ref('ParticipantJoin')), responses: { '201': ok('{ participantId, token, displayName, workshopId, workspaceId, expiresAt }'), '410': err('Closed or ended'), ...errors } },
    },
    '/api/v1/workshops/{code}/me': {
      get: { summary: 'The participant behind the token, and what they may add now', parameters: [code, ...participant], responses: { '200': ok('{ participantId, displayName, workshop, permissions: { [type]: { allowed, status?, code? } } }'), '401': err('PARTICIPANT_TOKEN_REQUIRED or INVALID_PARTICIPANT_TOKEN'), '403': err('Token of another workshop'), ...errors } },
    },
    ...facilitatorControlPaths(code, cookie, err),
  };
}

/** A workshop facilitator's controls over its entries, its summary and export (that facilitator only). */
function facilitatorControlPaths(code: object, cookie: object[], err: (description: string) => object): Record<string, unknown> {
  const entry = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'A node (or, for DELETE, a link) of the workshop\'s workspace' };
  const wait = writeParams.slice(0, 2);
  const denied = { '401': err('NOT_SIGNED_IN or SESSION_EXPIRED'), '403': err('NOT_FACILITATOR') };
  const change = (what: string) => ({ '202': ok('Queued: { changeId, id, status }'), '200': ok(`Applied (?wait=true): { changeId, id, seq, ${what} }`), ...denied, ...errors });
  const hide = (hidden: boolean) => ({
    post: { summary: `${hidden ? 'Hide' : 'Show'} a node (sets hidden: ${hidden}; a node:update change, node:updated to the room)`, parameters: [code, entry, ...cookie, ...wait], responses: change('node') },
  });
  return {
    '/api/v1/workshops/{code}/entries/{id}/hide': hide(true),
    '/api/v1/workshops/{code}/entries/{id}/unhide': hide(false),
    '/api/v1/workshops/{code}/entries/{id}': {
      delete: { summary: 'Delete a node (with its links) or a link of the workspace', parameters: [code, entry, ...cookie, ...wait], responses: change('(no entity)') },
    },
    '/api/v1/workshops/{code}/merge': {
      post: {
        summary: 'Merge mergedId into survivorId (node:merge): links move to the survivor with type, properties and id; names become aliases; node:merged to the room',
        parameters: [code, ...cookie, ...wait],
        requestBody: body(ref('Merge')),
        responses: { ...change('node, mergedId, movedEdges, collapsedEdges'), '422': err('MERGE_NOT_FOUND (not both in the workspace) or MERGE_TYPE_MISMATCH') },
      },
    },
    '/api/v1/workshops/{code}/merges/{changeId}/undo': {
      post: {
        summary: 'Undo a merge from the change log (node:unmerge): the merged node comes back with its links; node:unmerged to the room',
        parameters: [code, { name: 'changeId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, ...cookie, ...wait],
        responses: { ...change('node, restored, edges, mergeChangeId'), '409': err('ALREADY_UNMERGED or ID_IN_USE'), '422': err('NOT_A_MERGE') },
      },
    },
    '/api/v1/workshops/{code}/summary': {
      get: { summary: 'What the workshop added, who joined, who is online', parameters: [code, ...cookie], responses: { '200': ok('{ workshopId, code, participantsJoined, online, counts: { organisations, people, projects, themes, links, cities } }'), ...denied, ...errors } },
    },
    '/api/v1/workshops/{code}/export': {
      get: {
        summary: 'Everything the workshop added, with who and when',
        parameters: [code, ...cookie, { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } }],
        responses: {
          '200': {
            description: 'JSON { workshop, nodes, relationships } (each with addedBy, addedAt), or CSV for Excel (UTF-8 with BOM; kind,type,id,name,from,to,addedBy,addedAt; formulas neutralised)',
            content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          ...denied,
          ...errors,
        },
      },
    },
  };
}

/** Imports of whole files: the upload (streamed to disk, a background job) and its status and report. */
function importPaths(): Record<string, unknown> {
  const importId = { name: 'importId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  const flag = (name: string, description: string) => ({ name, in: 'query', schema: { type: 'boolean', default: false }, description });
  const status =
    '{ importId, workspaceId, format, entityType, dryRun, state: queued|validating|applying|done|rejected|failed, progress: { bytesRead, bytesTotal, rowsRead, rowsValid, rowsBad, rowsApplied, created, updated, unchanged, matched, failed }, issues: [{ row, sheet?, column?, reason }] (at most 1,000; row numbers as in a spreadsheet, header = 1), issueCount, matches: [{ row, sheet?, name, matchedId, matchedName, score }] (rows mapped to existing nodes by the duplicate matcher, at most 1,000), matchCount, notes, error: { code, message } | null, columns?: [{ sheet?, headers }] (tabular files: each sheet\'s header row, for a client\'s column mapping), createdAt, finishedAt }';
  return {
    '/api/v1/workspaces/{workspaceId}/imports': {
      post: {
        summary:
          'Import a file (the raw file as the body): CSV (UTF-8, delimiter , ; or tab), XLSX, our JSON graph (the export format), GraphML or GEXF. Streamed to disk, then read, checked row by row and applied by a background job through the change pipeline; progress and the end come over the socket (import:progress, import:finished)',
        parameters: [
          ws,
          flag('dryRun', 'Check every row and report, storing nothing'),
          flag('skipBad', 'Store the good rows even when some are bad (default: any bad row and nothing is stored, state rejected)'),
          { name: 'entityType', in: 'query', schema: { type: 'string', enum: [...IMPORT_ENTITY_TYPES] }, description: 'Tabular files: what the rows are (else a "type" column or the sheet names say)' },
          { name: 'mapping', in: 'query', schema: { type: 'string' }, description: 'Tabular files: JSON {"column": "field"} ("" or "-" leaves a column out); without it the fields are guessed from fi/en/sv headers' },
          { name: 'format', in: 'query', schema: { type: 'string', enum: [...IMPORT_FORMATS] }, description: 'Overrides the Content-Type (application/xml is told apart as GraphML or GEXF by its root element)' },
          { name: 'X-Actor', in: 'header', schema: { type: 'string' }, description: 'Who imports (recorded in the change log)' },
        ],
        requestBody: {
          required: true,
          content: Object.fromEntries(
            ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json', 'application/graphml+xml', 'application/gexf+xml', 'application/xml'].map((type) => [
              type,
              { schema: { type: 'string', format: 'binary' } },
            ]),
          ),
        },
        responses: {
          '202': ok(`Queued (Location: the import): ${status}`),
          '413': err('IMPORT_TOO_LARGE: larger than IMPORT_MAX_BYTES (details: limitBytes)'),
          '415': err('UNSUPPORTED_IMPORT_TYPE: a Content-Type that is none of the formats'),
          ...errors,
        },
      },
    },
    '/api/v1/workspaces/{workspaceId}/imports/{importId}': {
      get: { summary: 'An import\'s state, progress and report (kept a week)', parameters: [ws, importId], responses: { '200': ok(status), ...errors } },
    },
  };
}

/** OpenAPI has no events: the import's socket.io events (domain/events.ts) as an extension. */
const IMPORT_SOCKET_EVENTS = {
  'import:progress': {
    direction: 'server -> client (workspace room)',
    description: 'While an import reads and applies a file, at most every 250 ms and on each change of state',
    payload: '{ importId, workspaceId, dryRun, state, progress: { bytesRead, bytesTotal, rowsRead, rowsValid, rowsBad, rowsApplied, created, updated, unchanged, matched, failed }, fraction } (fraction 0..1: reading is half, all of a dry run; applying the other half)',
  },
  'import:finished': {
    direction: 'server -> client (workspace room)',
    description: 'When an import ends: done, rejected (bad rows, nothing stored) or failed; the bad rows are in GET .../imports/{importId}',
    payload: '{ importId, workspaceId, dryRun, state, progress, fraction: 1, issueCount, matchCount, error: { code, message } | null }',
  },
  'import:applied': {
    direction: 'server -> client (workspace changes room; batched clients get it inside changes:applied)',
    description: 'One chunk of an import (up to 2,000 rows) applied as one change: one change-log entry (one seq) and one event for all its nodes and links. Not undoable (POST .../merges/{changeId}/undo answers 422 NOT_UNDOABLE)',
    payload: '{ seq, changeId, workspaceId, actor, at, event: "import:applied", importId, chunk, created: { nodes, edges }, updated: { nodes, edges }, failedRows: [{ row, sheet?, code, reason }] }',
  },
};
