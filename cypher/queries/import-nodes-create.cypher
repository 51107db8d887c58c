// An import chunk's new nodes (worker/import/apply-chunk.ts), created in one go, with no per-row
// subquery: the rows whose id is taken by now were left out first (import-ids-taken). Stored like
// node-create (createdAt, version 1, aliasText, searchText), the derived texts from the row itself.
// Parameters: $workspaceId, $at (ISO time of the chunk), $rows = [{nodeType, nodeId, props}].
// Columns: created (count).
MATCH (w:Workspace {id: $workspaceId})
UNWIND $rows AS row
CREATE (n:Entity:$(row.nodeType))
SET n = row.props, n.id = row.nodeId, n.createdAt = datetime($at), n.updatedAt = datetime($at), n.version = 1,
  n.aliasText = reduce(s = '', a IN coalesce(row.props.aliases, []) | s + a + ' ')
SET n.searchText = row.props.name + ' ' + coalesce(row.props.nameEn, '') + ' ' + coalesce(row.props.nameSv, '') + ' ' + n.aliasText
CREATE (n)-[:IN_WORKSPACE]->(w)
RETURN count(*) AS created
