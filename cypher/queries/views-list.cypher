// A workspace's saved views by name. Parameters: $workspaceId.
// Columns: view (id, workspaceId, name, definition, createdAt, updatedAt, shared).
MATCH (v:View {workspaceId: $workspaceId})
WITH v ORDER BY toLower(v.name), v.id
RETURN v {.id, .workspaceId, .name, .definition, .createdAt, .updatedAt, shared: v.shareTokenHash IS NOT NULL} AS view
