// The ends of relationships by id (the worker reads them before deleting links, to know which
// projects a deletion touches). Parameters: $relIds = [id]. Columns: id, type, source, target.
UNWIND $relIds AS relId
MATCH (a:Entity)-[r {id: relId}]->(b:Entity)
RETURN relId AS id, type(r) AS type, a.id AS source, b.id AS target
