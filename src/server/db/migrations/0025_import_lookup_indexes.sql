-- Equality indexes for the imports' checks against the registries (modules/imports/kinds/*.ts, ARCHITECTURE.md
-- "Imports, exports and files").
--
-- A people import asks, for every row of the file, whether the registry already has the same person: the same folded
-- name (search_text = f_fold(full_name)), the same birth year and the same primary organisation. The only index on
-- search_text was the trigram GIN index of the list search, and an equality test through it intersects the posting
-- lists of the name's trigrams ("ngu", "guy", "yen" … are in a third of all Vietnamese names): about 2.5 ms per row at
-- 100,000 people, growing with the registry, so a 20,000-row file took minutes (quadratic). A btree on search_text
-- answers each row in a few index pages whatever the registry's size, and carries the other columns of the rule (and
-- the id, for the historical-tasks import's principal investigator lookup) so the check reads only the index.
CREATE INDEX people_name_key_idx ON people (search_text) INCLUDE (birth_year, primary_organisation_id, id);

-- Organisations are matched by their exact folded name: the duplicate check of an organisations import and the
-- "Đơn vị công tác" / "Cơ quan chủ quản" / "Tổ chức chủ trì" columns named by name. The same expression as the queries.
CREATE INDEX organisations_name_key_idx ON organisations (f_fold(btrim(name_vi)));
