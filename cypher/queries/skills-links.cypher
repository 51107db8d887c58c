// Competences organisations of a workspace need (NEEDS) and education providers offer training in
// (OFFERS_TRAINING, with its level), one row per link to a theme of the given kind; with where the
// organisation is: its LOCATED_IN cities, and the regions of those cities or LOCATED_IN a region
// directly. Hidden nodes are left out.
// Parameters: $workspaceId, $kind ('skill').
// Columns: relType, level (null for NEEDS), org ({id, name}), theme ({id, name, nameEn, nameSv}),
// cityIds, regionIds.
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(o:Organisation)-[l:NEEDS|OFFERS_TRAINING]->(t:Theme)-[:IN_WORKSPACE]->(w)
WHERE t.kind = $kind AND coalesce(o.hidden, false) = false AND coalesce(t.hidden, false) = false
RETURN type(l) AS relType, l.level AS level,
  o {.id, .name} AS org,
  t {.id, .name, .nameEn, .nameSv} AS theme,
  [(o)-[:LOCATED_IN]->(c:City)-[:IN_WORKSPACE]->(w) | c.id] AS cityIds,
  [(o)-[:LOCATED_IN]->(:City)-[:IN_REGION]->(r:Region)-[:IN_WORKSPACE]->(w) | r.id]
    + [(o)-[:LOCATED_IN]->(r:Region)-[:IN_WORKSPACE]->(w) | r.id] AS regionIds
ORDER BY t.id, o.id
