-- S&T tasks (nhiệm vụ KH&CN), issue 3 items 3–4: one record from the proposal (đề xuất đặt hàng) to the applied,
-- registered result, moved only by its process template (platform/workflow.ts), and the applicants' dossiers.

-- The process a call's tasks follow (a key of process_templates; the version in force on the day a task starts).
ALTER TABLE calls ADD COLUMN template_key text NOT NULL DEFAULT 'baseline-2013';

-- Yearly counters for generated codes (task codes, later contract and registration numbers): one row per scope,
-- incremented with UPDATE … RETURNING inside the creating transaction, so two creations never share a number.
CREATE TABLE code_counters (
  scope text PRIMARY KEY,
  value integer NOT NULL DEFAULT 0
);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  title_vi text NOT NULL,
  title_en text,
  task_type text NOT NULL,
  level text NOT NULL DEFAULT 'city',
  method text,
  template_key text NOT NULL,
  template_version integer NOT NULL,
  state text NOT NULL,
  -- who moved the task into its current state, and when: the two-person rule compares the next actor with it
  state_entered_by uuid REFERENCES users (id),
  state_entered_at timestamptz NOT NULL DEFAULT now(),
  origin text NOT NULL DEFAULT 'platform',
  year integer NOT NULL,
  programme_id uuid REFERENCES programmes (id),
  proposal_call_id uuid REFERENCES calls (id),
  selection_call_id uuid REFERENCES calls (id),
  field_code text,
  sector_code text,
  -- the proposal (đề xuất đặt hàng)
  proposer_user_id uuid REFERENCES users (id),
  proposing_organisation_id uuid REFERENCES organisations (id),
  rationale text,
  objectives text,
  expected_results text,
  proposed_budget bigint,
  proposed_months integer,
  -- who carries it out, once selected or assigned
  pi_person_id uuid REFERENCES people (id),
  lead_organisation_id uuid REFERENCES organisations (id),
  selected_dossier_id uuid,
  start_date date,
  end_date date,
  approved_budget_city bigint,
  approved_budget_other bigint,
  decision_number text,
  decision_date date,
  result_grade text,
  registration_code text,
  registered_at timestamptz,
  search_text text GENERATED ALWAYS AS (
    f_fold(coalesce(code, '') || ' ' || coalesce(title_vi, '') || ' ' || coalesce(title_en, ''))
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_by uuid,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT tasks_template_fk FOREIGN KEY (template_key, template_version) REFERENCES process_template_versions (template_key, version),
  CONSTRAINT tasks_type_check CHECK (task_type IN ('de_tai', 'du_an_sxtn', 'du_an_khcn', 'de_an', 'htqt', 'co_so')),
  CONSTRAINT tasks_level_check CHECK (level IN ('city', 'ministry', 'national', 'grassroots')),
  CONSTRAINT tasks_method_check CHECK (method IS NULL OR method IN ('selection', 'direct', 'funding', 'ordering')),
  CONSTRAINT tasks_origin_check CHECK (origin IN ('platform', 'historical')),
  CONSTRAINT tasks_grade_check CHECK (result_grade IS NULL OR result_grade IN ('excellent', 'pass', 'fail')),
  CONSTRAINT tasks_money_check CHECK (
    coalesce(proposed_budget, 0) >= 0 AND coalesce(approved_budget_city, 0) >= 0 AND coalesce(approved_budget_other, 0) >= 0
  ),
  CONSTRAINT tasks_period_check CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CONSTRAINT tasks_year_check CHECK (year BETWEEN 1990 AND 2100)
);
CREATE UNIQUE INDEX tasks_code_key ON tasks (code);
CREATE UNIQUE INDEX tasks_registration_code_key ON tasks (registration_code) WHERE registration_code IS NOT NULL;
CREATE INDEX tasks_search_trgm ON tasks USING gin (search_text gin_trgm_ops);
CREATE INDEX tasks_state_idx ON tasks (state, updated_at DESC);
CREATE INDEX tasks_year_idx ON tasks (year);
CREATE INDEX tasks_pi_idx ON tasks (pi_person_id);
CREATE INDEX tasks_lead_org_idx ON tasks (lead_organisation_id);
CREATE INDEX tasks_proposing_org_idx ON tasks (proposing_organisation_id);
CREATE INDEX tasks_proposer_idx ON tasks (proposer_user_id);
CREATE INDEX tasks_programme_idx ON tasks (programme_id);
CREATE INDEX tasks_proposal_call_idx ON tasks (proposal_call_id);
CREATE INDEX tasks_selection_call_idx ON tasks (selection_call_id);
CREATE INDEX tasks_title_sort ON tasks ((title_vi COLLATE vn));

