// What a workshop has added to its workspace: nodes and links carrying its workshopId, by kind, and the
// distinct cities its organisations are LOCATED_IN. Hidden nodes (and links touching one) are left out.
// Parameters: $workspaceId, $workshopId.
// Columns: participantsJoined, organisations, people, projects, themes, links, cities.
MATCH (w:Workspace {id: $workspaceId})
CALL (w) {
  OPTIONAL MATCH (n:Entity {workshopId: $workshopId})-[:IN_WORKSPACE]->(w)
  WHERE NOT coalesce(n.hidden, false)
  RETURN count(CASE WHEN n:Organisation THEN 1 END) AS organisations,
    count(CASE WHEN n:Person THEN 1 END) AS people,
    count(CASE WHEN n:Project THEN 1 END) AS projects,
    count(CASE WHEN n:Theme THEN 1 END) AS themes
}
CALL (w) {
  OPTIONAL MATCH (w)<-[:IN_WORKSPACE]-(a:Entity)-[r]->(b:Entity)
  WHERE r.workshopId = $workshopId AND NOT coalesce(a.hidden, false) AND NOT coalesce(b.hidden, false)
  RETURN count(r) AS links
}
CALL (w) {
  OPTIONAL MATCH (o:Organisation {workshopId: $workshopId})-[:IN_WORKSPACE]->(w)
  WHERE NOT coalesce(o.hidden, false)
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(c:City)
  RETURN count(DISTINCT c) AS cities
}
RETURN COUNT { (p:Participant {workshopId: $workshopId}) } AS participantsJoined,
  organisations, people, projects, themes, links, cities
