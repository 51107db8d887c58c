/**
 * Exports of a workspace (GET /api/v1/workspaces/:id/export) against the real Neo4j, Redis and worker:
 * every format is read back with a real parser (JSON, CSV, fast-xml-parser for GraphML and GEXF, exceljs
 * for xlsx) and compared with what Neo4j stores; contact details only for editors; the graph filters
 * give the same nodes and links as the graph read; errors for an unknown workspace and format.
 */
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseCsv } from './support/csv';
import { createWorkspace, cypher, eventually, startStack, type TestStack } from './support/stack';

const EDITOR = { authorization: 'Bearer editor-token-for-export-tests' };
let stack: TestStack;
let ws: string;
const p = (s: string) => `${ws}-${s}`;

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

async function download(query: string, headers: Record<string, string> = {}, workspaceId = ws): Promise<Download> {
  const res = await fetch(`${stack.api.url}/api/v1/workspaces/${workspaceId}/export${query}`, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

const node = (nodeType: string, id: string, props: Record<string, unknown>) => ({ op: 'node:create', nodeType, id: p(id), props });
const link = (id: string, type: string, from: string, to: string, props: Record<string, unknown> = {}) => ({
  op: 'relationship:create',
  data: { id: p(id), type, from: p(from), to: p(to), ...props },
});

const FORMULA_NAME = '=HYPERLINK("http://example.com","Klikkaa")';
const XML_HOSTILE = 'R&D <akut> "lainaus" \'heittomerkki\'\u0001\ntoinen rivi';

beforeAll(async () => {
  stack = await startStack({ EDITOR_TOKEN: EDITOR.authorization.slice(7), METRICS_DEBOUNCE_MS: 200 });
  ws = await createWorkspace(stack, 'Vientiverkosto Ähtäri–Åbo');
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [
      node('Region', 'ks', { name: 'Keski-Suomi', nameEn: 'Central Finland' }),
      node('City', 'jkl', { name: 'Jyväskylä', lat: 62.2426, lon: 25.7473 }),
      node('City', 'abo', { name: 'Åbo', nameSv: 'Åbo', lat: 60.4518, lon: 22.2666 }),
      node('Organisation', 'jyu', {
        name: 'Jyväskylän yliopisto',
        orgType: 'university',
        aliases: ['JYU', 'Jyväskylä University'],
        businessId: '0245894-7',
      }),
      node('Organisation', 'evil', { name: FORMULA_NAME, orgType: 'company', description: '-2+3 @SUM(A1)' }),
      node('Organisation', 'amp', { name: 'Åbo Akademi & Co', orgType: 'university', description: XML_HOSTILE }),
      node('Project', 'akku', {
        name: 'Akkumateriaalien kierrätys Östersundissa',
        nameEn: 'Battery material recycling',
        startDate: '2024-01-15',
        endDate: '2026-12-31',
        budgetEur: 1250000.5,
        euShareEur: 700000,
        goals: ['Kierrätysaste 90 %', 'Uusia työpaikkoja'],
        status: 'running',
      }),
      node('Person', 'asa', { name: 'Åsa Öberg', title: 'Tutkimuspäällikkö', email: 'asa.oberg@example.fi', phone: '+358 40 765 4321' }),
      node('Theme', 'kierto', { name: 'Kiertotalous', nameEn: 'Circular economy', kind: 'topic' }),
      link('r-city-region', 'IN_REGION', 'jkl', 'ks'),
      link('r-jyu-jkl', 'LOCATED_IN', 'jyu', 'jkl'),
      link('r-amp-abo', 'LOCATED_IN', 'amp', 'abo'),
      link('r-lead', 'LEADS', 'jyu', 'akku', { startDate: '2024-01-15', note: 'Päätoteuttaja' }),
      link('r-partner', 'PARTNER_IN', 'amp', 'akku'),
      link('r-works', 'WORKS_AT', 'asa', 'jyu', { role: 'Tutkija; vastuuhenkilö' }),
      link('r-focus', 'FOCUSES_ON', 'akku', 'kierto'),
      link('r-coop', 'COOPERATES_WITH', 'evil', 'amp'),
    ],
  });
  if (res.status !== 200) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  // The worker's debounced metrics job stores metrics_* on the nodes; exports must carry them.
  await eventually(
    async () =>
      (
        await cypher<{ n: number }>(stack, 'MATCH (n:Entity {id: $id}) WHERE n.metrics_pagerank IS NOT NULL RETURN 1 AS n', {
          id: p('akku'),
        })
      ).length > 0,
    20_000,
    'metrics stored',
  );
});
afterAll(async () => {
  await stack?.close();
});

