// Step 2: the append-only change log. A change is applied once (unique id) and replayed by
// (workspaceId, seq), which is unique per workspace.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT change_workspace_seq IF NOT EXISTS FOR (c:Change) REQUIRE (c.workspaceId, c.seq) IS UNIQUE;
