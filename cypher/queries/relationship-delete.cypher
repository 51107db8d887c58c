// Deletes relationships by type and id.
// Parameters: $rows = [{changeId, workspaceId, relType, relId}].
// Columns: changeId, error (null or NOT_FOUND), edge ({id, type}).
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity)-[r:$(row.relType) {id: row.relId}]->(:Entity)
WHERE EXISTS { (a)-[:IN_WORKSPACE]->(:Workspace {id: row.workspaceId}) }
WITH row, r, CASE WHEN r IS NULL THEN 'NOT_FOUND' END AS error
OPTIONAL CALL (r, error) {
  WITH r WHERE error IS NULL
  DELETE r
  RETURN true AS deleted
}
RETURN row.changeId AS changeId, error, CASE WHEN error IS NULL THEN {id: row.relId, type: row.relType} END AS edge
