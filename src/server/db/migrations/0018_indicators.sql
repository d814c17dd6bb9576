-- Indicators of the plan's targets (chỉ tiêu của Đề án, issue 4): every quantitative target as an indicator with its
-- unit, direction, baseline (value, year, source line and quote), targets per year, definition and how its values
-- arrive (entered by staff, computed from the platform's records, consolidated from approved statistical reports);
-- and the values entered per year with their provenance. The plan's indicators are loaded at start-up (origin 'seed').

CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- stable, used in public URLs (/api/public/indicators/:code)
  code text NOT NULL,
  origin text NOT NULL DEFAULT 'custom',
  -- the plan's target number, e.g. "(6)"
  target_no text,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  statement_vi text,
  unit_vi text NOT NULL,
  unit_en text NOT NULL,
  direction text NOT NULL,
  definition_vi text,
  definition_en text,
  notes text,
  -- { value, year, period, labelVi, labelEn, sourceLine, quote, note }
  baseline jsonb,
  -- [{ year, value, min, max, bound, original, sourceLine, quote, note }] ordered by year
  targets jsonb NOT NULL DEFAULT '[]'::jsonb,
  value_source text NOT NULL DEFAULT 'entered',
  computation text,
  consolidation_form_code text,
  consolidation_cell_key text,
  published boolean NOT NULL DEFAULT false,
  published_at timestamptz,
  published_by uuid REFERENCES users (id),
  sort_order integer NOT NULL DEFAULT 1000,
  search_text text GENERATED ALWAYS AS (f_fold(code || ' ' || name_vi || ' ' || name_en || ' ' || coalesce(target_no, ''))) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT indicators_code_key UNIQUE (code),
  CONSTRAINT indicators_code_check CHECK (code ~ '^[a-z0-9][a-z0-9._-]{1,79}$'),
  CONSTRAINT indicators_origin_check CHECK (origin IN ('seed', 'custom')),
  CONSTRAINT indicators_direction_check CHECK (direction IN ('increase', 'decrease', 'at_least', 'at_most')),
  CONSTRAINT indicators_value_source_check CHECK (value_source IN ('entered', 'computed', 'consolidated')),
  CONSTRAINT indicators_computed_check CHECK (value_source <> 'computed' OR computation IS NOT NULL),
  CONSTRAINT indicators_consolidated_check CHECK (
    value_source <> 'consolidated' OR (consolidation_form_code IS NOT NULL AND consolidation_cell_key IS NOT NULL)),
  CONSTRAINT indicators_targets_array CHECK (jsonb_typeof(targets) = 'array'),
  CONSTRAINT indicators_published_check CHECK (NOT published OR published_at IS NOT NULL)
);
CREATE INDEX indicators_search_trgm ON indicators USING gin (search_text gin_trgm_ops);
CREATE INDEX indicators_published_idx ON indicators (published) WHERE published;

-- Values per indicator and year entered by staff, each with its provenance. Computed and consolidated values are
-- derived when read and not stored; an entered value wins over a derived one for the same year.
CREATE TABLE indicator_values (
  indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  year integer NOT NULL,
  value numeric NOT NULL,
  source text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (indicator_id, year),
  CONSTRAINT indicator_values_year_check CHECK (year BETWEEN 1900 AND 2200),
  CONSTRAINT indicator_values_source_check CHECK (length(btrim(source)) > 0)
);
