// Projects of a workspace linked directly to any of the given nodes (as lead, partner, funder, theme,
// programme or place), hidden ones included: for catching a cached overlap index up after those nodes
// changed (e.g. an organisation shown again, whose projects did not name it while it was hidden).
// Parameters: $workspaceId, $nodeIds ([id]). Columns: projectId.
UNWIND $nodeIds AS nodeId
MATCH (n:Entity {id: nodeId})-[:LEADS|PARTNER_IN|FUNDS|FUNDED_BY|FOCUSES_ON|LOCATED_IN|PART_OF]-(p:Project)
WHERE (p)-[:IN_WORKSPACE]->(:Workspace {id: $workspaceId})
RETURN DISTINCT p.id AS projectId
