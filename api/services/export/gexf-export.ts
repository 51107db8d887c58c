/**
 * GEXF 1.3 for Gephi: <attributes class="node"> and class="edge" declare every field with its type
 * (string, long, double, boolean; dates as ISO text, lists joined with ';'), metrics included; node
 * label = name, edge label = relationship type; directed edges. Written as it is read.
 */
import type { Writable } from 'node:stream';
import type { Field, FieldKind } from './fields';
import type { ExportSource } from './source';
import { TextSink } from './sink';
import { xmlAttr, xmlText, xmlValue } from './xml';

const GEXF_TYPES: Partial<Record<FieldKind, string>> = { integer: 'long', double: 'double', boolean: 'boolean' };

interface Attribute extends Field {
  id: string;
}

/** The node's (edge's) type as an attribute, then the stored fields; name is the label already. */
function attributesFor(prefix: string, fields: Field[], skip: string[]): Attribute[] {
  return [{ key: 'type', kind: 'string' as FieldKind }, ...fields.filter((f) => !skip.includes(f.key))].map((f, i) => ({
    ...f,
    id: `${prefix}${i}`,
  }));
}

function declare(cls: 'node' | 'edge', attributes: Attribute[]): string {
  const lines = attributes.map(
    (a) => `      <attribute id="${a.id}" title="${xmlAttr(a.key)}" type="${GEXF_TYPES[a.kind] ?? 'string'}"/>\n`,
  );
  return `    <attributes class="${cls}" mode="static">\n${lines.join('')}    </attributes>\n`;
}

function attvalues(attributes: Attribute[], row: Record<string, unknown>): string {
  let out = '';
  for (const a of attributes) {
    const value = row[a.key];
    if (value === null || value === undefined) continue;
    out += `<attvalue for="${a.id}" value="${xmlAttr(xmlValue(value, a.kind))}"/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : '';
}

export async function writeGexf(source: ExportSource, out: Writable, exportedAt: Date): Promise<void> {
  const sink = new TextSink(out);
  const nodeAttributes = attributesFor('n', source.nodeFields, ['type']);
  const edgeAttributes = attributesFor('e', source.relationshipFields, ['type', 'source', 'target']);
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
      `  <meta lastmodifieddate="${exportedAt.toISOString().slice(0, 10)}"><creator>Verkosto</creator>` +
      `<description>${xmlText(source.workspace.name)}</description></meta>\n` +
      '  <graph defaultedgetype="directed" mode="static">\n' +
      declare('node', nodeAttributes) +
      declare('edge', edgeAttributes) +
      '    <nodes>\n',
  );
  for await (const node of source.nodes()) {
    await sink.write(
      `      <node id="${xmlAttr(node.id)}" label="${xmlAttr(String(node.name ?? node.id))}">${attvalues(nodeAttributes, node)}</node>\n`,
    );
  }
  await sink.write('    </nodes>\n    <edges>\n');
  for await (const edge of source.relationships()) {
    const attrs = `id="${xmlAttr(edge.id)}" source="${xmlAttr(edge.source)}" target="${xmlAttr(edge.target)}" label="${xmlAttr(edge.type)}"`;
    await sink.write(`      <edge ${attrs}>${attvalues(edgeAttributes, edge)}</edge>\n`);
  }
  await sink.write('    </edges>\n  </graph>\n</gexf>\n');
  await sink.end();
}
