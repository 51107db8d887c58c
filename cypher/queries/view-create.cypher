// Saves a new view of a workspace (not map data: no :Entity label, no IN_WORKSPACE, so graph reads,
// search and exports never see it). No row when the workspace does not exist.
// Parameters: $workspaceId, $id, $name, $definition (the view as JSON text: filter, style, layout, camera).
// Columns: view (id, workspaceId, name, definition, createdAt, updatedAt, shared).
MATCH (w:Workspace {id: $workspaceId})
CREATE (v:View {id: $id, workspaceId: w.id, name: $name, definition: $definition, createdAt: datetime(), updatedAt: datetime()})-[:VIEW_OF]->(w)
RETURN v {.id, .workspaceId, .name, .definition, .createdAt, .updatedAt, shared: v.shareTokenHash IS NOT NULL} AS view
