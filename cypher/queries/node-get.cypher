// One node of a workspace with its relationships and neighbours.
// Parameters: $workspaceId, $nodeType, $id. Columns: node, edges, neighbours.
MATCH (n:Entity {id: $id})-[:IN_WORKSPACE]->(:Workspace {id: $workspaceId})
WHERE $nodeType IN labels(n)
OPTIONAL MATCH (n)-[r]-(m:Entity)
WHERE type(r) <> 'IN_WORKSPACE'
RETURN n {.*, type: $nodeType} AS node,
  collect(CASE WHEN r IS NOT NULL THEN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} END) AS edges,
  collect(DISTINCT CASE WHEN m IS NOT NULL THEN m {.*, type: [l IN labels(m) WHERE l <> 'Entity'][0]} END) AS neighbours
