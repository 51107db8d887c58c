// The stored metrics summary of a workspace (null fields before the first computation).
// Parameters: $workspaceId.
// Columns: computedAt, modularity, communityCount, notes, nodeCount.
MATCH (w:Workspace {id: $workspaceId})
RETURN w.metrics_computedAt AS computedAt, w.metrics_modularity AS modularity,
  w.metrics_communityCount AS communityCount, w.metrics_notes AS notes, w.metrics_nodeCount AS nodeCount
