// The read-only key of a workshop's projector link, made on first use for workshops created before
// projector links existed (an existing key is kept). Parameters: $id, $key (a fresh random key).
// Columns: projectorKey.
MATCH (w:Workshop {id: $id})
SET w.projectorKey = coalesce(w.projectorKey, $key)
RETURN w.projectorKey AS projectorKey