-- An application to carry out a task (hồ sơ đăng ký tuyển chọn / giao trực tiếp): open selection may receive several
-- for one task; the council ranks them and the selected one becomes the task's description, team and budget.
CREATE TABLE task_dossiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL REFERENCES tasks (id),
  status text NOT NULL DEFAULT 'draft',
  owner_user_id uuid NOT NULL REFERENCES users (id),
  pi_person_id uuid NOT NULL REFERENCES people (id),
  lead_organisation_id uuid NOT NULL REFERENCES organisations (id),
  objectives text,
  content text,
  methods text,
  novelty text,
  application_plan text,
  duration_months integer,
  start_date date,
  -- submission: the locked content's SHA-256 (canonical JSON of the dossier and its lists) makes later edits evident
  submitted_at timestamptz,
  submitted_by uuid REFERENCES users (id),
  submission_hash text,
  -- opening and validity check (biên bản mở hồ sơ, B2-1-BBHS)
  opened_at timestamptz,
  opened_by uuid REFERENCES users (id),
  validity_check jsonb,
  validity_note text,
  revision integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_by uuid,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT task_dossiers_status_check CHECK (status IN ('draft', 'submitted', 'valid', 'invalid', 'selected', 'not_selected', 'withdrawn')),
  CONSTRAINT task_dossiers_duration_check CHECK (duration_months IS NULL OR duration_months BETWEEN 1 AND 120)
);
CREATE UNIQUE INDEX task_dossiers_one_per_org ON task_dossiers (task_id, lead_organisation_id) WHERE status <> 'withdrawn';
CREATE INDEX task_dossiers_task_idx ON task_dossiers (task_id);
CREATE INDEX task_dossiers_owner_idx ON task_dossiers (owner_user_id);
CREATE INDEX task_dossiers_pi_idx ON task_dossiers (pi_person_id);
ALTER TABLE tasks ADD CONSTRAINT tasks_selected_dossier_fk FOREIGN KEY (selected_dossier_id) REFERENCES task_dossiers (id);

-- Expected products (sản phẩm): type counted by the plan (luận cứ, mô hình, giải pháp, sản phẩm, giống…), quantity and
-- quality targets, which the acceptance council grades against.
CREATE TABLE task_dossier_products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES task_dossiers (id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  output_type text NOT NULL,
  quantity numeric(12, 2) NOT NULL,
  unit text NOT NULL,
  quality_target text NOT NULL,
  CONSTRAINT task_dossier_products_type_check CHECK (
    output_type IN ('scientific_argument', 'model', 'solution', 'product', 'variety', 'publication', 'patent', 'training', 'other')
  ),
  CONSTRAINT task_dossier_products_quantity_check CHECK (quantity > 0)
);
CREATE UNIQUE INDEX task_dossier_products_position_key ON task_dossier_products (dossier_id, position);
CREATE INDEX task_dossier_products_type_idx ON task_dossier_products (output_type);

-- Timeline (tiến độ): content, from–to, deliverable.
CREATE TABLE task_dossier_milestones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES task_dossiers (id) ON DELETE CASCADE,
  position integer NOT NULL,
  content text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  deliverable text,
  CONSTRAINT task_dossier_milestones_period_check CHECK (ends_on >= starts_on)
);
CREATE UNIQUE INDEX task_dossier_milestones_position_key ON task_dossier_milestones (dossier_id, position);

-- Team from the people registry (the conflict-of-interest check reads it).
CREATE TABLE task_dossier_team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES task_dossiers (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id),
  role text NOT NULL,
  months numeric(5, 1),
  CONSTRAINT task_dossier_team_role_check CHECK (role IN ('pi', 'secretary', 'key_member', 'member', 'technician')),
  CONSTRAINT task_dossier_team_months_check CHECK (months IS NULL OR (months > 0 AND months <= 120))
);
CREATE UNIQUE INDEX task_dossier_team_person_key ON task_dossier_team (dossier_id, person_id);
CREATE INDEX task_dossier_team_person_idx ON task_dossier_team (person_id);

-- Budget by year, source (city S&T budget / other sources) and category, in đồng.
CREATE TABLE task_dossier_budget (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES task_dossiers (id) ON DELETE CASCADE,
  year integer NOT NULL,
  source text NOT NULL,
  category text NOT NULL,
  amount bigint NOT NULL,
  CONSTRAINT task_dossier_budget_source_check CHECK (source IN ('city', 'other')),
  CONSTRAINT task_dossier_budget_category_check CHECK (category IN ('labour', 'materials', 'equipment', 'travel', 'services', 'other')),
  CONSTRAINT task_dossier_budget_amount_check CHECK (amount >= 0),
  CONSTRAINT task_dossier_budget_year_check CHECK (year BETWEEN 1990 AND 2100)
);
CREATE UNIQUE INDEX task_dossier_budget_line_key ON task_dossier_budget (dossier_id, year, source, category);

-- Files attached to a task or one of its dossiers, under a document code of the national forms.
CREATE TABLE task_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL REFERENCES tasks (id),
  dossier_id uuid REFERENCES task_dossiers (id),
  code text NOT NULL,
  file_id uuid NOT NULL REFERENCES files (id),
  stage text NOT NULL,
  note text,
  uploaded_by uuid REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT task_documents_stage_check CHECK (stage IN ('proposal', 'dossier', 'revision', 'council', 'decision', 'contract', 'progress', 'acceptance', 'registration', 'application', 'settlement'))
);
CREATE INDEX task_documents_task_idx ON task_documents (task_id, code);
CREATE INDEX task_documents_dossier_idx ON task_documents (dossier_id, code);
