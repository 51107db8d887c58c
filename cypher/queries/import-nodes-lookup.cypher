// Which of these ids an import may use: each existing node with its type, whether it is in the
// workspace, and its stored properties (to tell an unchanged row from an update).
// Parameters: $ids = [id], $workspaceId. Columns: id, type, inWorkspace, props (stored properties).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id,
  [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
  EXISTS { (n)-[:IN_WORKSPACE]->(:Workspace {id: $workspaceId}) } AS inWorkspace,
  n {.*} AS props
