// The ids of a workspace's nodes that pass the graph filters, for an export with filters (one row each,
// streamed). The predicate is the one of workspace-graph.cypher: keep the two in step (test/export.test.ts
// compares a filtered export with the filtered graph read).
// Parameters: $workspaceId, $types (nullable list of node types), $cities, $regions, $themes (nullable id
// lists: any one of them), $periodFrom, $periodTo (nullable YYYY-MM-DD: dated nodes overlapping the period;
// undated ones pass), $metricRanges ([{property: 'metrics_…', min, max}], nullable bounds; all must hold, a
// node without the property fails). Built by graphFilterParams (api/services/graph-reads.ts).
// Columns: id.
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(n:Entity)
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
RETURN n.id AS id
