// The shortest introduction paths between two nodes of a workspace: every shortest path over the
// workspace's links (either direction, never through IN_WORKSPACE or a node of another workspace or a
// hidden one), at most 6 steps; the service asks for a smaller $max by discarding longer ones here.
// Nodes come back as id, type and name only (no contact details).
// Parameters: $workspaceId, $from, $to (node ids), $max (integer 1..6), $limit (integer).
// Columns: nodes (list of {id, type, name, nameEn, nameSv}), edges (list of {id, type, source, target}).
MATCH (w:Workspace {id: $workspaceId})
MATCH (a:Entity {id: $from})-[:IN_WORKSPACE]->(w)
MATCH (b:Entity {id: $to})-[:IN_WORKSPACE]->(w)
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE type(r) <> 'IN_WORKSPACE')
  AND all(n IN nodes(p) WHERE n:Entity AND coalesce(n.hidden, false) = false AND EXISTS { (n)-[:IN_WORKSPACE]->(w) })
WITH p WHERE length(p) <= $max
WITH p LIMIT $limit
RETURN [n IN nodes(p) | {id: n.id, type: [l IN labels(n) WHERE l <> 'Entity'][0], name: n.name, nameEn: n.nameEn, nameSv: n.nameSv}] AS nodes,
  [r IN relationships(p) | {id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges
