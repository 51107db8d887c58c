// Side streams of a workspace without a taker: SideStream nodes no SUPPLIES link leaves, with their
// producers (PRODUCES), largest first.
// Parameters: $workspaceId.
// Columns: id, name, nameEn, nameSv, material, tonnesPerYear, producers (list of {id, name}).
MATCH (w:Workspace {id: $workspaceId})<-[:IN_WORKSPACE]-(s:SideStream)
WHERE NOT EXISTS { (s)-[:SUPPLIES]->(:Entity) }
OPTIONAL MATCH (o:Organisation)-[:PRODUCES]->(s)
WITH s, collect(o {.id, .name}) AS producers
RETURN s.id AS id, s.name AS name, s.nameEn AS nameEn, s.nameSv AS nameSv, s.material AS material,
  s.tonnesPerYear AS tonnesPerYear, producers
ORDER BY coalesce(s.tonnesPerYear, 0) DESC, s.id
