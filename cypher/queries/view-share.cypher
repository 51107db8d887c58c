// Sets or clears (revokes) the SHA-256 of a view's read-only share token; the token itself is never stored.
// Parameters: $workspaceId, $id, $tokenHash (hex, or null to revoke). No row when there is no such view.
// Columns: view (id, workspaceId, name, definition, createdAt, updatedAt, shared).
MATCH (v:View {id: $id})
WHERE v.workspaceId = $workspaceId
SET v.shareTokenHash = $tokenHash, v.sharedAt = CASE WHEN $tokenHash IS NULL THEN null ELSE datetime() END
RETURN v {.id, .workspaceId, .name, .definition, .createdAt, .updatedAt, shared: v.shareTokenHash IS NOT NULL} AS view
