// A workspace's relationships for an export, one row each (streamed), in id order: all but
// IN_WORKSPACE between two of its nodes, with every stored property.
// Parameters: $workspaceId, $ids (nullable list: only relationships with both ends among these nodes).
// Columns: edge (properties + type, source, target).
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(a:Entity)-[r]->(b:Entity)-[:IN_WORKSPACE]->(w)
WHERE type(r) <> 'IN_WORKSPACE' AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
WITH a, r, b ORDER BY r.id
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS edge
