// Everything a workshop added to its workspace, for its facilitator's export: the nodes and links
// carrying its workshopId (hidden ones too, with hidden: true), its participants (for their display
// names), and the change-log entries that created its entries (for who and when).
// Parameters: $workspaceId, $workshopId.
// Columns: nodes (properties + type), relationships (properties + type, source, target, sourceName,
// targetName), participants ([{id, displayName}]), added ([{event (JSON text), at, actor}], by seq).
MATCH (w:Workspace {id: $workspaceId})
CALL (w) {
  OPTIONAL MATCH (n:Entity {workshopId: $workshopId})-[:IN_WORKSPACE]->(w)
  WITH n ORDER BY n.createdAt, n.id
  RETURN collect(n {.*, type: [l IN labels(n) WHERE l <> 'Entity'][0]}) AS nodes
}
CALL (w) {
  OPTIONAL MATCH (w)<-[:IN_WORKSPACE]-(a:Entity)-[r]->(b:Entity)
  WHERE r.workshopId = $workshopId
  WITH a, r, b ORDER BY r.createdAt, r.id
  RETURN collect(r {.*, type: type(r), source: a.id, target: b.id, sourceName: a.name, targetName: b.name}) AS relationships
}
CALL () {
  OPTIONAL MATCH (p:Participant {workshopId: $workshopId})
  RETURN collect(p {.id, .displayName}) AS participants
}
CALL () {
  OPTIONAL MATCH (c:Change {workshopId: $workshopId})
  WHERE c.workspaceId = $workspaceId AND c.op IN ['node:created', 'relationship:created']
  WITH c ORDER BY c.seq
  RETURN collect(c {.event, .at, .actor}) AS added
}
RETURN nodes, relationships, participants, added
