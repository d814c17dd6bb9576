-- Monitoring of S&T tasks in progress (theo dõi, kiểm tra), issue 3 item 8: the progress-report schedule and the
-- reports the PI files against the selected dossier's milestones, periodic inspections (kiểm tra định kỳ) with their
-- findings and follow-up actions, and in-app notifications with an e-mail outbox.

-- One row per report due: periodic reports every N months from the start date, and the final report at the end date.
-- Status: scheduled (nothing filed) → draft (saved by the PI / org rep) → submitted (locked) → accepted, or
-- needs_revision (editable again, then submitted again).
CREATE TABLE progress_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL REFERENCES tasks (id),
  kind text NOT NULL,
  sequence integer NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'scheduled',
  work_done text,
  products text,
  spending_city bigint NOT NULL DEFAULT 0,
  spending_other bigint NOT NULL DEFAULT 0,
  problems text,
  proposals text,
  -- weighted by the milestones' durations (the same rule as the at-risk flag), kept when the report is submitted
  overall_percent numeric(5, 2),
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users (id),
  review_comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT progress_reports_kind_check CHECK (kind IN ('periodic', 'final')),
  CONSTRAINT progress_reports_status_check CHECK (status IN ('scheduled', 'draft', 'submitted', 'accepted', 'needs_revision')),
  CONSTRAINT progress_reports_period_check CHECK (period_to >= period_from),
  CONSTRAINT progress_reports_money_check CHECK (spending_city >= 0 AND spending_other >= 0),
  CONSTRAINT progress_reports_percent_check CHECK (overall_percent IS NULL OR overall_percent BETWEEN 0 AND 100)
);
CREATE UNIQUE INDEX progress_reports_sequence_key ON progress_reports (task_id, kind, sequence);
CREATE INDEX progress_reports_due_idx ON progress_reports (due_on) WHERE first_submitted_at IS NULL;
CREATE INDEX progress_reports_task_idx ON progress_reports (task_id, due_on);

-- Work done against each milestone of the selected dossier, with the share completed.
CREATE TABLE progress_report_items (
  report_id uuid NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
  milestone_id uuid NOT NULL REFERENCES task_dossier_milestones (id),
  percent integer NOT NULL,
  note text,
  PRIMARY KEY (report_id, milestone_id),
  CONSTRAINT progress_report_items_percent_check CHECK (percent BETWEEN 0 AND 100)
);
CREATE INDEX progress_report_items_milestone_idx ON progress_report_items (milestone_id);

-- Kiểm tra định kỳ: planned by an officer, then concluded with findings, a conclusion and follow-up actions.
CREATE TABLE inspections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL REFERENCES tasks (id),
  planned_on date NOT NULL,
  scope text NOT NULL,
  status text NOT NULL DEFAULT 'planned',
  inspected_on date,
  findings text,
  conclusion text,
  minutes_file_id uuid REFERENCES files (id),
  concluded_at timestamptz,
  concluded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT inspections_status_check CHECK (status IN ('planned', 'concluded', 'cancelled')),
  CONSTRAINT inspections_conclusion_check CHECK (conclusion IS NULL OR conclusion IN ('on_track', 'behind', 'serious')),
  CONSTRAINT inspections_concluded_check CHECK (status <> 'concluded' OR (conclusion IS NOT NULL AND inspected_on IS NOT NULL))
);
CREATE INDEX inspections_task_idx ON inspections (task_id, planned_on);
CREATE INDEX inspections_planned_idx ON inspections (planned_on);

CREATE TABLE inspection_inspectors (
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id),
  PRIMARY KEY (inspection_id, person_id)
);
CREATE INDEX inspection_inspectors_person_idx ON inspection_inspectors (person_id);

CREATE TABLE inspection_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  position integer NOT NULL,
  description text NOT NULL,
  due_on date NOT NULL,
  done_at timestamptz,
  done_by uuid REFERENCES users (id),
  done_note text
);
CREATE UNIQUE INDEX inspection_actions_position_key ON inspection_actions (inspection_id, position);

-- In-app notifications: the text is rendered in the reader's language from kind + params (messages.ts).
-- dedupe_key makes a periodic reminder happen once per subject and threshold, even with several app servers.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  link text,
  dedupe_key text,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (dedupe_key) WHERE dedupe_key IS NOT NULL;

-- E-mail copies of notifications (only when SMTP is configured), written in the notification's transaction and sent
-- by the periodic job; a row is claimed with a lease so two app servers never send it twice.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id uuid NOT NULL REFERENCES notifications (id),
  to_address text NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  lease_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CONSTRAINT mail_outbox_status_check CHECK (status IN ('pending', 'sent', 'failed'))
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (created_at) WHERE status = 'pending';
