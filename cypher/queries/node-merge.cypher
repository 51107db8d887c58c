// Merges a node into another of the same type in the workspace (a workshop facilitator joining two
// entries for one organisation). Every relationship of the merged node moves to the survivor with the
// same type, direction, properties and id (dynamic type in CREATE); one between the two would become a
// self-loop and is dropped. The merged node's name and aliases become aliases of the survivor, and the
// merged node is deleted. The old relationships go before the new ones are created (ids are unique per
// type); the survivor's own IN_WORKSPACE is merged again. The worker runs each merge on its own.
// Parameters: $rows = [{changeId, workspaceId, nodeType, survivorId, mergedId, at}].
// Columns: changeId, error (null, MERGE_NOT_FOUND, MERGE_TYPE_MISMATCH or MERGE_SAME_NODE), node (the
// survivor: stored properties + type), movedEdges (properties + type, source, target).
UNWIND $rows AS row
OPTIONAL MATCH (s:Entity {id: row.survivorId})-[:IN_WORKSPACE]->(w:Workspace {id: row.workspaceId})
OPTIONAL MATCH (m:Entity {id: row.mergedId})-[:IN_WORKSPACE]->(:Workspace {id: row.workspaceId})
WITH row, s, m, w,
  CASE
    WHEN row.survivorId = row.mergedId THEN 'MERGE_SAME_NODE'
    WHEN s IS NULL OR m IS NULL THEN 'MERGE_NOT_FOUND'
    WHEN NOT row.nodeType IN labels(s) OR NOT row.nodeType IN labels(m) THEN 'MERGE_TYPE_MISMATCH'
  END AS error
OPTIONAL CALL (row, s, m, w, error) {
  WITH row, s, m, w WHERE error IS NULL
  OPTIONAL MATCH (m)-[r]-(x:Entity)
  WHERE type(r) <> 'IN_WORKSPACE' AND x <> s AND x <> m
  WITH row, s, m, w, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), props: properties(r), out: startNode(r) = m, other: x} END) AS rels
  WITH row, s, m, w, rels, [m.name] + coalesce(m.aliases, []) AS names
  DETACH DELETE m
  WITH row, s, w, rels, names
  CALL (s, rels) {
    UNWIND rels AS rel
    WITH s, rel, rel.other AS x
    CALL (s, rel, x) {
      WITH s, rel, x WHERE rel.out
      CREATE (s)-[r2:$(rel.type)]->(x)
      SET r2 = rel.props
      RETURN r2 {.*, type: type(r2), source: s.id, target: x.id} AS edge
      UNION
      WITH s, rel, x WHERE NOT rel.out
      CREATE (x)-[r2:$(rel.type)]->(s)
      SET r2 = rel.props
      RETURN r2 {.*, type: type(r2), source: x.id, target: s.id} AS edge
    }
    RETURN collect(edge) AS movedEdges
  }
  MERGE (s)-[:IN_WORKSPACE]->(w)
  WITH row, s, movedEdges, reduce(acc = coalesce(s.aliases, []), a IN names |
    CASE WHEN a IS NULL OR a = s.name OR a IN acc THEN acc ELSE acc + a END) AS aliases
  SET s.aliases = aliases, s.updatedAt = datetime(row.at), s.version = s.version + 1
  SET s.aliasText = reduce(t = '', a IN aliases | t + a + ' ')
  SET s.searchText = s.name + ' ' + coalesce(s.nameEn, '') + ' ' + coalesce(s.nameSv, '') + ' ' + s.aliasText
  RETURN s AS survivor, movedEdges
}
RETURN row.changeId AS changeId, error,
  CASE WHEN survivor IS NULL THEN null ELSE survivor {.*, type: row.nodeType} END AS node,
  coalesce(movedEdges, []) AS movedEdges
