// The names and identifying fields of one node type in a workspace, for the entity matcher.
// Parameters: $workspaceId, $nodeType. Columns: record ({id, type, name, aliases, nameEn, nameSv,
// businessId, website}).
MATCH (:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(n:$($nodeType))
WHERE coalesce(n.hidden, false) = false
RETURN n {.id, .name, .aliases, .nameEn, .nameSv, .businessId, .website, type: $nodeType} AS record
