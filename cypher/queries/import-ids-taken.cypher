// Which of an import chunk's new node ids cannot be created (worker/import/apply-chunk.ts): the import
// planned them as free, but someone may have created one since; or the workspace is gone.
// Parameters: $workspaceId, $ids = [nodeId]. Columns: nodeId, error (ID_TAKEN or WORKSPACE_NOT_FOUND),
// one row per id that cannot be created.
OPTIONAL MATCH (w:Workspace {id: $workspaceId})
UNWIND $ids AS id
OPTIONAL MATCH (taken:Entity {id: id})
WITH id, w, taken WHERE w IS NULL OR taken IS NOT NULL
RETURN id AS nodeId, CASE WHEN w IS NULL THEN 'WORKSPACE_NOT_FOUND' ELSE 'ID_TAKEN' END AS error
