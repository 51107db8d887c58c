// The change-log sequence number of one workspace, for caches keyed on it (cheap: workspace-get also
// counts the workspace's nodes, which takes 100+ ms on a workspace of 150,000 nodes).
// Parameters: $workspaceId. Columns: seq (no row: no such workspace).
MATCH (w:Workspace {id: $workspaceId})
RETURN coalesce(w.lastSeq, 0) AS seq
