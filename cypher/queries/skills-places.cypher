// The cities and regions of a workspace, for the skills gap report: names, a city's coordinates and
// regions, and the coordinates of a region's cities (the report orders other regions by distance
// between their cities' centres).
// Parameters: $workspaceId.
// Columns: id, type ('City' or 'Region'), name, nameEn, nameSv, lat, lon (null for a region),
// regionIds (a city's regions), cityCoords (a region's cities as [lat, lon]).
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(p:City|Region)
WHERE coalesce(p.hidden, false) = false
RETURN p.id AS id, CASE WHEN p:City THEN 'City' ELSE 'Region' END AS type,
  p.name AS name, p.nameEn AS nameEn, p.nameSv AS nameSv, p.lat AS lat, p.lon AS lon,
  [(p)-[:IN_REGION]->(r:Region)-[:IN_WORKSPACE]->(w) | r.id] AS regionIds,
  [(c:City)-[:IN_REGION]->(p)
    WHERE c.lat IS NOT NULL AND c.lon IS NOT NULL AND EXISTS { (c)-[:IN_WORKSPACE]->(w) } | [c.lat, c.lon]] AS cityCoords
ORDER BY p.id
