-- S&T programmes (chương trình KH&CN) and calls (đợt gọi đề xuất / tuyển chọn), issue 3 item 1.
CREATE TABLE programmes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  name_vi text NOT NULL,
  name_en text,
  objectives text,
  start_year integer NOT NULL,
  end_year integer NOT NULL,
  managing_organisation_id uuid REFERENCES organisations(id),
  total_budget bigint NOT NULL DEFAULT 0,
  sectors text[] NOT NULL DEFAULT '{}',
  fields text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active',
  search_text text GENERATED ALWAYS AS (
    f_fold(coalesce(code, '') || ' ' || coalesce(name_vi, '') || ' ' || coalesce(name_en, ''))
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_by uuid,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT programmes_period_check CHECK (end_year >= start_year),
  CONSTRAINT programmes_budget_check CHECK (total_budget >= 0),
  CONSTRAINT programmes_status_check CHECK (status IN ('active', 'closed'))
);
CREATE UNIQUE INDEX programmes_code_key ON programmes (code);
CREATE INDEX programmes_search_trgm ON programmes USING gin (search_text gin_trgm_ops);
CREATE INDEX programmes_name_vi_sort ON programmes ((name_vi COLLATE vn));
CREATE INDEX programmes_managing_org_idx ON programmes (managing_organisation_id);

CREATE TABLE calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  title_vi text NOT NULL,
  title_en text,
  kind text NOT NULL,
  programme_id uuid REFERENCES programmes(id),
  fields text[] NOT NULL DEFAULT '{}',
  sectors text[] NOT NULL DEFAULT '{}',
  description text,
  required_documents jsonb NOT NULL DEFAULT '[]',
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  published_at timestamptz,
  published_by uuid,
  closed_at timestamptz,
  closed_by uuid,
  close_reason text,
  cancelled_at timestamptz,
  cancelled_by uuid,
  cancel_reason text,
  search_text text GENERATED ALWAYS AS (
    f_fold(coalesce(code, '') || ' ' || coalesce(title_vi, '') || ' ' || coalesce(title_en, ''))
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_by uuid,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT calls_window_check CHECK (closes_at > opens_at),
  CONSTRAINT calls_kind_check CHECK (kind IN ('proposal_collection', 'selection')),
  CONSTRAINT calls_status_check CHECK (status IN ('draft', 'published', 'closed', 'cancelled'))
);
CREATE UNIQUE INDEX calls_code_key ON calls (code);
CREATE INDEX calls_search_trgm ON calls USING gin (search_text gin_trgm_ops);
CREATE INDEX calls_status_closes_idx ON calls (status, closes_at);
CREATE INDEX calls_programme_idx ON calls (programme_id);
