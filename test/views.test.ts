/**
 * Saved views and their read-only share links, against the real Neo4j, Redis and socket.io: CRUD with
 * view:* events, validation (400 naming the field, nothing stored), the period and metric-range filters
 * of the graph read, a view and the export compared with the same selection made by direct Cypher, a
 * share link that never shows contact details and refuses writes, revoking it, and the export of a view.
 */
import type { SavedView } from '../domain/views';
import { connectSocket, createWorkspace, cypher, eventually, join, startStack, type TestSocket, type TestStack } from './support/stack';
import { changeBuilders } from './support/changes';

const EDITOR_TOKEN = 'editor-token-for-views-tests-åäö'.normalize('NFC');
const EDITOR = { authorization: `Bearer ${EDITOR_TOKEN}` };

let stack: TestStack;
let ws: string;
let socket: TestSocket;
const events: Array<{ event: string; id: string }> = [];
const p = (key: string) => `${ws}-${key}`;

const { node, link } = changeBuilders(p);

beforeAll(async () => {
  stack = await startStack({ EDITOR_TOKEN, METRICS_DEBOUNCE_MS: 200 });
  ws = await createWorkspace(stack, 'Näkymäverkosto Vöyri–Åbo');
  socket = await connectSocket(stack);
  for (const event of ['view:created', 'view:updated', 'view:deleted'] as const) {
    socket.on(event, (v: { id: string }) => events.push({ event, id: v.id }));
  }
  await join(socket, ws);
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [
      node('Region', 'pohjanmaa', { name: 'Pohjanmaa', nameEn: 'Ostrobothnia' }),
      node('City', 'vaasa', { name: 'Vaasa', nameSv: 'Vasa', lat: 63.0951, lon: 21.6165 }),
      node('City', 'abo', { name: 'Åbo', lat: 60.4518, lon: 22.2666 }),
      node('Organisation', 'vebic', { name: 'Vaasan yliopisto – VEBIC', orgType: 'university' }),
      node('Organisation', 'akademi', { name: 'Åbo Akademi', orgType: 'university' }),
      node('Organisation', 'voyri', { name: 'Vöyrin kunta', orgType: 'city' }),
      node('Project', 'old', { name: 'Vanha älyverkkohanke', startDate: '2018-01-01', endDate: '2020-06-30' }),
      node('Project', 'now', { name: 'Akkujen kierrätys Österbottenissa', startDate: '2023-03-01', endDate: '2026-12-31' }),
      node('Project', 'open', { name: 'Päättymätön yhteistyö', startDate: '2025-01-01' }),
      node('Person', 'asa', { name: 'Åsa Öhman', title: 'Projektipäällikkö', email: 'asa.ohman@example.fi', phone: '+358 40 123 4567' }),
      node('Theme', 'kierto', { name: 'Kiertotalous', kind: 'topic' }),
      link('IN_REGION', 'vaasa', 'pohjanmaa'),
      link('LOCATED_IN', 'vebic', 'vaasa'),
      link('LOCATED_IN', 'akademi', 'abo'),
      link('LEADS', 'vebic', 'now'),
      link('PARTNER_IN', 'akademi', 'now'),
      link('PARTNER_IN', 'voyri', 'now'),
      link('LEADS', 'akademi', 'old'),
      link('PARTNER_IN', 'vebic', 'open'),
      link('WORKS_AT', 'asa', 'vebic', { role: 'Projektipäällikkö' }),
      link('FOCUSES_ON', 'now', 'kierto'),
      link('COOPERATES_WITH', 'vebic', 'akademi'),
    ],
  });
  if (res.status >= 300) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.body)}`);
  // The debounced metrics job stores metrics_* on every node of the workspace.
  await eventually(
    async () => {
      const [row] = await cypher<{ missing: number }>(stack, 'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(n) WHERE n.metrics_degree IS NULL RETURN count(n) AS missing', { ws });
      return row.missing === 0;
    },
    30_000,
    'metrics stored on every node',
  );
}, 60_000);
afterAll(async () => {
  socket?.disconnect();
  await stack?.close();
});

const views = () => `/api/v1/workspaces/${ws}/views`;
const viewCount = async () => (await cypher<{ n: number }>(stack, 'MATCH (v:View {workspaceId: $ws}) RETURN count(v) AS n', { ws }))[0].n;
const sortedIds = (nodes: Array<{ id: string }>) => nodes.map((n) => n.id).sort();

const VIEW = {
  name: 'Akkuhankkeet Österbotten – vår vy',
  filter: { types: ['Organisation', 'Project'], cities: [], regions: [], themes: [], period: { from: '2022-01-01', to: '2024-12-31' }, metricRanges: [{ metric: 'degree', min: 2, max: null }] },
  style: { sizeBy: 'metrics_pagerank', colourBy: 'community' },
  layout: 'concentric',
  camera: null,
};

/** The same selection as VIEW, written independently: ids of the workspace's nodes by direct Cypher. */
async function expectedIds(from: string, to: string, minDegree: number, types: string[]): Promise<string[]> {
  const rows = await cypher<{ id: string }>(
    stack,
    `MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(n)
     WHERE any(t IN $types WHERE t IN labels(n))
       AND coalesce(n.startDate, date('0001-01-01')) <= date($to)
       AND coalesce(n.endDate, date('9999-12-31')) >= date($from)
       AND n.metrics_degree >= $minDegree
     RETURN n.id AS id`,
    { ws, from, to, minDegree, types },
  );
  return rows.map((r) => r.id).sort();
}

describe('CRUD', () => {
  test('create, list, read, replace and delete a view; each write announced as view:* to the room', async () => {
    const created = await stack.http.post(views(), VIEW);
    expect(created.status).toBe(201);
    const view: SavedView = created.body;
    expect(view).toMatchObject({ ...VIEW, workspaceId: ws, shared: false, id: expect.stringMatching(/^view-/) });
    expect(created.headers.get('location')).toBe(`/api/v1/workspaces/${ws}/views/${view.id}`);

    // Stored as a :View of the workspace, outside the map data (no :Entity, no IN_WORKSPACE).
    const [stored] = await cypher<{ name: string; labels: string[]; inWorkspace: boolean }>(
      stack,
      'MATCH (v:View {id: $id})-[:VIEW_OF]->(:Workspace {id: $ws}) RETURN v.name AS name, labels(v) AS labels, EXISTS { (v)-[:IN_WORKSPACE]->() } AS inWorkspace',
      { id: view.id, ws },
    );
    expect(stored).toEqual({ name: VIEW.name, labels: ['View'], inWorkspace: false });
    const graph = await stack.http.get(`/api/v1/workspaces/${ws}/graph`);
    expect(graph.body.nodes.map((n: { id: string }) => n.id)).not.toContain(view.id);

    const list = await stack.http.get(views());
    expect(list.status).toBe(200);
    expect(list.body.items.map((v: SavedView) => v.id)).toContain(view.id);
    expect((await stack.http.get(`${views()}/${view.id}`)).body).toEqual(view);

    const replaced = await stack.http.request('PUT', `${views()}/${view.id}`, { ...VIEW, name: 'Ääriviivat ja öljy', layout: 'geographic' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: view.id, name: 'Ääriviivat ja öljy', layout: 'geographic', createdAt: view.createdAt });
    expect((await stack.http.get(`${views()}/${view.id}`)).body.name).toBe('Ääriviivat ja öljy');

    expect((await stack.http.delete(`${views()}/${view.id}`)).status).toBe(204);
    expect((await stack.http.get(`${views()}/${view.id}`)).status).toBe(404);
    expect((await stack.http.delete(`${views()}/${view.id}`)).status).toBe(404);

    await eventually(() => events.filter((e) => e.id === view.id).length === 3, 5000, 'three view events');
    expect(events.filter((e) => e.id === view.id).map((e) => e.event)).toEqual(['view:created', 'view:updated', 'view:deleted']);
  });

  test('bad input is a 400 naming the field; nothing is stored', async () => {
    const before = await viewCount();
    const cases: Array<[unknown, string]> = [
      [{ ...VIEW, name: '  ' }, 'name'],
      [{ ...VIEW, filter: { ...VIEW.filter, metricRanges: [{ metric: 'popularity', min: 1 }] } }, 'filter.metricRanges.0.metric'],
      [{ ...VIEW, filter: { ...VIEW.filter, metricRanges: [{ metric: 'degree', min: 5, max: 2 }] } }, 'filter.metricRanges.0.max'],
      [{ ...VIEW, filter: { ...VIEW.filter, period: { from: '2024-01-01', to: '2023-12-31' } } }, 'filter.period.to'],
      [{ ...VIEW, filter: { ...VIEW.filter, period: { from: '2024-02-30', to: null } } }, 'filter.period.from'],
      [{ ...VIEW, filter: { ...VIEW.filter, types: ['Dragon'] } }, 'filter.types.0'],
      [{ ...VIEW, style: { sizeBy: 'shoeSize', colourBy: 'type' } }, 'style.sizeBy'],
      [{ ...VIEW, layout: 'spiral' }, 'layout'],
      [{ ...VIEW, extra: true }, '(body)'],
    ];
    for (const [body, field] of cases) {
      const res = await stack.http.post(views(), body);
      expect({ field, status: res.status, code: res.body.error.code }).toEqual({ field, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
    expect((await stack.http.post('/api/v1/workspaces/ws-no-such-workspace/views', VIEW)).status).toBe(404);
    expect(await viewCount()).toBe(before);

    const badQuery = await stack.http.get(`/api/v1/workspaces/${ws}/graph?metrics=degree:x:`);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.details[0].path).toMatch(/^query\.metrics/);
    const backwards = await stack.http.get(`/api/v1/workspaces/${ws}/graph?from=2025-01-01&to=2024-01-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].path).toBe('query.to');
  });
});

