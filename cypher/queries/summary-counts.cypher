// Counts for a workspace's printable summary: nodes by type and relationships by type (hidden nodes
// and their links left out, as on the map).
// Parameters: $workspaceId.
// Columns: nodeTypes (list of {type, count}), relationshipTypes (list of {type, count}).
MATCH (w:Workspace {id: $workspaceId})
CALL (w) {
  MATCH (w)<-[:IN_WORKSPACE]-(n:Entity)
  WHERE n.hidden IS NULL OR n.hidden = false
  WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS type, count(*) AS count
  ORDER BY count DESC, type
  RETURN collect({type: type, count: count}) AS nodeTypes
}
CALL (w) {
  MATCH (w)<-[:IN_WORKSPACE]-(a:Entity)-[r]->(b:Entity)-[:IN_WORKSPACE]->(w)
  WHERE (a.hidden IS NULL OR a.hidden = false) AND (b.hidden IS NULL OR b.hidden = false)
  WITH type(r) AS type, count(*) AS count
  ORDER BY count DESC, type
  RETURN collect({type: type, count: count}) AS relationshipTypes
}
RETURN nodeTypes, relationshipTypes
