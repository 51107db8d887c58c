// Applies partial updates; a null property removes the field. A stale baseVersion is a conflict.
// Parameters: $rows = [{changeId, workspaceId, nodeType, nodeId, props, baseVersion (nullable), at}].
// Columns: changeId, error (null, NOT_FOUND, TYPE_MISMATCH or VERSION_CONFLICT), currentVersion, node.
UNWIND $rows AS row
OPTIONAL MATCH (n:Entity {id: row.nodeId})-[:IN_WORKSPACE]->(:Workspace {id: row.workspaceId})
WITH row, n,
  CASE
    WHEN n IS NULL THEN 'NOT_FOUND'
    WHEN NOT row.nodeType IN labels(n) THEN 'TYPE_MISMATCH'
    WHEN row.baseVersion IS NOT NULL AND n.version <> row.baseVersion THEN 'VERSION_CONFLICT'
  END AS error
OPTIONAL CALL (row, n, error) {
  WITH row, n WHERE error IS NULL
  SET n += row.props, n.updatedAt = datetime(row.at), n.version = n.version + 1
  SET n.aliasText = reduce(s = '', a IN coalesce(n.aliases, []) | s + a + ' ')
  SET n.searchText = n.name + ' ' + coalesce(n.nameEn, '') + ' ' + coalesce(n.nameSv, '') + ' ' + n.aliasText
  RETURN true AS updated
}
RETURN row.changeId AS changeId, error, n.version AS currentVersion,
  CASE WHEN error IS NULL THEN n {.*, type: row.nodeType} END AS node
