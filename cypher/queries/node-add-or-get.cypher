// Add-or-get: creates nodes, or returns the one already there with the same id and type in the
// workspace UNCHANGED (fields are set only on creation: the first to add it keeps what they wrote).
// Two participants adding the same organisation at once (same derived id) get one node: MERGE on the
// unique id serialises them, and rows of one batch see the nodes earlier rows created.
// Parameters: $rows = [{changeId, workspaceId, nodeType, nodeId, props, at}].
// Columns: changeId, error (null, ID_TAKEN or WORKSPACE_NOT_FOUND), node (stored properties + type).
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.nodeId})
OPTIONAL MATCH (w:Workspace {id: row.workspaceId})
WITH row, w,
  CASE
    WHEN w IS NULL THEN 'WORKSPACE_NOT_FOUND'
    WHEN existing IS NOT NULL AND NOT row.nodeType IN labels(existing) THEN 'ID_TAKEN'
    WHEN existing IS NOT NULL AND NOT EXISTS { (existing)-[:IN_WORKSPACE]->(w) } THEN 'ID_TAKEN'
  END AS error
OPTIONAL CALL (row, w, error) {
  WITH row, w WHERE error IS NULL
  MERGE (n:Entity {id: row.nodeId})
  ON CREATE SET n:$(row.nodeType), n += row.props, n.createdAt = datetime(row.at), n.updatedAt = datetime(row.at),
    n.version = 1,
    n.aliasText = reduce(s = '', a IN coalesce(row.props.aliases, []) | s + a + ' '),
    n.searchText = row.props.name + ' ' + coalesce(row.props.nameEn, '') + ' ' + coalesce(row.props.nameSv, '') + ' '
      + reduce(s = '', a IN coalesce(row.props.aliases, []) | s + a + ' ')
  MERGE (n)-[:IN_WORKSPACE]->(w)
  RETURN n
}
RETURN row.changeId AS changeId,
  CASE WHEN error IS NULL AND NOT row.nodeType IN labels(n) THEN 'ID_TAKEN' ELSE error END AS error,
  CASE WHEN n IS NULL OR NOT row.nodeType IN labels(n) THEN null ELSE n {.*, type: row.nodeType} END AS node
