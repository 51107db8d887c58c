// All workspaces. Parameters: none. Columns: workspace, seq, nodeCount.
MATCH (w:Workspace)
RETURN w {.*, type: 'Workspace'} AS workspace, coalesce(w.lastSeq, 0) AS seq,
  COUNT { (w)<-[:IN_WORKSPACE]-() } AS nodeCount
ORDER BY w.name
