// The ids of a workspace's nodes that pass the graph filters, for an export with filters (one row each,
// streamed). The predicate is the one of workspace-graph.cypher: keep the two in step (test/export.test.ts
// compares a filtered export with the filtered graph read).
// Parameters: $workspaceId, $types (nullable list of node types), $city, $region, $theme (nullable ids).
// Columns: id.
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(n:Entity)
WHERE ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
  AND ($city IS NULL OR n.id = $city
       OR EXISTS { (n)--(:City {id: $city}) }
       OR EXISTS { (n)--()-[:LOCATED_IN]->(:City {id: $city}) })
  AND ($region IS NULL OR n.id = $region
       OR EXISTS { (n)-[:LOCATED_IN|IN_REGION*1..2]-(:Region {id: $region}) }
       OR EXISTS { (n)--()-[:LOCATED_IN]->(:City)-[:IN_REGION]->(:Region {id: $region}) })
  AND ($theme IS NULL OR n.id = $theme
       OR EXISTS { (n)-[:FOCUSES_ON]->(:Theme {id: $theme}) }
       OR EXISTS { (n)--()-[:FOCUSES_ON]->(:Theme {id: $theme}) })
RETURN n.id AS id
