// Creates nodes, or refreshes one when the same id and type is created again (seed re-runs, retries).
// Parameters: $rows = [{changeId, workspaceId, nodeType, nodeId, props, at}].
// Columns: changeId, error (null, ID_TAKEN or WORKSPACE_NOT_FOUND), node (stored properties + type).
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.nodeId})
OPTIONAL MATCH (w:Workspace {id: row.workspaceId})
WITH row, w,
  CASE
    WHEN existing IS NOT NULL AND NOT row.nodeType IN labels(existing) THEN 'ID_TAKEN'
    WHEN w IS NULL AND row.nodeType <> 'Workspace' THEN 'WORKSPACE_NOT_FOUND'
  END AS error
OPTIONAL CALL (row, w, error) {
  WITH row, w WHERE error IS NULL
  MERGE (n:Entity {id: row.nodeId})
  ON CREATE SET n.createdAt = datetime(row.at), n.version = 0
  SET n:$(row.nodeType), n += row.props, n.updatedAt = datetime(row.at), n.version = n.version + 1
  SET n.aliasText = reduce(s = '', a IN coalesce(n.aliases, []) | s + a + ' ')
  SET n.searchText = n.name + ' ' + coalesce(n.nameEn, '') + ' ' + coalesce(n.nameSv, '') + ' ' + n.aliasText
  FOREACH (ws IN CASE WHEN w IS NULL OR row.nodeType = 'Workspace' THEN [] ELSE [w] END |
    MERGE (n)-[:IN_WORKSPACE]->(ws))
  RETURN n
}
RETURN row.changeId AS changeId, error, CASE WHEN n IS NULL THEN null ELSE n {.*, type: row.nodeType} END AS node
