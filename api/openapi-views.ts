/** OpenAPI paths of saved views and their read-only share links (api/routes/views.ts), merged into api/openapi.ts. */
import { zodToJsonSchema } from 'zod-to-json-schema';
import { ViewInputSchema } from '../domain/views';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const ws = { name: 'workspaceId', in: 'path', required: true, schema: { type: 'string' } };
const viewId = { name: 'viewId', in: 'path', required: true, schema: { type: 'string' } };
const viewBody = { required: true, content: { 'application/json': { schema: zodToJsonSchema(ViewInputSchema, { target: 'openApi3', $refStrategy: 'none' }) } } };
const SAVED = 'A saved view: { id, workspaceId, name, filter: { types, cities, regions, themes, period: { from, to }, metricRanges: [{ metric, min, max }] }, style: { sizeBy, colourBy }, layout, camera, shared, createdAt, updatedAt }';

/** The graph read's period and metric-range filters (also the export's). */
export const graphRangeParams = [
  { name: 'from', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Period start: dated nodes (projects…) whose startDate..endDate overlaps the period; undated nodes pass' },
  { name: 'to', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Period end (not before from)' },
  { name: 'metrics', in: 'query', schema: { type: 'string' }, description: 'Metric ranges "metric:min:max" separated by commas, either bound may be empty (e.g. pagerank:0.02:,degree:2:5); a node without the metric does not pass' },
];

export function viewPaths(): Record<string, unknown> {
  return {
    '/api/v1/workspaces/{workspaceId}/views': {
      get: { summary: "The workspace's saved views by name", parameters: [ws], responses: { '200': ok('{ items: [saved view], total }'), '404': error('No such workspace') } },
      post: {
        summary: 'Save a view (a reader setting, written directly, not a change event); view:created goes to the workspace room',
        parameters: [ws],
        requestBody: viewBody,
        responses: { '201': ok(SAVED), '400': error('Invalid view: error.details names each field'), '404': error('No such workspace') },
      },
    },
    '/api/v1/workspaces/{workspaceId}/views/{viewId}': {
      get: { summary: 'One saved view', parameters: [ws, viewId], responses: { '200': ok(SAVED), '404': error('No such view') } },
      put: { summary: 'Replace a saved view (its share link stays); view:updated', parameters: [ws, viewId], requestBody: viewBody, responses: { '200': ok(SAVED), '400': error('Invalid view'), '404': error('No such view') } },
      delete: { summary: 'Delete a saved view and its share link; view:deleted', parameters: [ws, viewId], responses: { '204': { description: 'Deleted' }, '404': error('No such view') } },
    },
    '/api/v1/workspaces/{workspaceId}/views/{viewId}/share': {
      post: {
        summary: 'A new read-only share token (only its SHA-256 is stored; an earlier link stops working)',
        parameters: [ws, viewId],
        responses: { '201': ok('{ view, token, path: "/shared/<token>" } (the token is shown only here)'), '404': error('No such view') },
      },
      delete: { summary: 'Revoke the share link (its token answers 404 from now on)', parameters: [ws, viewId], responses: { '200': ok(SAVED), '404': error('No such view') } },
    },
    '/api/v1/shared/{token}': {
      get: {
        summary: "What a share link shows: the view and its workspace's graph filtered by it, never people's contact details (whatever the Authorization header); metrics included",
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': ok('{ view: saved view without shared, graph: { workspaceId, seq, nodes, edges } }'), '404': error('Unknown or revoked token') },
      },
      post: { summary: 'Refused: a share link is read-only (as PUT, PATCH and DELETE, here and below)', parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }], responses: { '403': error('READ_ONLY_LINK') } },
    },
  };
}
