// Deletes a saved view (its share link goes with it). Parameters: $workspaceId, $id.
// Columns: id (no row when there was no such view).
MATCH (v:View {id: $id})
WHERE v.workspaceId = $workspaceId
WITH v, v.id AS id
DETACH DELETE v
RETURN id
