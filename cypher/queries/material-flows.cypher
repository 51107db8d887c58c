// The material flows of a workspace: every SUPPLIES link with its ends' names, largest first.
// Parameters: $workspaceId.
// Columns: id, source, sourceName, sourceType, target, targetName, material, tonnesPerYear.
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(a:Entity)-[r:SUPPLIES]->(b:Entity)-[:IN_WORKSPACE]->(w)
RETURN r.id AS id, a.id AS source, a.name AS sourceName, [l IN labels(a) WHERE l <> 'Entity'][0] AS sourceType,
  b.id AS target, b.name AS targetName, r.material AS material, r.tonnesPerYear AS tonnesPerYear
ORDER BY coalesce(r.tonnesPerYear, 0) DESC, r.id
