// Stores the network metrics of a workspace's nodes in one batched write: one metrics_* property per
// metric on each node (Neo4j has no map properties). Derived data: no version, updatedAt or change-log
// entry is touched. Nodes deleted since the graph was read are skipped. The Workspace node, which every
// change batch locks for its sequence number, is not touched here (metrics-summary-store, afterwards).
// Parameters: $workspaceId, $rows ([{id, metrics: {metrics_degree, metrics_weightedDegree,
//   metrics_betweenness, metrics_closeness, metrics_pagerank, metrics_eigenvector, metrics_community,
//   metrics_kcore, metrics_broker, metrics_brokerCities, metrics_brokerRegions}}]).
// Columns: stored (number of nodes written).
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})-[:IN_WORKSPACE]->(:Workspace {id: $workspaceId})
SET n += row.metrics
RETURN count(n) AS stored
