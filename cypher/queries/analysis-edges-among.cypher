// The links of a workspace between the given nodes (both ends in the list).
// Parameters: $workspaceId, $ids (list of node ids).
// Columns: edge (properties + type, source, target).
MATCH (w:Workspace {id: $workspaceId})
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[:IN_WORKSPACE]->(w)
MATCH (a)-[r]->(b:Entity)
WHERE type(r) <> 'IN_WORKSPACE' AND b.id IN $ids
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS edge
