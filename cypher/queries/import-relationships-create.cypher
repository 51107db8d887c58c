// An import chunk's new links (worker/import/apply-chunk.ts), created in one go. The import resolved
// both ends in the workspace and checked their types; the checks are made again (an end may be gone
// by now), and only the rows not created come back. Stored like relationship-create.
// Parameters: $rows = [{relType, relId, from, to, fromTypes, toTypes, fromCheck, toCheck, props, at}];
// fromCheck/toCheck are null or {property, values, code} (see relationship-create).
// Columns: relId, error (FROM_NOT_FOUND, TO_NOT_FOUND, FROM_TYPE_NOT_ALLOWED, TO_TYPE_NOT_ALLOWED or a
// check's code): one row per link NOT created.
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})
OPTIONAL MATCH (b:Entity {id: row.to})
WITH row, a, b,
  CASE
    WHEN a IS NULL THEN 'FROM_NOT_FOUND'
    WHEN b IS NULL THEN 'TO_NOT_FOUND'
    WHEN none(l IN labels(a) WHERE l IN row.fromTypes) THEN 'FROM_TYPE_NOT_ALLOWED'
    WHEN none(l IN labels(b) WHERE l IN row.toTypes) THEN 'TO_TYPE_NOT_ALLOWED'
    WHEN row.fromCheck IS NOT NULL AND NOT coalesce(a[row.fromCheck.property], '') IN row.fromCheck.values THEN row.fromCheck.code
    WHEN row.toCheck IS NOT NULL AND NOT coalesce(b[row.toCheck.property], '') IN row.toCheck.values THEN row.toCheck.code
  END AS error
CALL (row, a, b, error) {
  WITH row, a, b WHERE error IS NULL
  CREATE (a)-[r:$(row.relType) {id: row.relId}]->(b)
  SET r += row.props, r.createdAt = datetime(row.at), r.updatedAt = datetime(row.at)
}
WITH row, error WHERE error IS NOT NULL
RETURN row.relId AS relId, error
