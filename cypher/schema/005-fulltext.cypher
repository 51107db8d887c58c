// Step 5: full-text search over names and aliases of every type. Two analyzers: standard-folding
// (case and diacritics folded, so "jyvaskyla" finds "Jyväskylä") and finnish (stemmed, so "Oulun"
// finds "Oulu"). The search query asks both and keeps the best score per node. The Finnish index reads
// searchText (all names in one field) because Neo4j keeps one index per label and property set.
CREATE FULLTEXT INDEX entity_names_folded IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText, n.nameEn, n.nameSv] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX entity_names_finnish IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'finnish', `fulltext.eventually_consistent`: false } };
