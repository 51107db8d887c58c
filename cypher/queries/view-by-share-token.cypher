// The view a share token opens, by the token's SHA-256. Parameters: $tokenHash.
// Columns: view (id, workspaceId, name, definition, createdAt, updatedAt, shared).
MATCH (v:View {shareTokenHash: $tokenHash})
RETURN v {.id, .workspaceId, .name, .definition, .createdAt, .updatedAt, shared: v.shareTokenHash IS NOT NULL} AS view
