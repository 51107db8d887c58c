// Appends applied changes to the log, numbering them per workspace without gaps. The workspace node
// holds the counter, so concurrent appends to one workspace serialise on its lock.
// Parameters: $groups = [{workspaceId, changes: [{id, at, actor, op, workshopId (nullable), event, undo (nullable)}]}]
// (event: JSON text; workshopId: the workshop the change was made in, for its summary and export;
// undo: JSON text of what undoing a merge needs, kept out of the event because it holds contact fields).
// Columns: changeId, seq.
UNWIND $groups AS g
MATCH (w:Workspace {id: g.workspaceId})
SET w.lastSeq = coalesce(w.lastSeq, 0) + size(g.changes)
WITH w, g, w.lastSeq - size(g.changes) AS base
UNWIND range(0, size(g.changes) - 1) AS i
WITH w, g.changes[i] AS c, base + i + 1 AS seq
CREATE (:Change {
  id: c.id, workspaceId: w.id, seq: seq, at: datetime(c.at), appliedAt: datetime(),
  actor: c.actor, op: c.op, workshopId: c.workshopId, event: c.event, undo: c.undo
})
RETURN c.id AS changeId, seq