describe('period and metric filters', () => {
  test('the graph read with from, to and metrics selects what direct Cypher selects', async () => {
    const cases: Array<[string, string, number]> = [
      ['2022-01-01', '2024-12-31', 2],
      ['2019-01-01', '2019-12-31', 1],
      ['2025-06-01', '2030-01-01', 1],
      ['2000-01-01', '2000-12-31', 0],
    ];
    for (const [from, to, minDegree] of cases) {
      const res = await stack.http.get(`/api/v1/workspaces/${ws}/graph?types=Organisation,Project&from=${from}&to=${to}&metrics=degree:${minDegree}:`);
      expect(res.status).toBe(200);
      expect({ from, to, minDegree, ids: sortedIds(res.body.nodes) }).toEqual({ from, to, minDegree, ids: await expectedIds(from, to, minDegree, ['Organisation', 'Project']) });
    }
    // The data makes these cases tell something: the old project only in 2019, the open-ended one after 2025.
    const in2019 = await stack.http.get(`/api/v1/workspaces/${ws}/graph?types=Project&from=2019-01-01&to=2019-12-31`);
    expect(sortedIds(in2019.body.nodes)).toEqual([p('old')]);
    const from2025 = await stack.http.get(`/api/v1/workspaces/${ws}/graph?types=Project&from=2025-06-01`);
    expect(sortedIds(from2025.body.nodes)).toEqual([p('now'), p('open')].sort());
  });

  test('a metric range with both bounds, against the stored metric values', async () => {
    const [row] = await cypher<{ values: number[] }>(stack, 'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(n) RETURN collect(n.metrics_pagerank) AS values', { ws });
    const sorted = [...row.values].sort((a, b) => a - b);
    const [min, max] = [sorted[2], sorted[sorted.length - 3]];
    const res = await stack.http.get(`/api/v1/workspaces/${ws}/graph?metrics=pagerank:${min}:${max}`);
    const expected = await cypher<{ id: string }>(
      stack,
      'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(n) WHERE n.metrics_pagerank >= $min AND n.metrics_pagerank <= $max RETURN n.id AS id',
      { ws, min, max },
    );
    expect(sortedIds(res.body.nodes)).toEqual(expected.map((r) => r.id).sort());
    expect(res.body.nodes.length).toBeLessThan(row.values.length);
    expect(res.body.nodes.length).toBeGreaterThan(0);
  });
});

