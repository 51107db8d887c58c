/**
 * Full-text search over names and aliases of every type. Two Lucene queries go to the two indexes
 * (cypher/schema/005-fulltext.cypher): the diacritics-folded one gets prefix and fuzzy terms, so
 * "jyvaskyla" and "Jyväskyl" find Jyväskylä and "ylipisto" finds yliopisto; the Finnish one gets the
 * plain words, which its stemmer reduces, so "Oulun" finds "Oulu".
 */
import type { NodeType } from '../../domain/entities';
import { toNeo4jInt } from '../infra/mapper';
import type { GraphDb } from '../infra/neo4j';

export interface SearchHit {
  id: string;
  name: string;
  aliases?: string[];
  type: NodeType;
  score: number;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** The words of a query, with Lucene's operators escaped away. */
export function searchTerms(q: string): string[] {
  return q
    .replace(LUCENE_SPECIAL, ' ')
    .split(/\s+/)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && !['and', 'or', 'not'].includes(t))
    .slice(0, 10);
}

export function foldedQuery(terms: string[]): string {
  return terms.map((t) => (t.length >= 4 ? `(${t}^3 OR ${t}*^2 OR ${t}~1)` : `(${t}^3 OR ${t}*)`)).join(' AND ');
}

export const stemmedQuery = (terms: string[]) => terms.join(' AND ');

export async function search(
  db: GraphDb,
  q: string,
  opts: { workspaceId: string | null; types: NodeType[] | null; limit: number },
): Promise<SearchHit[]> {
  const terms = searchTerms(q);
  if (!terms.length) return [];
  const rows = await db.read<{ item: Omit<SearchHit, 'score'>; score: number }>('search-fulltext', {
    folded: foldedQuery(terms),
    stemmed: stemmedQuery(terms),
    workspaceId: opts.workspaceId,
    types: opts.types,
    limit: toNeo4jInt(opts.limit),
    // The indexes span all workspaces: read enough hits that the workspace's own survive the filter.
    candidates: toNeo4jInt(opts.workspaceId || opts.types ? 1000 : opts.limit * 4),
  });
  return rows.map((r) => ({ ...r.item, score: Math.round(r.score * 1000) / 1000 }));
}