/** What Neo4j stores for the workspace's nodes, by id (internal search fields left out). */
async function storedNodes(): Promise<Map<string, Record<string, unknown>>> {
  const rows = await cypher<{ node: Record<string, unknown> }>(
    stack,
    `MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(n:Entity)
     RETURN n {.*, type: [l IN labels(n) WHERE l <> 'Entity'][0]} AS node`,
    { ws },
  );
  return new Map(
    rows.map(({ node }) => {
      const { aliasText: _a, searchText: _s, ...rest } = node;
      return [String(node.id), rest];
    }),
  );
}

describe('json', () => {
  test('our format: every stored property of every node and relationship, with metrics, dates and numbers as JSON', async () => {
    const res = await download('?format=json', EDITOR);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=${ws}-${today}.json`);
    const body = JSON.parse(res.text);
    expect(Object.keys(body)).toEqual(['format', 'version', 'exportedAt', 'workspace', 'nodes', 'relationships']);
    expect(body).toMatchObject({ format: 'verkosto-graph', version: 1, workspace: { id: ws, name: 'Vientiverkosto Ähtäri–Åbo' } });
    expect(Object.keys(body.workspace)).toEqual(['id', 'name']);
    expect(Math.abs(Date.parse(body.exportedAt) - Date.now())).toBeLessThan(60_000);

    // Exactly what Neo4j stores, through the one mapper (the editor sees contact details too).
    const stored = await storedNodes();
    expect(body.nodes).toHaveLength(stored.size);
    for (const n of body.nodes) {
      expect(Object.keys(n).slice(0, 2)).toEqual(['id', 'type']);
      expect(n).toEqual(stored.get(n.id));
    }
    const project = body.nodes.find((n: { id: string }) => n.id === p('akku'));
    expect(project).toMatchObject({
      type: 'Project',
      name: 'Akkumateriaalien kierrätys Östersundissa',
      startDate: '2024-01-15',
      endDate: '2026-12-31',
      budgetEur: 1250000.5,
      goals: ['Kierrätysaste 90 %', 'Uusia työpaikkoja'],
      version: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      metrics_pagerank: expect.any(Number),
      metrics_degree: expect.any(Number),
    });
    expect(body.nodes.find((n: { id: string }) => n.id === p('asa'))).toMatchObject({
      email: 'asa.oberg@example.fi',
      phone: '+358 40 765 4321',
    });
    expect(body.nodes.find((n: { id: string }) => n.id === p('amp')).description).toBe(XML_HOSTILE);

    const rels = await cypher<{ edge: Record<string, unknown> }>(
      stack,
      `MATCH (w:Workspace {id: $ws})<-[:IN_WORKSPACE]-(a)-[r]->(b)-[:IN_WORKSPACE]->(w) WHERE type(r) <> 'IN_WORKSPACE'
       RETURN r {.*, type: type(r), source: a.id, target: b.id} AS edge`,
      { ws },
    );
    expect(body.relationships).toHaveLength(8);
    expect([...body.relationships].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      rels.map((r) => r.edge).sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)),
    );
    expect(body.relationships.find((r: { id: string }) => r.id === p('r-lead'))).toMatchObject({
      type: 'LEADS',
      source: p('jyu'),
      target: p('akku'),
      startDate: '2024-01-15',
      note: 'Päätoteuttaja',
    });
    for (const r of body.relationships) expect(Object.keys(r).slice(0, 4)).toEqual(['id', 'type', 'source', 'target']);
  });

  test('contact details only for editors', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-the-editor-token!!' }] as Record<string, string>[]) {
      const res = await download('?format=json', headers);
      const person = JSON.parse(res.text).nodes.find((n: { id: string }) => n.id === p('asa'));
      expect(person).toMatchObject({ name: 'Åsa Öberg', title: 'Tutkimuspäällikkö' });
      expect(person).not.toHaveProperty('email');
      expect(person).not.toHaveProperty('phone');
      expect(res.text).not.toContain('asa.oberg@example.fi');
      expect(res.text).not.toContain('765 4321');
    }
  });
});

describe('csv', () => {
  test('nodes: BOM, id and type then the union of fields, lists joined with ;, formulas neutralised, ä/ö/å intact', async () => {
    const res = await download('?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`filename=${ws}-\\d{4}-\\d{2}-\\d{2}-nodes\\.csv$`));
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(res.text.slice(1));
    expect(header.slice(0, 3)).toEqual(['id', 'type', 'name']);
    expect(header).toEqual(expect.arrayContaining(['aliases', 'budgetEur', 'startDate', 'metrics_pagerank', 'title']));
    expect(header).not.toContain('email');
    expect(header).not.toContain('searchText');
    expect(rows).toHaveLength((await storedNodes()).size);
    const byId = new Map(rows.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    expect(byId.get(p('jyu'))).toMatchObject({
      type: 'Organisation',
      name: 'Jyväskylän yliopisto',
      aliases: 'JYU;Jyväskylä University',
      orgType: 'university',
    });
    expect(byId.get(p('evil'))).toMatchObject({ name: `'${FORMULA_NAME}`, description: "'-2+3 @SUM(A1)" });
    expect(byId.get(p('akku'))).toMatchObject({
      budgetEur: '1250000.5',
      startDate: '2024-01-15',
      name: 'Akkumateriaalien kierrätys Östersundissa',
    });
    expect(Number(byId.get(p('akku'))!.metrics_pagerank)).toBeGreaterThan(0);
    expect(byId.get(p('amp'))!.description).toBe(XML_HOSTILE);
  });

  test('relationships: id, type, source, target, then their fields', async () => {
    const res = await download('?format=csv&part=relationships');
    expect(res.headers.get('content-disposition')).toMatch(/-relationships\.csv$/);
    const [header, ...rows] = parseCsv(res.text.slice(1));
    expect(header.slice(0, 4)).toEqual(['id', 'type', 'source', 'target']);
    expect(header).toEqual(expect.arrayContaining(['role', 'note', 'startDate', 'createdAt']));
    expect(rows).toHaveLength(8);
    const works = rows.find((r) => r[0] === p('r-works'))!;
    expect(works.slice(0, 4)).toEqual([p('r-works'), 'WORKS_AT', p('asa'), p('jyu')]);
    expect(works[header.indexOf('role')]).toBe('Tutkija; vastuuhenkilö');
  });
});

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['key', 'node', 'edge', 'data', 'attribute', 'attvalue', 'attributes'].includes(name),
});

