// A page of relationships in a workspace (those whose start node is in it), with optional filters.
// Parameters: $workspaceId, $relType (nullable), $node (nullable id of either end), $offset, $limit.
// Columns: total, items.
MATCH (:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'IN_WORKSPACE'
  AND ($relType IS NULL OR type(r) = $relType)
  AND ($node IS NULL OR a.id = $node OR b.id = $node)
WITH a, r, b ORDER BY type(r), r.id
WITH collect(r {.*, type: type(r), source: a.id, target: b.id}) AS matched
RETURN size(matched) AS total, matched[$offset..($offset + $limit)] AS items
