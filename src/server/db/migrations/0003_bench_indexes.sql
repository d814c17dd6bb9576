-- Covering indexes for counting filtered registry lists (found with `npm run bench -- --explain`, BENCHMARKS.md).
-- A list answers {items, total}: the total counts every row that matches, e.g. people ?q=nguyen&degree=TS — 5,062 of
-- 100,000 people. The degree filter picks ~13 % of the rows and the folded-name LIKE is checked on each; with
-- search_text in the index that is an index-only scan instead of ~4,000 heap-page visits (13 ms → 1.3 ms at 100,000
-- people; organisations ?q=cong ty&type=enterprise: 13 ms → 0.7 ms at 10,000). Index-only scans need the visibility
-- map: autovacuum keeps it on a PostgreSQL server; the demo seed runs VACUUM after loading.
-- The new indexes lead with the same column as the single-column ones they replace.
CREATE INDEX people_degree_search_idx ON people (degree) INCLUDE (search_text);
DROP INDEX people_degree_idx;
CREATE INDEX organisations_type_search_idx ON organisations (type) INCLUDE (search_text);
DROP INDEX organisations_type_idx;
