// Undoes a merge from what node-merge recorded (MergeUndo in domain/changes.ts): the merged node comes
// back with its properties, id and type; the links that moved go back to it with their ids; links that
// collapsed into one of the survivor's, or were dropped between the two, are made again (and the
// survivor's link loses the properties it took); the survivor loses the fields it took and gets its
// aliases back. The merge's log entry is marked revertedBy, so a merge is undone once. The worker runs
// each unmerge on its own.
// Parameters: $rows = [{changeId, workspaceId, nodeType, survivorId, mergedId, mergeChangeId, at,
//   merged, aliasesBefore, filled, moved, collapsed: [{type, props, out, other, into, taken}],
//   dropped: [{type, props, out}]}].
// Columns: changeId, error (null, UNMERGE_NOT_FOUND, ALREADY_UNMERGED or ID_IN_USE), node (the survivor),
// restored (the merged node again), edges (the restored node's links: properties + type, source, target).
UNWIND $rows AS row
OPTIONAL MATCH (s:Entity {id: row.survivorId})-[:IN_WORKSPACE]->(w:Workspace {id: row.workspaceId})
OPTIONAL MATCH (mc:Change {id: row.mergeChangeId})
OPTIONAL MATCH (taken:Entity {id: row.mergedId})
WITH row, s, w, mc,
  CASE
    WHEN s IS NULL OR mc IS NULL OR mc.workspaceId <> row.workspaceId THEN 'UNMERGE_NOT_FOUND'
    WHEN mc.revertedBy IS NOT NULL THEN 'ALREADY_UNMERGED'
    WHEN taken IS NOT NULL THEN 'ID_IN_USE'
  END AS error
OPTIONAL CALL (row, s, w, mc, error) {
  WITH row, s, w, mc WHERE error IS NULL
  CREATE (m:Entity:$(row.nodeType))
  SET m = row.merged, m.id = row.mergedId, m.createdAt = datetime(row.merged.createdAt),
    m.updatedAt = datetime(row.at), m.version = toInteger(coalesce(row.merged.version, 0)) + 1
  CREATE (m)-[:IN_WORKSPACE]->(w)
  SET mc.revertedBy = row.changeId
  WITH row, s, m
  CALL (row, s, m) {
    CALL (row, s, m) {
      // The links that moved: same id, type, direction and properties, on the restored node again.
      UNWIND row.moved AS relId
      MATCH (s)-[r]-(x:Entity)
      WHERE r.id = relId AND type(r) <> 'IN_WORKSPACE'
      WITH m, r, x, type(r) AS relType, properties(r) AS props, startNode(r) = s AS out
      DELETE r
      RETURN relType, props, out, x AS other
      UNION
      // Collapsed into one of the survivor's: made again; the survivor's link gives back what it took.
      UNWIND row.collapsed AS rel
      MATCH (x:Entity {id: rel.other})
      OPTIONAL MATCH (s)-[twin]-(x) WHERE twin.id = rel.into
      FOREACH (k IN CASE WHEN twin IS NULL THEN [] ELSE rel.taken END | SET twin[k] = null)
      RETURN rel.type AS relType, rel.props AS props, rel.out AS out, x AS other
      UNION
      // Dropped as a self-loop: between the two again.
      UNWIND row.dropped AS rel
      RETURN rel.type AS relType, rel.props AS props, rel.out AS out, s AS other
    }
    CALL (m, relType, props, out, other) {
      WITH m, relType, props, other WHERE out
      CREATE (m)-[r2:$(relType)]->(other)
      SET r2 = props, r2.createdAt = datetime(props.createdAt), r2.updatedAt = datetime(props.updatedAt)
      RETURN r2 {.*, type: type(r2), source: m.id, target: other.id} AS edge
      UNION
      WITH m, relType, props, other WHERE NOT out
      CREATE (other)-[r2:$(relType)]->(m)
      SET r2 = props, r2.createdAt = datetime(props.createdAt), r2.updatedAt = datetime(props.updatedAt)
      RETURN r2 {.*, type: type(r2), source: other.id, target: m.id} AS edge
    }
    RETURN collect(edge) AS edges
  }
  WITH row, s, m, edges
  FOREACH (k IN row.filled | SET s[k] = null)
  SET s.aliases = row.aliasesBefore, s.updatedAt = datetime(row.at), s.version = s.version + 1
  SET s.aliasText = reduce(t = '', a IN row.aliasesBefore | t + a + ' ')
  SET s.searchText = s.name + ' ' + coalesce(s.nameEn, '') + ' ' + coalesce(s.nameSv, '') + ' ' + s.aliasText
  RETURN s AS survivor, m AS restored, edges
}
RETURN row.changeId AS changeId, error,
  CASE WHEN survivor IS NULL THEN null ELSE survivor {.*, type: row.nodeType} END AS node,
  CASE WHEN restored IS NULL THEN null ELSE restored {.*, type: row.nodeType} END AS restored,
  coalesce(edges, []) AS edges
