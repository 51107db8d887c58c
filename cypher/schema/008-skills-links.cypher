// Step 8: ids of the skills links (NEEDS, OFFERS_TRAINING) are unique per type, like step 4's.
CREATE CONSTRAINT needs_id IF NOT EXISTS FOR ()-[r:NEEDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT offers_training_id IF NOT EXISTS FOR ()-[r:OFFERS_TRAINING]-() REQUIRE r.id IS UNIQUE;
