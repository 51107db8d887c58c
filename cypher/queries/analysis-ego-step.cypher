// One step of an ego network: the neighbours of the given nodes within a workspace (any link but
// IN_WORKSPACE; nodes a facilitator hid are left out). The service repeats it up to the asked depth.
// Parameters: $workspaceId, $ids (list of node ids of the current frontier).
// Columns: node (the neighbour's properties + type; the service applies the privacy filter).
MATCH (w:Workspace {id: $workspaceId})
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[:IN_WORKSPACE]->(w)
MATCH (a)-[r]-(m:Entity)-[:IN_WORKSPACE]->(w)
WHERE type(r) <> 'IN_WORKSPACE' AND coalesce(m.hidden, false) = false
WITH DISTINCT m
RETURN m {.*, type: [l IN labels(m) WHERE l <> 'Entity'][0]} AS node
