// Stores the summary of a workspace's network metrics on its Workspace node (after metrics-store).
// Parameters: $workspaceId, $computedAt (ISO), $modularity, $communityCount, $notes (list of strings),
//   $nodeCount.
// Columns: workspaceId.
MATCH (w:Workspace {id: $workspaceId})
SET w.metrics_computedAt = $computedAt, w.metrics_modularity = $modularity,
    w.metrics_communityCount = $communityCount, w.metrics_notes = $notes, w.metrics_nodeCount = $nodeCount
RETURN w.id AS workspaceId
