-- Consolidation at 1,000 organisations × 5 forms × 500 cells (issue 4 item 7, BENCHMARKS.md): the cells of one
-- period's form are reached through their reports; with the values carried in the primary key's index they are read
-- by an index-only scan of those reports' entries instead of a scan of every period's cells.
ALTER TABLE statistical_report_cells
  DROP CONSTRAINT statistical_report_cells_pkey,
  ADD CONSTRAINT statistical_report_cells_pkey PRIMARY KEY (report_id, cell_key) INCLUDE (value, text_value);
