// Which of these changes are already in the log (a retried job must not apply twice).
// Parameters: $ids = [changeId]. Columns: changeId, seq, event (the applied event as JSON).
UNWIND $ids AS id
MATCH (c:Change {id: id})
RETURN c.id AS changeId, c.seq AS seq, c.event AS event
