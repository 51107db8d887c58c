// One relationship of a workspace by id; the type narrows the lookup when given.
// Parameters: $workspaceId, $relType (nullable), $id. Columns: edge.
MATCH (:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(a:Entity)-[r]->(b:Entity)
WHERE r.id = $id AND ($relType IS NULL OR type(r) = $relType)
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS edge
LIMIT 1
