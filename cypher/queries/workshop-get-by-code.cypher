// One workshop by its join code. Parameters: $code (upper-case). Columns: workshop (every property).
MATCH (w:Workshop {code: $code})
RETURN w {.*} AS workshop
