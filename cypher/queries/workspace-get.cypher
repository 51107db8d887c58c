// One workspace. Parameters: $workspaceId. Columns: workspace, seq, nodeCount.
MATCH (w:Workspace {id: $workspaceId})
RETURN w {.*, type: 'Workspace'} AS workspace, coalesce(w.lastSeq, 0) AS seq,
  COUNT { (w)<-[:IN_WORKSPACE]-() } AS nodeCount
