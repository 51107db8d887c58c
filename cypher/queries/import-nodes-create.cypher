// An import chunk's new nodes (worker/import/apply-chunk.ts), created in one go: the import planned
// them as new, so a row whose id is taken by now (someone created it meanwhile) is left out, and only
// such rows come back. Stored like node-create (createdAt, version 1, aliasText, searchText).
// Parameters: $workspaceId, $rows = [{nodeType, nodeId, props, at}].
// Columns: nodeId, error (ID_TAKEN or WORKSPACE_NOT_FOUND): one row per node NOT created.
OPTIONAL MATCH (w:Workspace {id: $workspaceId})
UNWIND $rows AS row
OPTIONAL MATCH (taken:Entity {id: row.nodeId})
WITH w, row, CASE WHEN w IS NULL THEN 'WORKSPACE_NOT_FOUND' WHEN taken IS NOT NULL THEN 'ID_TAKEN' END AS error
CALL (w, row, error) {
  WITH w, row WHERE error IS NULL
  CREATE (n:Entity:$(row.nodeType) {id: row.nodeId})
  SET n += row.props, n.createdAt = datetime(row.at), n.updatedAt = datetime(row.at), n.version = 1
  SET n.aliasText = reduce(s = '', a IN coalesce(n.aliases, []) | s + a + ' ')
  SET n.searchText = n.name + ' ' + coalesce(n.nameEn, '') + ' ' + coalesce(n.nameSv, '') + ' ' + n.aliasText
  CREATE (n)-[:IN_WORKSPACE]->(w)
}
WITH row, error WHERE error IS NOT NULL
RETURN row.nodeId AS nodeId, error
