// Which of these ids exist, with their type and version, and whether each is in the workspace. The
// API checks this before queueing a write so that obvious mistakes get an answer at once.
// Parameters: $ids = [id], $workspaceId. Columns: id, type (null when missing), version, inWorkspace,
// createdBy (the workshop participant who created it, or null), kind and orgType (checked by the link
// rules of NEEDS and OFFERS_TRAINING; null on other types).
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id,
  CASE WHEN n IS NULL THEN null ELSE [l IN labels(n) WHERE l <> 'Entity'][0] END AS type,
  n.version AS version,
  n.createdBy AS createdBy,
  n.kind AS kind,
  n.orgType AS orgType,
  n IS NOT NULL AND (n.id = $workspaceId OR EXISTS { (n)-[:IN_WORKSPACE]->(:Workspace {id: $workspaceId}) }) AS inWorkspace
