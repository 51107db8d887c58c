// A logged merge, for undoing it. Parameters: $id, $workspaceId.
// Columns: op (the logged event name), event (JSON text), undo (JSON text, or null for merges logged
// before undo was recorded), revertedBy (the unmerge change that undid it, or null).
MATCH (c:Change {id: $id})
WHERE c.workspaceId = $workspaceId
RETURN c.op AS op, c.event AS event, c.undo AS undo, c.revertedBy AS revertedBy
