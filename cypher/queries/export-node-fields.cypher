// The stored property keys of a workspace's nodes per node type, with the Cypher value types seen for
// each, so that an export can write its header (CSV columns, GraphML/GEXF attribute declarations, xlsx
// sheets) before the first row. Only keys and types leave the server, not the values.
// Parameters: $workspaceId, $ids (nullable list: only these nodes; null: every node of the workspace).
// Columns: type (node type), key, valueTypes (e.g. ['STRING NOT NULL'], ['INTEGER NOT NULL', 'FLOAT NOT NULL']).
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(n:Entity)
WHERE $ids IS NULL OR n.id IN $ids
UNWIND keys(n) AS key
WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS type, key, valueType(n[key]) AS valueType
RETURN type, key, collect(DISTINCT valueType) AS valueTypes
ORDER BY type, key
