// Creates an open workshop in an existing workspace; no row when the workspace does not exist, and a
// taken code fails on the workshop_code constraint (the caller retries with another code).
// Parameters: $id, $code, $title, $language, $endsAt (ISO datetime), $allowedTypes, $facilitatorId, $workspaceId,
// $projectorKey (the read-only key of the projector link).
// Columns: workshop (every property).
MATCH (ws:Workspace {id: $workspaceId})
CREATE (w:Workshop {
  id: $id, code: $code, title: $title, language: $language, endsAt: datetime($endsAt),
  allowedTypes: $allowedTypes, state: 'open', facilitatorId: $facilitatorId, workspaceId: ws.id, projectorKey: $projectorKey,
  createdAt: datetime()
})
RETURN w {.*} AS workshop
