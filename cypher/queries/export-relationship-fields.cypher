// The stored property keys of a workspace's relationships (all but IN_WORKSPACE, both ends in the
// workspace), with the Cypher value types seen for each, for an export's header.
// Parameters: $workspaceId, $ids (nullable list: only relationships with both ends among these nodes).
// Columns: key, valueTypes.
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(a:Entity)-[r]->(b:Entity)-[:IN_WORKSPACE]->(w)
WHERE type(r) <> 'IN_WORKSPACE' AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
UNWIND keys(r) AS key
WITH key, valueType(r[key]) AS valueType
RETURN key, collect(DISTINCT valueType) AS valueTypes
ORDER BY key
