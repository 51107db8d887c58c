// The nodes of a workspace with the highest stored value of one metric, with optional filters (city
// and theme as in workspace-graph: the node is it, touches it, or touches something located in it /
// focusing on it). Nodes without stored metrics are left out.
// Parameters: $workspaceId, $property (e.g. 'metrics_pagerank'), $types (nullable list), $city, $theme
//   (nullable ids), $limit (integer).
// Columns: id, type, name, value, metrics (map of the node's metrics_* properties).
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(n:Entity)
WHERE n[$property] IS NOT NULL
  AND ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
  AND ($city IS NULL OR n.id = $city
       OR EXISTS { (n)--(:City {id: $city}) }
       OR EXISTS { (n)--()-[:LOCATED_IN]->(:City {id: $city}) })
  AND ($theme IS NULL OR n.id = $theme
       OR EXISTS { (n)-[:FOCUSES_ON]->(:Theme {id: $theme}) }
       OR EXISTS { (n)--()-[:FOCUSES_ON]->(:Theme {id: $theme}) })
WITH n ORDER BY n[$property] DESC, n.id LIMIT $limit
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.name AS name, n[$property] AS value,
  n {.metrics_degree, .metrics_weightedDegree, .metrics_betweenness, .metrics_closeness, .metrics_pagerank,
     .metrics_eigenvector, .metrics_community, .metrics_kcore, .metrics_broker, .metrics_brokerCities,
     .metrics_brokerRegions} AS metrics
