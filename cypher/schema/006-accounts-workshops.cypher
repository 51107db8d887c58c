// Step 6: facilitator accounts and workshops. Neither is map data (no :Entity label, not in the change
// log). An e-mail address (stored lower-cased) belongs to one account; a workshop's join code to one
// workshop (codes are generated at random and retried on a collision with this constraint).
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT user_email IF NOT EXISTS FOR (u:User) REQUIRE u.email IS UNIQUE;
CREATE CONSTRAINT workshop_id IF NOT EXISTS FOR (w:Workshop) REQUIRE w.id IS UNIQUE;
CREATE CONSTRAINT workshop_code IF NOT EXISTS FOR (w:Workshop) REQUIRE w.code IS UNIQUE;
