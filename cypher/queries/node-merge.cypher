// Merges a node into another of the same type in the workspace (two entries for one organisation).
// Every relationship of the merged node moves to the survivor with the same type, direction,
// properties and id (dynamic type in CREATE), unless the survivor already has a link of that type and
// direction to the same node: then the two collapse into the survivor's, which takes the properties it
// lacked. A link between the two would become a self-loop and is dropped. The survivor takes the
// fields it lacked from the merged node (not who created it, its workshop or hidden); the merged
// node's name and aliases become aliases of the survivor, and the merged node is deleted. The old
// relationships go before the new ones are created (ids are unique per type); the survivor's own
// IN_WORKSPACE is merged again. The worker runs each merge on its own.
// Parameters: $rows = [{changeId, workspaceId, nodeType, survivorId, mergedId, at}].
// Columns: changeId, error (null, MERGE_NOT_FOUND, MERGE_TYPE_MISMATCH or MERGE_SAME_NODE), node (the
// survivor: stored properties + type), movedEdges (properties + type, source, target), collapsedEdges
// ([{id, into}]), undo (what unmerge needs: the merged node's properties, the survivor's aliases before
// and the fields it took, the moved link ids, the collapsed and dropped links with their properties).
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
  WHERE type(r) <> 'IN_WORKSPACE' AND x <> m
  WITH row, s, m, w, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), props: properties(r), out: startNode(r) = m, other: x} END) AS all
  WITH row, s, m, w, [rel IN all WHERE rel.other <> s] AS rels, [rel IN all WHERE rel.other = s | {type: rel.type, props: rel.props, out: rel.out}] AS dropped,
    [m.name] + coalesce(m.aliases, []) AS names, properties(m) AS theirs, properties(s) AS own
  DETACH DELETE m
  WITH row, s, w, rels, dropped, names, theirs, own
  CALL (s, rels) {
    UNWIND rels AS rel
    WITH s, rel, rel.other AS x
    OPTIONAL MATCH (s)-[twin]-(x)
    WHERE type(twin) = rel.type AND (startNode(twin) = s) = rel.out
    WITH s, rel, x, head(collect(twin)) AS twin
    CALL (s, rel, x, twin) {
      WITH s, rel, x, twin WHERE twin IS NOT NULL
      WITH x, twin, rel, properties(twin) AS before, [k IN keys(rel.props) WHERE twin[k] IS NULL] AS taken
      SET twin += rel.props
      SET twin += before
      RETURN null AS edge, {id: rel.props.id, into: twin.id} AS collapsed,
        {type: rel.type, props: rel.props, out: rel.out, other: x.id, into: twin.id, taken: taken} AS undoCollapsed
      UNION
      WITH s, rel, x, twin WHERE twin IS NULL AND rel.out
      CREATE (s)-[r2:$(rel.type)]->(x)
      SET r2 = rel.props
      RETURN r2 {.*, type: type(r2), source: s.id, target: x.id} AS edge, null AS collapsed, null AS undoCollapsed
      UNION
      WITH s, rel, x, twin WHERE twin IS NULL AND NOT rel.out
      CREATE (x)-[r2:$(rel.type)]->(s)
      SET r2 = rel.props
      RETURN r2 {.*, type: type(r2), source: x.id, target: s.id} AS edge, null AS collapsed, null AS undoCollapsed
    }
    RETURN collect(edge) AS movedEdges, collect(collapsed) AS collapsedEdges, collect(undoCollapsed) AS undoCollapsed
  }
  MERGE (s)-[:IN_WORKSPACE]->(w)
  WITH row, s, movedEdges, collapsedEdges, undoCollapsed, dropped, own, theirs,
    [k IN keys(theirs) WHERE NOT k IN keys(own) AND NOT k IN ['createdBy', 'workshopId', 'hidden'] AND NOT k STARTS WITH 'metrics_'] AS filled,
    reduce(acc = coalesce(s.aliases, []), a IN names | CASE WHEN a IS NULL OR a = s.name OR a IN acc THEN acc ELSE acc + a END) AS aliases
  SET s += theirs
  SET s += own
  SET s.createdBy = own.createdBy, s.workshopId = own.workshopId, s.hidden = own.hidden
  SET s.aliases = aliases, s.updatedAt = datetime(row.at), s.version = own.version + 1
  SET s.aliasText = reduce(t = '', a IN aliases | t + a + ' ')
  SET s.searchText = s.name + ' ' + coalesce(s.nameEn, '') + ' ' + coalesce(s.nameSv, '') + ' ' + s.aliasText
  RETURN s AS survivor, movedEdges, collapsedEdges, {
    merged: theirs, aliasesBefore: coalesce(own.aliases, []), filled: filled,
    moved: [e IN movedEdges | e.id], collapsed: undoCollapsed, dropped: dropped
  } AS undo
}
RETURN row.changeId AS changeId, error,
  CASE WHEN survivor IS NULL THEN null ELSE survivor {.*, type: row.nodeType} END AS node,
  coalesce(movedEdges, []) AS movedEdges, coalesce(collapsedEdges, []) AS collapsedEdges, undo
