// One account by e-mail, for signing in. Parameters: $email (lower-cased).
// Columns: user (id, email, displayName, createdAt, passwordHash).
MATCH (u:User {email: $email})
RETURN u {.id, .email, .displayName, .createdAt, .passwordHash} AS user
