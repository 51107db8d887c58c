// Relationships an import names, found from their (resolved) source node: type, ends and properties,
// to tell an unchanged row from a changed one.
// Parameters: $rows = [{id, source}]. Columns: id, type, source, target, props (stored properties).
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})-[r]->(b:Entity)
WHERE r.id = row.id
RETURN row.id AS id, type(r) AS type, a.id AS source, b.id AS target, r {.*} AS props
