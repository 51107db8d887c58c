// Replaces a saved view's name and definition (the share link, if any, stays).
// Parameters: $workspaceId, $id, $name, $definition (JSON text). No row when there is no such view.
// Columns: view (id, workspaceId, name, definition, createdAt, updatedAt, shared).
MATCH (v:View {id: $id})
WHERE v.workspaceId = $workspaceId
SET v.name = $name, v.definition = $definition, v.updatedAt = datetime()
RETURN v {.id, .workspaceId, .name, .definition, .createdAt, .updatedAt, shared: v.shareTokenHash IS NOT NULL} AS view
