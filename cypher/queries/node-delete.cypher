// Deletes nodes and their relationships.
// Parameters: $rows = [{changeId, workspaceId, nodeType, nodeId}].
// Columns: changeId, error (null, NOT_FOUND or TYPE_MISMATCH), node ({id, type}).
UNWIND $rows AS row
OPTIONAL MATCH (n:Entity {id: row.nodeId})-[:IN_WORKSPACE]->(:Workspace {id: row.workspaceId})
WITH row, n,
  CASE
    WHEN n IS NULL THEN 'NOT_FOUND'
    WHEN NOT row.nodeType IN labels(n) THEN 'TYPE_MISMATCH'
  END AS error
OPTIONAL CALL (n, error) {
  WITH n WHERE error IS NULL
  DETACH DELETE n
  RETURN true AS deleted
}
RETURN row.changeId AS changeId, error, CASE WHEN error IS NULL THEN {id: row.nodeId, type: row.nodeType} END AS node
