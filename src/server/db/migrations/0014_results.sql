-- Results of S&T tasks (issue 3 items 9–11): the internal acceptance held by the lead organisation (nghiệm thu cơ sở),
-- the public summary of the result published once the result is registered, and the reports on how the result is
-- applied (báo cáo ứng dụng kết quả), reviewed by an officer. Files are task documents (task_documents).

-- One internal acceptance per task, recorded by the PI / org rep while the task is at internal_acceptance.
CREATE TABLE task_internal_acceptances (
  task_id uuid PRIMARY KEY REFERENCES tasks (id),
  held_on date NOT NULL,
  -- [{ "name": "…", "position": "…" }]: the members as written in the minutes (text, not registry links)
  members jsonb NOT NULL DEFAULT '[]',
  conclusion text NOT NULL,
  remarks text,
  minutes_document_id uuid REFERENCES task_documents (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT task_internal_acceptances_conclusion_check CHECK (conclusion IN ('pass', 'fail')),
  CONSTRAINT task_internal_acceptances_members_check CHECK (jsonb_typeof(members) = 'array')
);

-- The public summary of the result; it is public while the task's result is registered (tasks.registered_at).
CREATE TABLE task_result_summaries (
  task_id uuid PRIMARY KEY REFERENCES tasks (id),
  abstract_vi text NOT NULL,
  abstract_en text,
  -- keywords joined by "; "
  keywords text NOT NULL DEFAULT '',
  outputs_summary text NOT NULL,
  application_field text,
  contact_organisation text,
  search_text text GENERATED ALWAYS AS (
    f_fold(abstract_vi || ' ' || coalesce(abstract_en, '') || ' ' || keywords || ' ' || outputs_summary || ' ' || coalesce(application_field, ''))
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX task_result_summaries_search_trgm ON task_result_summaries USING gin (search_text gin_trgm_ops);

-- Application reports: filed (submitted) by the PI / org rep, corrected while not accepted, reviewed by an officer.
CREATE TABLE task_application_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL REFERENCES tasks (id),
  sequence integer NOT NULL,
  place text NOT NULL,
  form text NOT NULL,
  scale text,
  started_on date NOT NULL,
  economic_effect text,
  economic_value bigint,
  social_effect text,
  beneficiaries integer,
  status text NOT NULL DEFAULT 'submitted',
  submitted_at timestamptz NOT NULL DEFAULT now(),
  submitted_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users (id),
  review_comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT task_application_reports_form_check CHECK (form IN ('production', 'policy', 'transfer', 'commercialisation', 'training', 'other')),
  CONSTRAINT task_application_reports_status_check CHECK (status IN ('submitted', 'accepted', 'needs_revision')),
  CONSTRAINT task_application_reports_figures_check CHECK (coalesce(economic_value, 0) >= 0 AND coalesce(beneficiaries, 0) >= 0),
  CONSTRAINT task_application_reports_effect_check CHECK (economic_effect IS NOT NULL OR social_effect IS NOT NULL)
);
CREATE UNIQUE INDEX task_application_reports_sequence_key ON task_application_reports (task_id, sequence);

-- Evidence of an application: task documents of the same task (stage 'application').
CREATE TABLE task_application_evidence (
  report_id uuid NOT NULL REFERENCES task_application_reports (id) ON DELETE CASCADE,
  document_id uuid NOT NULL REFERENCES task_documents (id),
  PRIMARY KEY (report_id, document_id)
);
CREATE INDEX task_application_evidence_document_idx ON task_application_evidence (document_id);
