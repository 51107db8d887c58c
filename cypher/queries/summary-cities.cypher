// The cities of a workspace by how many organisations are located in them (most first).
// Parameters: $workspaceId, $limit (integer).
// Columns: id, name, organisations (integer), projects (integer: distinct projects those organisations
//   lead or take part in).
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(c:City)
WHERE c.hidden IS NULL OR c.hidden = false
OPTIONAL MATCH (c)<-[:LOCATED_IN]-(o:Organisation)-[:IN_WORKSPACE]->(w)
WHERE o.hidden IS NULL OR o.hidden = false
WITH c, collect(DISTINCT o) AS orgs
CALL (orgs) {
  UNWIND orgs AS o
  MATCH (o)-[:LEADS|PARTNER_IN]->(p:Project)
  RETURN count(DISTINCT p) AS projects
}
RETURN c.id AS id, c.name AS name, size(orgs) AS organisations, projects
ORDER BY organisations DESC, projects DESC, name
LIMIT $limit
