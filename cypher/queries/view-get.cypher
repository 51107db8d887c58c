// One saved view of a workspace. Parameters: $workspaceId, $id.
// Columns: view (id, workspaceId, name, definition, createdAt, updatedAt, shared).
MATCH (v:View {id: $id})
WHERE v.workspaceId = $workspaceId
RETURN v {.id, .workspaceId, .name, .definition, .createdAt, .updatedAt, shared: v.shareTokenHash IS NOT NULL} AS view