describe('share links', () => {
  let view: SavedView;
  let token: string;

  beforeAll(async () => {
    view = (await stack.http.post(views(), { ...VIEW, name: 'Jaettu näkymä – Åsa', filter: { types: null, cities: [p('vaasa')] } })).body;
    const shared = await stack.http.post(`${views()}/${view.id}/share`, {});
    expect(shared.status).toBe(201);
    token = shared.body.token;
    expect(shared.body.path).toBe(`/shared/${token}`);
    expect(shared.body.view).toMatchObject({ id: view.id, shared: true });
  });

  test('the link opens the view and its filtered graph, with no contact details even for a person who has them', async () => {
    // The editor sees Åsa's e-mail in the ordinary read: it is stored.
    const editorGraph = await stack.http.get(`/api/v1/workspaces/${ws}/graph?city=${p('vaasa')}`, EDITOR);
    expect(editorGraph.body.nodes.find((n: { id: string }) => n.id === p('asa'))).toMatchObject({ email: 'asa.ohman@example.fi' });

    for (const headers of [{}, EDITOR]) {
      const res = await stack.http.get(`/api/v1/shared/${token}`, headers);
      expect(res.status).toBe(200);
      expect(res.body.view).toMatchObject({ id: view.id, name: 'Jaettu näkymä – Åsa', filter: { cities: [p('vaasa')] }, style: VIEW.style });
      expect(sortedIds(res.body.graph.nodes)).toEqual(sortedIds(editorGraph.body.nodes));
      const asa = res.body.graph.nodes.find((n: { id: string }) => n.id === p('asa'));
      expect(asa).toMatchObject({ name: 'Åsa Öhman', title: 'Projektipäällikkö' });
      expect(asa).not.toHaveProperty('email');
      expect(asa).not.toHaveProperty('phone');
      expect(JSON.stringify(res.body)).not.toMatch(/example\.fi|123 4567/);
      // Metrics come along, for a style that sizes or colours by them.
      expect(asa.metrics_degree).toEqual(expect.any(Number));
    }
  });

  test('only the hash of the token is stored', async () => {
    const [row] = await cypher<{ props: Record<string, unknown> }>(stack, 'MATCH (v:View {id: $id}) RETURN properties(v) AS props', { id: view.id });
    expect(JSON.stringify(row.props)).not.toContain(token);
    expect(row.props.shareTokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('no writes through a share link', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await stack.http.request(method, `/api/v1/shared/${token}`, method === 'DELETE' ? undefined : { name: 'Muutettu' });
      expect({ method, status: res.status, code: res.body.error.code }).toEqual({ method, status: 403, code: 'READ_ONLY_LINK' });
      const nested = await stack.http.request(method, `/api/v1/shared/${token}/nodes`, method === 'DELETE' ? undefined : { name: 'Muutettu' });
      expect(nested.status).toBe(403);
    }
    expect((await stack.http.get(`${views()}/${view.id}`)).body.name).toBe('Jaettu näkymä – Åsa');
    // The token is no editor token: used as one, contact details stay hidden.
    const asToken = await stack.http.get(`/api/v1/workspaces/${ws}/graph`, { authorization: `Bearer ${token}` });
    expect(JSON.stringify(asToken.body)).not.toContain('asa.ohman@example.fi');
  });

  test('a revoked link is a 404; sharing again makes a new token and the old one stays dead', async () => {
    const revoked = await stack.http.delete(`${views()}/${view.id}/share`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.shared).toBe(false);
    expect((await stack.http.get(`/api/v1/shared/${token}`)).status).toBe(404);
    const again = await stack.http.post(`${views()}/${view.id}/share`, {});
    expect(again.body.token).not.toBe(token);
    expect((await stack.http.get(`/api/v1/shared/${token}`)).status).toBe(404);
    expect((await stack.http.get(`/api/v1/shared/${again.body.token}`)).status).toBe(200);
    expect((await stack.http.get('/api/v1/shared/not-a-real-token')).status).toBe(404);
    // Deleting the view ends its link too.
    await stack.http.delete(`${views()}/${view.id}`);
    expect((await stack.http.get(`/api/v1/shared/${again.body.token}`)).status).toBe(404);
  });
});

describe('export with a view', () => {
  test('GET …/export?view=<id> exports what the view selects, as direct Cypher selects it', async () => {
    const view: SavedView = (await stack.http.post(views(), VIEW)).body;
    const res = await fetch(`${stack.api.url}/api/v1/workspaces/${ws}/export?format=json&view=${view.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { nodes: Array<{ id: string }>; relationships: Array<{ source: string; target: string }> };
    const expected = await expectedIds('2022-01-01', '2024-12-31', 2, ['Organisation', 'Project']);
    expect(expected.length).toBeGreaterThan(1);
    expect(sortedIds(body.nodes)).toEqual(expected);
    for (const r of body.relationships) expect(expected).toEqual(expect.arrayContaining([r.source, r.target]));
    // The graph read with the same filter in the query string agrees.
    const graph = await stack.http.get(`/api/v1/workspaces/${ws}/graph?types=Organisation,Project&from=2022-01-01&to=2024-12-31&metrics=degree:2:`);
    expect(sortedIds(graph.body.nodes)).toEqual(expected);

    expect((await fetch(`${stack.api.url}/api/v1/workspaces/${ws}/export?format=json&view=view-missing`)).status).toBe(404);
  });
});
