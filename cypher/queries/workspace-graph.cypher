// The nodes and edges of a workspace for the client, with optional filters, and the sequence number
// the snapshot reflects (read in the same transaction).
// A node passes the city filter when it is the city, touches it, or touches something located in it;
// region and theme filters work the same way through IN_REGION and FOCUSES_ON.
// Parameters: $workspaceId, $types (nullable list of node types), $cities, $regions, $themes (nullable id
// lists: any one of them), $periodFrom, $periodTo (nullable YYYY-MM-DD: dated nodes overlapping the period;
// undated ones pass), $metricRanges ([{property: 'metrics_…', min, max}], nullable bounds; all must hold, a
// node without the property fails). Built by graphFilterParams (api/services/graph-reads.ts).
// Columns: seq, nodes, edges (edges may reach nodes outside the filter; the service drops those).
// createdAt and updatedAt come as epoch milliseconds (the service makes them ISO strings again): the
// driver decodes a DATETIME with 64-bit integer arithmetic, over half the API's time for 10,000 elements.
MATCH (w:Workspace {id: $workspaceId})
OPTIONAL MATCH (w)<-[:IN_WORKSPACE]-(n:Entity)
WHERE ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
  AND ($cities IS NULL OR n.id IN $cities
       OR EXISTS { (n)--(c:City) WHERE c.id IN $cities }
       OR EXISTS { (n)--()-[:LOCATED_IN]->(c:City) WHERE c.id IN $cities })
  AND ($regions IS NULL OR n.id IN $regions
       OR EXISTS { (n)-[:LOCATED_IN|IN_REGION*1..2]-(r:Region) WHERE r.id IN $regions }
       OR EXISTS { (n)--()-[:LOCATED_IN]->(:City)-[:IN_REGION]->(r:Region) WHERE r.id IN $regions })
  AND ($themes IS NULL OR n.id IN $themes
       OR EXISTS { (n)-[:FOCUSES_ON]->(t:Theme) WHERE t.id IN $themes }
       OR EXISTS { (n)--()-[:FOCUSES_ON]->(t:Theme) WHERE t.id IN $themes })
  AND ($periodTo IS NULL OR n.startDate IS NULL OR n.startDate <= date($periodTo))
  AND ($periodFrom IS NULL OR n.endDate IS NULL OR n.endDate >= date($periodFrom))
  AND all(m IN $metricRanges WHERE n[m.property] IS NOT NULL
       AND (m.min IS NULL OR n[m.property] >= m.min) AND (m.max IS NULL OR n[m.property] <= m.max))
WITH w, collect(n) AS nodes
CALL (w, nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) <> 'IN_WORKSPACE' AND EXISTS { (b)-[:IN_WORKSPACE]->(w) }
  RETURN collect(r {.*, type: type(r), source: a.id, target: b.id, createdAt: r.createdAt.epochMillis, updatedAt: r.updatedAt.epochMillis}) AS edges
}
RETURN coalesce(w.lastSeq, 0) AS seq,
  [n IN nodes | n {.*, type: [l IN labels(n) WHERE l <> 'Entity'][0], createdAt: n.createdAt.epochMillis, updatedAt: n.updatedAt.epochMillis}] AS nodes,
  edges
