/**
 * Graph files: our JSON format ({format: "verkosto-graph", version: 1, nodes, relationships}; read
 * whole under IMPORT_JSON_MAX_BYTES), GraphML and GEXF (streamed through a SAX parser, saxes). Each
 * node or edge becomes a row of property cells; rows are numbered by position (JSON) or line (XML).
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportFileError, type RawItem, type RowItem } from './raw-items';
import { firstInvalidUtf8, utf8Checker } from './read-csv';

export async function* readJsonGraph(file: string, maxBytes: number): AsyncGenerator<RawItem> {
  const { size } = await fs.promises.stat(file);
  if (size > maxBytes) {
    throw new ImportFileError('JSON_TOO_LARGE', `A JSON graph file can be at most ${Math.round(maxBytes / 1024 / 1024)} MB (IMPORT_JSON_MAX_BYTES); this one is ${Math.round(size / 1024 / 1024)} MB. Import it as CSV or GraphML, which stream.`);
  }
  const bytes = await fs.promises.readFile(file);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) throw new ImportFileError('NOT_UTF8', `The file is not UTF-8: byte 0x${bytes[bad].toString(16).toUpperCase()} at byte ${bad + 1}. Save it as UTF-8; nothing was stored.`, { row: 1 });
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportFileError('JSON_UNREADABLE', `The file is not valid JSON: ${(err as Error).message}`);
  }
  const graph = doc as { format?: unknown; version?: unknown; nodes?: unknown; relationships?: unknown };
  if (typeof graph !== 'object' || graph === null || graph.format !== 'verkosto-graph') {
    throw new ImportFileError('JSON_NOT_A_GRAPH', 'The JSON file is not a Verkosto graph export: expected {"format": "verkosto-graph", "version": 1, "nodes": [...], "relationships": [...]}');
  }
  if (graph.version !== 1) throw new ImportFileError('JSON_VERSION', `Version ${String(graph.version)} of the graph format is not known (this server reads version 1)`);
  if (!Array.isArray(graph.nodes) || (graph.relationships !== undefined && !Array.isArray(graph.relationships))) {
    throw new ImportFileError('JSON_NOT_A_GRAPH', '"nodes" and "relationships" must be lists');
  }
  const rows = (list: unknown[], sheet: string, graphKind: RowItem['graphKind']) =>
    list.map((item, i): RowItem => ({ kind: 'row', row: i + 1, sheet, graphKind, cells: typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : { '(item)': item } }));
  yield* rows(graph.nodes, 'nodes', 'node');
  yield* rows((graph.relationships as unknown[] | undefined) ?? [], 'relationships', 'relationship');
}

interface KeyDef {
  name: string;
  type: string;
}

/** A typed XML attribute value: numbers as numbers, GEXF list strings as lists. */
function typedValue(text: string, type: string): unknown {
  if (/^(int|integer|long|float|double|short|byte)$/i.test(type)) {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  if (/^list/i.test(type)) return text.split('|').map((s) => s.trim()).filter(Boolean);
  return text;
}

/** The type of a GraphML node/edge from "labels" (":Entity:Organisation", as Neo4j tools write it). */
function typeFromLabels(labels: unknown): string | undefined {
  if (typeof labels !== 'string') return undefined;
  return labels.split(':').map((s) => s.trim()).find((l) => l && l !== 'Entity');
}

export async function* readXmlGraph(input: Readable, format: 'graphml' | 'gexf'): AsyncGenerator<RawItem> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const keys = new Map<string, KeyDef>();
  const ready: RowItem[] = [];
  let attrClass = 'node';
  let current: RowItem | null = null;
  let dataKey: string | null = null;
  let text = '';
  let sawRoot = false;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const a = tag.attributes as Record<string, string>;
    const name = tag.name.replace(/^.*:/, '');
    if (!sawRoot) {
      sawRoot = true;
      if (name !== format) throw new ImportFileError('XML_NOT_A_GRAPH', `The file's root element is <${tag.name}>, expected <${format}>`);
    }
    if (format === 'graphml' && name === 'key') keys.set(a.id, { name: a['attr.name'] ?? a.id, type: a['attr.type'] ?? 'string' });
    else if (format === 'gexf' && name === 'attributes') attrClass = a.class ?? 'node';
    else if (format === 'gexf' && name === 'attribute') keys.set(`${attrClass}:${a.id}`, { name: a.title ?? a.id, type: a.type ?? 'string' });
    else if (name === 'node' || name === 'edge') {
      const isNode = name === 'node';
      const cells: Record<string, unknown> = { id: a.id };
      if (!isNode) Object.assign(cells, { source: a.source, target: a.target });
      if (a.label !== undefined) cells['(label)'] = a.label;
      if (!isNode && a.kind !== undefined) cells['(kind)'] = a.kind;
      current = { kind: 'row', row: parser.line, sheet: name, graphKind: isNode ? 'node' : 'relationship', cells };
    } else if (current && name === 'data') {
      dataKey = a.key;
      text = '';
    } else if (current && name === 'attvalue') {
      const def = keys.get(`${current.graphKind === 'node' ? 'node' : 'edge'}:${a.for ?? a.id}`);
      const field = def?.name ?? a.for ?? a.id;
      current.cells[field] = typedValue(a.value ?? '', def?.type ?? 'string');
    }
  });
  parser.on('text', (t) => {
    if (dataKey !== null) text += t;
  });
  parser.on('cdata', (t) => {
    if (dataKey !== null) text += t;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (name === 'data' && current && dataKey !== null) {
      const def = keys.get(dataKey);
      current.cells[def?.name ?? dataKey] = typedValue(text, def?.type ?? 'string');
      dataKey = null;
    } else if ((name === 'node' || name === 'edge') && current) {
      finishItem(current);
      ready.push(current);
      current = null;
    }
  });

  const checker = utf8Checker();
  input.on('error', (err) => checker.destroy(err));
  input.pipe(checker);
  try {
    for await (const chunk of checker as AsyncIterable<string>) {
      parser.write(chunk);
      yield* ready.splice(0);
    }
    parser.close();
    yield* ready.splice(0);
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError('XML_UNREADABLE', `The ${format === 'gexf' ? 'GEXF' : 'GraphML'} file cannot be read: ${(err as Error).message}`, { row: parser.line });
  } finally {
    input.destroy();
  }
}

/** GEXF labels and GraphML "labels": the name of a node, the type of an edge, when not given otherwise. */
function finishItem(item: RowItem) {
  const c = item.cells;
  if (item.graphKind === 'node') {
    c.type ??= typeFromLabels(c.labels);
    c.name ??= c.label ?? c['(label)'];
    delete c.labels;
    delete c.label;
  } else {
    c.type ??= c.label ?? c['(label)'] ?? c['(kind)'];
    delete c.label;
  }
  delete c['(label)'];
  delete c['(kind)'];
}
