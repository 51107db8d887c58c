// Step 10: indexes that earlier versions created and nothing reads any more, dropped from databases
// that have them (each write paid for them): the consistent full-text indexes that step 5's
// eventually consistent entity_search_* replaced, and the updatedAt index no query looks up.
DROP INDEX entity_names_folded IF EXISTS;
DROP INDEX entity_names_finnish IF EXISTS;
DROP INDEX entity_updated IF EXISTS;
