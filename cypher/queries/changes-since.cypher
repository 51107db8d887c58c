// The change log of a workspace after a sequence number, oldest first.
// Parameters: $workspaceId, $after (int), $limit (int). Columns: seq, event (JSON text).
MATCH (c:Change)
WHERE c.workspaceId = $workspaceId AND c.seq > $after
RETURN c.seq AS seq, c.event AS event
ORDER BY c.seq
LIMIT $limit
