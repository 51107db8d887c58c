// Organisations flagged as brokers by the stored metrics (they alone join organisations of different
// cities), most cities first.
// Parameters: $workspaceId, $limit (integer).
// Columns: id, name, brokerCities (integer), brokerRegions (integer), betweenness (float).
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(n:Organisation)
WHERE n.metrics_broker = true AND (n.hidden IS NULL OR n.hidden = false)
RETURN n.id AS id, n.name AS name, n.metrics_brokerCities AS brokerCities, n.metrics_brokerRegions AS brokerRegions,
  n.metrics_betweenness AS betweenness
ORDER BY brokerCities DESC, brokerRegions DESC, betweenness DESC, id
LIMIT $limit
