// A page of one node type in a workspace, by name, with optional filters.
// Parameters: $workspaceId, $nodeType, $q (nullable, substring of the name, case-insensitive),
// $city, $region, $theme (nullable ids), $orgType (nullable), $offset, $limit.
// Columns: total, items.
MATCH (:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(n:$($nodeType))
WHERE ($q IS NULL OR toLower(n.name) CONTAINS toLower($q) OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS toLower($q)))
  AND ($orgType IS NULL OR n.orgType = $orgType)
  AND ($city IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:City {id: $city}) })
  AND ($region IS NULL OR EXISTS { (n)-[:LOCATED_IN|IN_REGION*1..2]->(:Region {id: $region}) })
  AND ($theme IS NULL OR EXISTS { (n)-[:FOCUSES_ON]->(:Theme {id: $theme}) })
WITH n ORDER BY n.name, n.id
WITH collect(n) AS matched
RETURN size(matched) AS total, [n IN matched[$offset..($offset + $limit)] | n {.*, type: $nodeType}] AS items
