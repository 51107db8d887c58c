// Full-text search over names and aliases, through both analyzers, best score per node.
// Parameters: $folded (Lucene query for the diacritics-folded index), $stemmed (for the Finnish
// index), $workspaceId (nullable), $types (nullable list), $limit, $candidates (hits read from each
// index before the workspace and type filters: the indexes span every workspace).
// Columns: item ({id, name, aliases, type}), score.
// The indexes are eventually consistent (schema step 5): waiting for the updates of the transactions
// committed before this one makes a node findable as soon as its write has been applied.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_folded', $folded, {limit: $candidates}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_search_finnish', $stemmed, {limit: $candidates}) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score
WHERE NOT node:Workspace
  AND ($workspaceId IS NULL OR EXISTS { (node)-[:IN_WORKSPACE]->(:Workspace {id: $workspaceId}) })
  AND ($types IS NULL OR any(l IN labels(node) WHERE l IN $types))
RETURN node {.id, .name, .aliases, type: [l IN labels(node) WHERE l <> 'Entity'][0]} AS item, score
ORDER BY score DESC, item.name
LIMIT $limit
