-- Task analytics (issue 3 item 12): the plan's figures on city-level S&T tasks 1996–2012 as historical statistics,
-- shown beside the live figures. Start-up loads every figure (modules/task-analytics/historical-data.ts) with the line
-- of the plan it comes from and its exact words; the rows are reference data, replaced only by a new start-up.
CREATE TABLE historical_task_stats (
  metric_id text PRIMARY KEY,
  -- summary | outputs | by_field | by_field_share | field_results
  section text NOT NULL,
  -- the plan's subsection (by_field: "1.1"…"1.6") or result group (field_results: "agriculture"…)
  group_key text,
  -- by_field: the plan's sector (reference list "sector"); outputs: the product type of task_dossier_products
  sector_code text,
  output_type text,
  position integer NOT NULL,
  label_vi text NOT NULL,
  label_en text NOT NULL,
  period text,
  value numeric,
  value_min numeric,
  value_max numeric,
  original text NOT NULL,
  unit_vi text NOT NULL,
  unit_en text NOT NULL,
  qualifier_vi text,
  qualifier_en text,
  bound text,
  normalized_value numeric,
  normalized_unit text,
  programme text,
  ref_year integer,
  organisation_vi text,
  note_en text,
  source_line integer NOT NULL,
  source_quote text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT historical_task_stats_section_check CHECK (section IN ('summary', 'outputs', 'by_field', 'by_field_share', 'field_results')),
  CONSTRAINT historical_task_stats_bound_check CHECK (bound IS NULL OR bound IN ('lower_bound', 'upper_bound', 'approximate')),
  CONSTRAINT historical_task_stats_value_check CHECK (value IS NOT NULL OR (value_min IS NOT NULL AND value_max IS NOT NULL))
);
CREATE UNIQUE INDEX historical_task_stats_position_key ON historical_task_stats (position);

-- Analytics filters over tasks (100,000 rows): origin with the year range, and field and sector codes. Products are
-- reached through task_dossier_products_position_key (dossier_id, position).
CREATE INDEX tasks_origin_year_idx ON tasks (origin, year);
CREATE INDEX tasks_field_idx ON tasks (field_code);
CREATE INDEX tasks_sector_idx ON tasks (sector_code);
