/**
 * Our own format, the one the importer reads back: {format: "verkosto-graph", version: 1, exportedAt,
 * workspace: {id, name}, nodes: [{id, type, ...every stored property}], relationships: [{id, type,
 * source, target, ...properties}]}, values as the mapper gives them (dates as ISO strings, integers as
 * numbers). Written node by node, one per line.
 */
import type { Writable } from 'node:stream';
import type { ExportSource } from './source';
import { TextSink } from './sink';

export const JSON_FORMAT = 'verkosto-graph';
export const JSON_VERSION = 1;

export async function writeJson(source: ExportSource, out: Writable, exportedAt: Date): Promise<void> {
  const sink = new TextSink(out);
  const head = { format: JSON_FORMAT, version: JSON_VERSION, exportedAt: exportedAt.toISOString(), workspace: source.workspace };
  await sink.write(`${JSON.stringify(head).slice(0, -1)},\n"nodes":[`);
  let first = true;
  for await (const node of source.nodes()) {
    await sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(node)}`);
    first = false;
  }
  await sink.write('\n],\n"relationships":[');
  first = true;
  for await (const edge of source.relationships()) {
    await sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(edge)}`);
    first = false;
  }
  await sink.write('\n]}\n');
  await sink.end();
}
