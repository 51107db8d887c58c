// The nodes and edges of a workspace for the client, with optional filters, and the sequence number
// the snapshot reflects (read in the same transaction).
// A node passes the city filter when it is the city, touches it, or touches something located in it;
// region and theme filters work the same way through IN_REGION and FOCUSES_ON.
// Parameters: $workspaceId, $types (nullable list of node types), $city, $region, $theme (nullable ids).
// Columns: seq, nodes, edges (edges may reach nodes outside the filter; the service drops those).
MATCH (w:Workspace {id: $workspaceId})
OPTIONAL MATCH (w)<-[:IN_WORKSPACE]-(n:Entity)
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
WITH w, collect(n) AS nodes
CALL (w, nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) <> 'IN_WORKSPACE' AND EXISTS { (b)-[:IN_WORKSPACE]->(w) }
  RETURN collect(r {.*, type: type(r), source: a.id, target: b.id}) AS edges
}
RETURN coalesce(w.lastSeq, 0) AS seq,
  [n IN nodes | n {.*, type: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
  edges
