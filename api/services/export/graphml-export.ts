/**
 * GraphML for yEd, Gephi and NetworkX: every node field and relationship field declared as a <key> with
 * its type (string, long, double, boolean; dates as ISO text, lists joined with ';'), metrics included;
 * label = the node's name (an edge's label = its type); directed edges. Written as it is read.
 */
import type { Writable } from 'node:stream';
import type { Field, FieldKind } from './fields';
import type { ExportSource } from './source';
import { TextSink } from './sink';
import { xmlAttr, xmlText, xmlValue } from './xml';

const GRAPHML_TYPES: Partial<Record<FieldKind, string>> = { integer: 'long', double: 'double', boolean: 'boolean' };

interface Key extends Field {
  id: string;
}

/** label and type first (drawn by the tools), then the stored fields. */
function keysFor(prefix: string, fields: Field[]): Key[] {
  const fixed: Field[] = [
    { key: 'label', kind: 'string' },
    { key: 'type', kind: 'string' },
  ];
  const stored = fields.filter((f) => f.key !== 'label' && f.key !== 'type');
  return [...fixed, ...stored].map((f, i) => ({ ...f, id: `${prefix}${i}` }));
}

const declare = (target: 'node' | 'edge', k: Key) =>
  `  <key id="${k.id}" for="${target}" attr.name="${xmlAttr(k.key)}" attr.type="${GRAPHML_TYPES[k.kind] ?? 'string'}"/>\n`;

function data(keys: Key[], row: Record<string, unknown>): string {
  let out = '';
  for (const k of keys) {
    const value = row[k.key];
    if (value === null || value === undefined) continue;
    out += `<data key="${k.id}">${xmlText(xmlValue(value, k.kind))}</data>`;
  }
  return out;
}

export async function writeGraphml(source: ExportSource, out: Writable): Promise<void> {
  const sink = new TextSink(out);
  const nodeKeys = keysFor('n', source.nodeFields);
  const edgeKeys = keysFor('e', source.relationshipFields);
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      nodeKeys.map((k) => declare('node', k)).join('') +
      edgeKeys.map((k) => declare('edge', k)).join('') +
      `  <graph id="${xmlAttr(source.workspace.id)}" edgedefault="directed">\n`,
  );
  for await (const node of source.nodes()) {
    await sink.write(`    <node id="${xmlAttr(node.id)}">${data(nodeKeys, { ...node, label: node.name })}</node>\n`);
  }
  for await (const edge of source.relationships()) {
    const attrs = `id="${xmlAttr(edge.id)}" source="${xmlAttr(edge.source)}" target="${xmlAttr(edge.target)}"`;
    await sink.write(`    <edge ${attrs}>${data(edgeKeys, { ...edge, label: edge.type })}</edge>\n`);
  }
  await sink.write('  </graph>\n</graphml>\n');
  await sink.end();
}
