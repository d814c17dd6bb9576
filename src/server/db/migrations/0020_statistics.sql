-- Statistical reporting (issue 4 item 3; DOMAIN.md §4, TT 15/2018/TT-BKHCN): form templates as immutable versioned
-- configuration, reporting periods, reports (one per period, organisation and form) whose answers are stored as
-- ROWS (report_id, cell_key, value, text_value) so that the city's consolidation is one GROUP BY, and the lock of an
-- approved report (trigger statistical_report_locked_guard, like council_locked_guard).

CREATE TABLE statistical_form_versions (
  form_key text NOT NULL,
  version integer NOT NULL,
  code text NOT NULL,
  title_vi text NOT NULL,
  title_en text NOT NULL,
  effective_from date NOT NULL,
  legal_basis text NOT NULL,
  definition jsonb NOT NULL,
  checksum text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (form_key, version),
  CONSTRAINT statistical_form_versions_version_check CHECK (version >= 1)
);

-- Stored form versions are immutable: a change is a new version.
CREATE OR REPLACE FUNCTION statistical_form_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'statistical form versions are immutable' USING ERRCODE = 'object_not_in_prerequisite_state';
END $$;
CREATE TRIGGER statistical_form_versions_immutable BEFORE UPDATE OR DELETE ON statistical_form_versions
  FOR EACH ROW EXECUTE FUNCTION statistical_form_versions_immutable();

CREATE TABLE statistical_periods (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year integer NOT NULL,
  name_vi text NOT NULL,
  name_en text,
  reference_date date NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  note text,
  opened_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT statistical_periods_status_check CHECK (status IN ('draft', 'open', 'closed')),
  CONSTRAINT statistical_periods_year_check CHECK (year BETWEEN 2000 AND 2100)
);
CREATE INDEX statistical_periods_year_idx ON statistical_periods (year DESC, created_at DESC);

CREATE TABLE statistical_period_forms (
  period_id uuid NOT NULL REFERENCES statistical_periods (id) ON DELETE CASCADE,
  form_key text NOT NULL,
  form_version integer NOT NULL,
  PRIMARY KEY (period_id, form_key),
  FOREIGN KEY (form_key, form_version) REFERENCES statistical_form_versions (form_key, version)
);

CREATE TABLE statistical_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  period_id uuid NOT NULL REFERENCES statistical_periods (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  form_key text NOT NULL,
  form_version integer NOT NULL,
  status text NOT NULL DEFAULT 'assigned',
  error_count integer NOT NULL DEFAULT 0,
  warning_count integer NOT NULL DEFAULT 0,
  messages jsonb NOT NULL DEFAULT '[]'::jsonb,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES users (id),
  returned_at timestamptz,
  review_comment text,
  approved_at timestamptz,
  approved_by uuid REFERENCES users (id),
  unapproved_at timestamptz,
  unapprove_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT statistical_reports_status_check CHECK (status IN ('assigned', 'draft', 'submitted', 'returned', 'approved')),
  CONSTRAINT statistical_reports_unique UNIQUE (period_id, organisation_id, form_key),
  CONSTRAINT statistical_reports_approved_check CHECK (status <> 'approved' OR (approved_at IS NOT NULL AND approved_by IS NOT NULL)),
  FOREIGN KEY (period_id, form_key) REFERENCES statistical_period_forms (period_id, form_key),
  FOREIGN KEY (form_key, form_version) REFERENCES statistical_form_versions (form_key, version)
);
CREATE INDEX statistical_reports_org_idx ON statistical_reports (organisation_id, period_id);
CREATE INDEX statistical_reports_period_form_idx ON statistical_reports (period_id, form_key, status);

CREATE TABLE statistical_report_cells (
  report_id uuid NOT NULL REFERENCES statistical_reports (id) ON DELETE CASCADE,
  cell_key text NOT NULL,
  value numeric,
  text_value text,
  PRIMARY KEY (report_id, cell_key),
  CONSTRAINT statistical_report_cells_one_value CHECK (value IS NULL OR text_value IS NULL)
);

-- An approved report is locked: its cells cannot change, and the report row itself changes only by leaving the
-- approved status (un-approval, which the service allows only to a leader/admin with a reason) .
CREATE OR REPLACE FUNCTION statistical_report_locked_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st text;
  fresh boolean;
BEGIN
  IF TG_TABLE_NAME = 'statistical_report_cells' THEN
    -- (a report row written in this very transaction may receive cells: that is a restore, which inserts the
    -- approved report and then its cells; the service never writes cells in the transaction that approves)
    SELECT status, xmin::text::bigint = txid_current() % 4294967296 INTO st, fresh
      FROM statistical_reports WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.report_id ELSE NEW.report_id END);
    IF st = 'approved' AND NOT (TG_OP = 'INSERT' AND fresh) THEN
      RAISE EXCEPTION 'statistical report is approved and locked' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.status = 'approved' THEN
      RAISE EXCEPTION 'statistical report % is approved and locked', OLD.id USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  ELSIF OLD.status = 'approved' AND NEW.status = 'approved' THEN
    RAISE EXCEPTION 'statistical report % is approved and locked', OLD.id USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER statistical_report_cells_locked BEFORE INSERT OR UPDATE OR DELETE ON statistical_report_cells
  FOR EACH ROW EXECUTE FUNCTION statistical_report_locked_guard();
CREATE TRIGGER statistical_reports_locked BEFORE UPDATE OR DELETE ON statistical_reports
  FOR EACH ROW EXECUTE FUNCTION statistical_report_locked_guard();
