// One logged change. Parameters: $id. Columns: changeId, workspaceId, seq, op, actor, at, appliedAt.
MATCH (c:Change {id: $id})
RETURN c.id AS changeId, c.workspaceId AS workspaceId, c.seq AS seq, c.op AS op, c.actor AS actor,
  c.at AS at, c.appliedAt AS appliedAt
