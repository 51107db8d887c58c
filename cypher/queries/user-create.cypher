// Creates a facilitator account; a taken e-mail fails on the user_email constraint.
// Parameters: $id, $email (lower-cased), $passwordHash (PHC string), $displayName.
// Columns: user (id, email, displayName, createdAt).
CREATE (u:User {id: $id, email: $email, passwordHash: $passwordHash, displayName: $displayName, createdAt: datetime()})
RETURN u {.id, .email, .displayName, .createdAt} AS user
