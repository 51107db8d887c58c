// Applies partial updates to relationship properties; null removes one.
// Parameters: $rows = [{changeId, workspaceId, relType, relId, props, at}].
// Columns: changeId, error (null or NOT_FOUND), edge (properties + type, source, target).
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity)-[r:$(row.relType) {id: row.relId}]->(b:Entity)
WHERE EXISTS { (a)-[:IN_WORKSPACE]->(:Workspace {id: row.workspaceId}) }
WITH row, a, r, b, CASE WHEN r IS NULL THEN 'NOT_FOUND' END AS error
OPTIONAL CALL (row, r, error) {
  WITH row, r WHERE error IS NULL
  SET r += row.props, r.updatedAt = datetime(row.at)
  RETURN true AS updated
}
RETURN row.changeId AS changeId, error,
  CASE WHEN error IS NULL THEN r {.*, type: row.relType, source: a.id, target: b.id} END AS edge
