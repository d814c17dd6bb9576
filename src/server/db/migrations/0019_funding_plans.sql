-- Funding plans (issue 4): versions of the 2014–2020 S&T funding plan's inputs and the actual allocations per year.
-- A version is the baseline (inputs implied from the printed table, loaded at start-up) or a named what-if scenario;
-- versions are immutable once saved (trigger). Amounts of the model are tỷ đồng (billion VND) with decimals as the
-- plan prints them; actual allocations are money: integer đồng.

CREATE TABLE funding_plan_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_key text NOT NULL,
  number integer NOT NULL,
  kind text NOT NULL,
  name text NOT NULL,
  note text,
  based_on_id uuid REFERENCES funding_plan_versions (id),
  -- [{ year, gdp, citySpending, socialSharePct, cityBudgetSharePct, recurrentSharePct, gdpImplied, citySpendingImplied }]
  inputs jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  CONSTRAINT funding_plan_versions_kind_check CHECK (kind IN ('baseline', 'scenario')),
  CONSTRAINT funding_plan_versions_number_check CHECK (number >= 1),
  CONSTRAINT funding_plan_versions_inputs_check CHECK (jsonb_typeof(inputs) = 'array'),
  CONSTRAINT funding_plan_versions_number_key UNIQUE (plan_key, number),
  CONSTRAINT funding_plan_versions_name_key UNIQUE (plan_key, name)
);
CREATE UNIQUE INDEX funding_plan_versions_one_baseline ON funding_plan_versions (plan_key) WHERE kind = 'baseline';

CREATE OR REPLACE FUNCTION funding_plan_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'funding plan version % is immutable', OLD.id USING ERRCODE = 'object_not_in_prerequisite_state';
END;
$$;
CREATE TRIGGER funding_plan_versions_immutable BEFORE UPDATE OR DELETE ON funding_plan_versions
  FOR EACH ROW EXECUTE FUNCTION funding_plan_version_immutable();

CREATE TABLE funding_plan_actuals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year integer NOT NULL,
  -- city S&T budget actually allocated (ngân sách TP chi cho KH&CN): recurrent (sự nghiệp) and development (ĐTPT)
  city_recurrent bigint NOT NULL,
  city_development bigint NOT NULL,
  -- other sources mobilised outside the city budget (enterprises, central budget, foreign…), when known
  other_sources bigint,
  -- provenance: the budget settlement, decision or report the figures come from
  source text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT funding_plan_actuals_year_key UNIQUE (year),
  CONSTRAINT funding_plan_actuals_year_check CHECK (year BETWEEN 2000 AND 2100),
  CONSTRAINT funding_plan_actuals_amounts_check CHECK (city_recurrent >= 0 AND city_development >= 0 AND (other_sources IS NULL OR other_sources >= 0))
);
