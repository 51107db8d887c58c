// The ids of a workspace's visible projects, in id order (to read them in pages).
// Parameters: $workspaceId. Columns: id.
MATCH (:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(p:Project)
WHERE coalesce(p.hidden, false) = false
RETURN p.id AS id
ORDER BY id
