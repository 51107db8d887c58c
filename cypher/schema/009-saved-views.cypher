// Step 9: saved views (:View, api/services/saved-views.ts): unique ids, looked up by workspace and by the
// SHA-256 of their share token.
CREATE CONSTRAINT view_id IF NOT EXISTS FOR (v:View) REQUIRE v.id IS UNIQUE;
CREATE INDEX view_workspace IF NOT EXISTS FOR (v:View) ON (v.workspaceId);
CREATE INDEX view_share_token IF NOT EXISTS FOR (v:View) ON (v.shareTokenHash);
