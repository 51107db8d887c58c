// Moves a workshop to $state when its current state is one of $from (so a closed workshop stays closed
// whatever arrives later). Parameters: $id, $state ('open', 'paused' or 'closed'), $from (list of states).
// Columns: workshop (every property, after the change), changed (whether the state was moved).
MATCH (w:Workshop {id: $id})
WITH w, w.state IN $from AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET w.state = $state, w.updatedAt = datetime(),
      w.closedAt = CASE WHEN $state = 'closed' THEN datetime() ELSE w.closedAt END)
RETURN w {.*} AS workshop, changed
