-- Task pages at 100,000 tasks (issue 3 item 15, BENCHMARKS.md). The analytics page groups every task that matches its
-- filters: the task rows are wide (titles, texts, search text), so reading them meant ~13,600 heap pages for 100,000
-- tasks. This index carries exactly the columns the analytics read, led by the year filter: an index-only scan of
-- about a tenth of the pages (the visibility map is kept by autovacuum on a server, by VACUUM in the embedded upkeep).
CREATE INDEX tasks_analytics_cover ON tasks (year) INCLUDE (
  origin, field_code, sector_code, state, result_grade, programme_id, lead_organisation_id, task_type,
  approved_budget_city, approved_budget_other, proposed_budget, selected_dossier_id
);

-- The products of the selected dossiers (analytics outputs), read without visiting the products table.
CREATE INDEX task_dossier_products_cover ON task_dossier_products (dossier_id) INCLUDE (output_type, quantity);
