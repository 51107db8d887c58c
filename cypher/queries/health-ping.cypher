// Liveness of the database. Parameters: none. Columns: ok.
RETURN 1 AS ok
