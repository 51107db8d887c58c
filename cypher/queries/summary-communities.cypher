// The largest stored communities (Louvain, metrics_community) of a workspace with their most central
// members by stored PageRank.
// Parameters: $workspaceId, $limit (integer: communities), $members (integer: names per community).
// Columns: community (integer), size (integer), members (list of {id, type, name}).
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(n:Entity)
WHERE n.metrics_community IS NOT NULL AND (n.hidden IS NULL OR n.hidden = false)
WITH n.metrics_community AS community, n ORDER BY n.metrics_pagerank DESC, n.id
WITH community, collect({id: n.id, type: [l IN labels(n) WHERE l <> 'Entity'][0], name: n.name}) AS ranked
RETURN community, size(ranked) AS size, ranked[0..$members] AS members
ORDER BY size DESC, community
LIMIT $limit
