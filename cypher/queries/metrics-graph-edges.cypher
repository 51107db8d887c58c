// The relationships of a workspace for the network metrics, one row each (streamed): every
// relationship between two of its nodes except IN_WORKSPACE. Read with metrics-graph-nodes in one
// transaction.
// Parameters: $workspaceId.
// Columns: source, target, type.
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(a:Entity)-[rel]->(b:Entity)-[:IN_WORKSPACE]->(w)
WHERE type(rel) <> 'IN_WORKSPACE'
RETURN a.id AS source, b.id AS target, type(rel) AS type
