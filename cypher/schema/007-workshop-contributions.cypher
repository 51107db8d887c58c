// Step 7: workshop contributions. Participants are kept in Neo4j (not map data: no :Entity label, not
// in the change log) so that a workshop's summary and export can name who added what after their
// tokens have expired. Nodes and changes made in a workshop carry its id (workshopId).
CREATE CONSTRAINT participant_id IF NOT EXISTS FOR (p:Participant) REQUIRE p.id IS UNIQUE;
CREATE INDEX participant_workshop IF NOT EXISTS FOR (p:Participant) ON (p.workshopId);
CREATE INDEX entity_workshop IF NOT EXISTS FOR (n:Entity) ON (n.workshopId);
CREATE INDEX change_workshop IF NOT EXISTS FOR (c:Change) ON (c.workshopId);
