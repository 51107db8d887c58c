// The nodes of a workspace for the network metrics, one row each (streamed, not collected: a 20,000-node
// workspace must fit the transaction memory), with the city and region each is located in
// (LOCATED_IN a City, that City's IN_REGION Region, or IN_REGION directly). Read with
// metrics-graph-edges in one transaction.
// Parameters: $workspaceId.
// Columns: id, type, city (nullable), region (nullable).
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
  COLLECT { MATCH (n)-[:LOCATED_IN]->(c:City)-[:IN_WORKSPACE]->(w) RETURN c.id ORDER BY c.id LIMIT 1 }[0] AS city,
  COLLECT { MATCH (n)-[:LOCATED_IN|IN_REGION*1..2]->(r:Region)-[:IN_WORKSPACE]->(w) RETURN DISTINCT r.id AS rid ORDER BY rid LIMIT 1 }[0] AS region
