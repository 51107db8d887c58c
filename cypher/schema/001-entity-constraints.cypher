// Step 1: stable ids. Every node of the domain carries the :Entity label plus its type label, and its
// id is unique across types (a relationship endpoint is found by id alone).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT workspace_id IF NOT EXISTS FOR (n:Workspace) REQUIRE n.id IS UNIQUE;
