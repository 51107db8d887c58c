// Creates relationships (or refreshes one with the same id). Both ends join the change's workspace.
// Parameters: $rows = [{changeId, workspaceId, relType, relId, from, to, fromTypes, toTypes, fromCheck,
// toCheck, props, at}]; fromCheck/toCheck are null or {property, values, code}: the end's property must
// be one of the values (a skill theme for NEEDS), else the row fails with that code.
// Columns: changeId, error (null, FROM_NOT_FOUND, TO_NOT_FOUND, FROM_TYPE_NOT_ALLOWED,
// TO_TYPE_NOT_ALLOWED, a check's code or WORKSPACE_NOT_FOUND), edge (properties + type, source, target).
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})
OPTIONAL MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (w:Workspace {id: row.workspaceId})
WITH row, a, b, w,
  CASE
    WHEN w IS NULL THEN 'WORKSPACE_NOT_FOUND'
    WHEN a IS NULL THEN 'FROM_NOT_FOUND'
    WHEN b IS NULL THEN 'TO_NOT_FOUND'
    WHEN none(l IN labels(a) WHERE l IN row.fromTypes) THEN 'FROM_TYPE_NOT_ALLOWED'
    WHEN none(l IN labels(b) WHERE l IN row.toTypes) THEN 'TO_TYPE_NOT_ALLOWED'
    WHEN row.fromCheck IS NOT NULL AND NOT coalesce(a[row.fromCheck.property], '') IN row.fromCheck.values THEN row.fromCheck.code
    WHEN row.toCheck IS NOT NULL AND NOT coalesce(b[row.toCheck.property], '') IN row.toCheck.values THEN row.toCheck.code
  END AS error
OPTIONAL CALL (row, a, b, w, error) {
  WITH row, a, b, w WHERE error IS NULL
  MERGE (a)-[r:$(row.relType) {id: row.relId}]->(b)
  ON CREATE SET r.createdAt = datetime(row.at)
  SET r += row.props, r.updatedAt = datetime(row.at)
  MERGE (a)-[:IN_WORKSPACE]->(w)
  MERGE (b)-[:IN_WORKSPACE]->(w)
  RETURN r
}
RETURN row.changeId AS changeId, error,
  CASE WHEN r IS NULL THEN null ELSE r {.*, type: row.relType, source: row.from, target: row.to} END AS edge
