// A workspace's nodes for an export, one row each (streamed: a big workspace is written as it is read),
// in id order, with every stored property (metrics_* included; the service removes internal and, for
// non-editors, personal fields).
// Parameters: $workspaceId, $ids (nullable list: only these nodes), $type (nullable: only this node type).
// Columns: node (properties + type).
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(n:Entity)
WHERE ($ids IS NULL OR n.id IN $ids) AND ($type IS NULL OR $type IN labels(n))
WITH n ORDER BY n.id
RETURN n {.*, type: [l IN labels(n) WHERE l <> 'Entity'][0]} AS node