/** Checks a value against a declared GraphML/GEXF type. */
function fitsType(value: string, type: string): boolean {
  switch (type) {
    case 'long':
      return /^-?\d+$/.test(value);
    case 'double':
      return value.trim() !== '' && !Number.isNaN(Number(value));
    case 'boolean':
      return value === 'true' || value === 'false';
    default:
      return type === 'string';
  }
}

describe('graphml', () => {
  test('well-formed, every attribute declared with its type (metrics as double), labels are names, directed edges', async () => {
    const res = await download('?format=graphml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(XMLValidator.validate(res.text)).toBe(true);
    const doc = xml.parse(res.text).graphml;
    const keys = new Map<string, { for: string; 'attr.name': string; 'attr.type': string }>(doc.key.map((k: { id: string }) => [k.id, k]));
    const keyNamed = (target: string, name: string) => [...keys.values()].find((k) => k.for === target && k['attr.name'] === name);
    expect(keyNamed('node', 'metrics_pagerank')?.['attr.type']).toBe('double');
    expect(keyNamed('node', 'budgetEur')?.['attr.type']).toBe('double');
    expect(keyNamed('node', 'version')?.['attr.type']).toBe('long');
    expect(keyNamed('node', 'lat')?.['attr.type']).toBe('double');
    expect(keyNamed('edge', 'role')?.['attr.type']).toBe('string');
    expect(keyNamed('node', 'email')).toBeUndefined();

    const graph = doc.graph;
    expect(graph.edgedefault).toBe('directed');
    const stored = await storedNodes();
    expect(graph.node).toHaveLength(stored.size);
    for (const element of [...graph.node, ...graph.edge]) {
      for (const d of element.data ?? []) {
        const key = keys.get(d.key);
        expect(key).toBeDefined();
        expect(key!.for).toBe(element.source === undefined ? 'node' : 'edge');
        if (!fitsType(d['#text'] ?? '', key!['attr.type']))
          throw new Error(`${d['#text']} is not a ${key!['attr.type']} (${key!['attr.name']})`);
      }
    }
    const value = (el: { data: { key: string; '#text': string }[] }, name: string) =>
      el.data.find((d) => keys.get(d.key)!['attr.name'] === name)?.['#text'];
    const akku = graph.node.find((n: { id: string }) => n.id === p('akku'));
    expect(value(akku, 'label')).toBe('Akkumateriaalien kierrätys Östersundissa');
    expect(Number(value(akku, 'metrics_pagerank'))).toBeCloseTo(Number(stored.get(p('akku'))!.metrics_pagerank), 12);
    expect(
      value(
        graph.node.find((n: { id: string }) => n.id === p('amp')),
        'description',
      ),
    ).toBe(XML_HOSTILE.replace('\u0001', ''));
    expect(graph.edge).toHaveLength(8);
    const lead = graph.edge.find((e: { id: string }) => e.id === p('r-lead'));
    expect(lead).toMatchObject({ source: p('jyu'), target: p('akku') });
    expect(value(lead, 'label')).toBe('LEADS');
  });
});

describe('gexf', () => {
  test('GEXF 1.3, well-formed, node and edge attributes declared with types and used as declared', async () => {
    const res = await download('?format=gexf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    expect(XMLValidator.validate(res.text)).toBe(true);
    const doc = xml.parse(res.text).gexf;
    expect(doc).toMatchObject({ version: '1.3', xmlns: 'http://gexf.net/1.3' });
    expect(doc.meta.description).toBe('Vientiverkosto Ähtäri–Åbo');
    const graph = doc.graph;
    expect(graph.defaultedgetype).toBe('directed');
    const declared = (cls: string) =>
      new Map<string, { title: string; type: string }>(
        graph.attributes.find((a: { class: string }) => a.class === cls).attribute.map((a: { id: string }) => [a.id, a]),
      );
    const nodeAttrs = declared('node');
    const edgeAttrs = declared('edge');
    const titled = (attrs: Map<string, { title: string; type: string }>, title: string) =>
      [...attrs.values()].find((a) => a.title === title);
    expect(titled(nodeAttrs, 'metrics_pagerank')?.type).toBe('double');
    expect(titled(nodeAttrs, 'metrics_degree')).toBeDefined();
    expect(titled(nodeAttrs, 'endDate')?.type).toBe('string');
    expect(titled(edgeAttrs, 'note')?.type).toBe('string');

    const nodes = graph.nodes.node;
    expect(nodes).toHaveLength((await storedNodes()).size);
    for (const [elements, attrs] of [
      [nodes, nodeAttrs],
      [graph.edges.edge, edgeAttrs],
    ] as const) {
      for (const el of elements) {
        for (const v of el.attvalues?.attvalue ?? []) {
          const a = attrs.get(v.for);
          expect(a).toBeDefined();
          if (!fitsType(v.value, a!.type)) throw new Error(`${v.value} is not a ${a!.type} (${a!.title})`);
        }
      }
    }
    const person = nodes.find((n: { id: string }) => n.id === p('asa'));
    expect(person.label).toBe('Åsa Öberg');
    const typeAttr = titled(nodeAttrs, 'type')!;
    expect(person.attvalues.attvalue).toEqual(
      expect.arrayContaining([{ for: [...nodeAttrs].find(([, a]) => a === typeAttr)![0], value: 'Person' }]),
    );
    expect(res.text).not.toContain('asa.oberg@example.fi');
    const amp = nodes.find((n: { id: string }) => n.id === p('amp'));
    expect(amp.label).toBe('Åbo Akademi & Co');
    expect(graph.edges.edge).toHaveLength(8);
    expect(graph.edges.edge.find((e: { id: string }) => e.id === p('r-focus'))).toMatchObject({
      source: p('akku'),
      target: p('kierto'),
      label: 'FOCUSES_ON',
    });
  });
});

describe('xlsx', () => {
  test('one sheet per node type (id first) and a relationships sheet; values read back with exceljs', async () => {
    const res = await download('?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['City', 'Organisation', 'Person', 'Project', 'Region', 'Theme', 'relationships']);

    const sheetRows = (name: string) => {
      const sheet = book.getWorksheet(name)!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      const rows: Record<string, unknown>[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1] ?? null])));
      });
      return { header, rows };
    };
    const stored = await storedNodes();
    const projects = sheetRows('Project');
    expect(projects.header[0]).toBe('id');
    expect(projects.header).not.toContain('type');
    expect(projects.rows).toEqual([
      expect.objectContaining({
        id: p('akku'),
        name: 'Akkumateriaalien kierrätys Östersundissa',
        budgetEur: 1250000.5,
        euShareEur: 700000,
        startDate: '2024-01-15',
        endDate: '2026-12-31',
        goals: 'Kierrätysaste 90 %;Uusia työpaikkoja',
        version: 1,
        metrics_pagerank: stored.get(p('akku'))!.metrics_pagerank,
        createdAt: stored.get(p('akku'))!.createdAt,
      }),
    ]);
    const orgs = sheetRows('Organisation');
    expect(orgs.rows.map((r) => r.id).sort()).toEqual([p('amp'), p('evil'), p('jyu')].sort());
    // A formula-like name stays text (never a formula cell).
    expect(orgs.rows.find((r) => r.id === p('evil'))!.name).toBe(FORMULA_NAME);
    expect(orgs.rows.find((r) => r.id === p('jyu'))!.aliases).toBe('JYU;Jyväskylä University');

    const people = sheetRows('Person');
    expect(people.header).not.toContain('email');
    expect(people.rows[0]).toMatchObject({ name: 'Åsa Öberg', title: 'Tutkimuspäällikkö' });

    const rels = sheetRows('relationships');
    expect(rels.header.slice(0, 4)).toEqual(['id', 'type', 'source', 'target']);
    expect(rels.rows).toHaveLength(8);
    expect(rels.rows.find((r) => r.id === p('r-works'))).toMatchObject({
      type: 'WORKS_AT',
      source: p('asa'),
      target: p('jyu'),
      role: 'Tutkija; vastuuhenkilö',
    });

    const asEditor = new ExcelJS.Workbook();
    await asEditor.xlsx.load((await download('?format=xlsx', EDITOR)).bytes as unknown as ArrayBuffer);
    const personSheet = asEditor.getWorksheet('Person')!;
    const header = (personSheet.getRow(1).values as unknown[]).slice(1);
    expect((personSheet.getRow(2).values as unknown[])[header.indexOf('email') + 1]).toBe('asa.oberg@example.fi');
  });
});

