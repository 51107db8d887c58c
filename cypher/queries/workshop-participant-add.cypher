// Records a participant who joined a workshop (their token lives in Redis; this outlives it, for the
// workshop's summary and export). Parameters: $id, $workshopId, $displayName, $joinedAt (ISO).
// Columns: participantId.
MERGE (p:Participant {id: $id})
ON CREATE SET p.workshopId = $workshopId, p.displayName = $displayName, p.joinedAt = datetime($joinedAt)
RETURN p.id AS participantId
