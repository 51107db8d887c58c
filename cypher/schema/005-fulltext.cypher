// Step 5: full-text search over names and aliases of every type. Two analyzers: standard-folding
// (case and diacritics folded, so "jyvaskyla" finds "Jyväskylä") and finnish (stemmed, so "Oulun"
// finds "Oulu"). The search query asks both and keeps the best score per node. The Finnish index reads
// searchText (all names in one field) because Neo4j keeps one index per label and property set.
// Both are eventually consistent: a write does not wait for Lucene (which was about half of the cost of
// creating a node, bench/README.md "Import speed"); the search query first waits for the updates of
// the transactions committed before it (db.index.fulltext.awaitEventuallyConsistentIndexRefresh), so
// a name is found as soon as its write has been applied, as before.
CREATE FULLTEXT INDEX entity_search_folded IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText, n.nameEn, n.nameSv] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true } };
CREATE FULLTEXT INDEX entity_search_finnish IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'finnish', `fulltext.eventually_consistent`: true } };