describe('filters', () => {
  test.each([
    ['types=Project,Organisation', 'types'],
    [`city=CITY`, 'city'],
    [`region=REGION`, 'region'],
    [`theme=THEME`, 'theme'],
  ])('%s: the same nodes and links as the graph read with that filter', async (query) => {
    const q = query.replace('CITY', p('jkl')).replace('REGION', p('ks')).replace('THEME', p('kierto'));
    const graph = (await stack.http.get(`/api/v1/workspaces/${ws}/graph?${q}`)).body;
    const body = JSON.parse((await download(`?format=json&${q}`)).text);
    const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
    expect(ids(body.nodes)).toEqual(ids(graph.nodes));
    expect(ids(body.relationships)).toEqual(ids(graph.edges));
    expect(body.nodes.length).toBeGreaterThan(0);
    expect(body.nodes.length).toBeLessThan((await storedNodes()).size);
  });

  test('a filter narrows the declared columns too', async () => {
    const res = await download('?format=csv&types=City');
    const [header, ...rows] = parseCsv(res.text.slice(1));
    expect(rows.map((r) => r[1])).toEqual(['City', 'City']);
    expect(header).toContain('lat');
    expect(header).not.toContain('budgetEur');
  });
});

describe('errors', () => {
  test('an unknown workspace is a 404 in the error format, no file', async () => {
    const res = await download('?format=xlsx', {}, 'no-such-workspace-ä'.replace('ä', 'a'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(JSON.parse(res.text)).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('no-such-workspace-a') } });
  });

  test('an unknown format or part is a 400 naming the field', async () => {
    const res = await download('?format=pdf');
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual([expect.objectContaining({ path: 'query.format', message: expect.stringContaining('json') })]);
    const part = JSON.parse((await download('?format=csv&part=edges')).text);
    expect(part.error.details[0].path).toBe('query.part');
    const types = JSON.parse((await download('?format=json&types=Planet')).text);
    expect(types.error.details[0].path).toMatch(/^query\.types/);
  });
});
