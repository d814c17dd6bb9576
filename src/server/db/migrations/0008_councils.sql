-- Councils (issue 3 item 5): identification, selection, appraisal and acceptance councils on one engine. The numbers
-- of each kind (size, roles, quorum, scoring, counting) are versioned rule sets (src/common/councils), loaded at
-- start-up into council_rule_sets (immutable rows); each council stores the (key, version) it is counted by.
CREATE TABLE council_rule_sets (
  key text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  kind text NOT NULL CHECK (kind IN ('identification', 'selection', 'appraisal', 'acceptance')),
  effective_from date NOT NULL,
  legal_basis text NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, version)
);

CREATE OR REPLACE FUNCTION council_rule_sets_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'council rule set versions are immutable' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER council_rule_sets_no_change BEFORE UPDATE OR DELETE ON council_rule_sets
  FOR EACH ROW EXECUTE FUNCTION council_rule_sets_immutable();

-- draft → invited → in_session → concluded (locked; re-opened to in_session by a leader/admin with a reason);
-- draft | invited | in_session → cancelled.
CREATE TABLE councils (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  rule_set_key text NOT NULL,
  rule_set_version integer NOT NULL,
  title text NOT NULL,
  meeting_at timestamptz,
  place text,
  decision_number text,
  decision_date date,
  status text NOT NULL DEFAULT 'draft',
  quorum_met boolean NOT NULL DEFAULT false,
  invited_at timestamptz,
  opened_at timestamptz,
  concluded_at timestamptz,
  concluded_by uuid REFERENCES users (id),
  reopened_at timestamptz,
  reopened_by uuid REFERENCES users (id),
  reopen_reason text,
  cancelled_at timestamptz,
  cancel_reason text,
  search_text text GENERATED ALWAYS AS (f_fold(coalesce(title, '') || ' ' || coalesce(decision_number, ''))) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT councils_kind_check CHECK (kind IN ('identification', 'selection', 'appraisal', 'acceptance')),
  CONSTRAINT councils_status_check CHECK (status IN ('draft', 'invited', 'in_session', 'concluded', 'cancelled')),
  CONSTRAINT councils_rule_set_fk FOREIGN KEY (rule_set_key, rule_set_version) REFERENCES council_rule_sets (key, version)
);
CREATE INDEX councils_status_idx ON councils (status, created_at DESC);
CREATE INDEX councils_search_idx ON councils USING gin (search_text gin_trgm_ops);

-- What the council decides about: a task (identification: one row per proposal), with the dossier for selection
-- (one row per valid dossier of the task) and acceptance / appraisal (the selected dossier when there is one).
CREATE TABLE council_subjects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id uuid NOT NULL REFERENCES councils (id),
  task_id uuid NOT NULL REFERENCES tasks (id),
  dossier_id uuid REFERENCES task_dossiers (id),
  position integer NOT NULL,
  -- acceptance: the final dossier came more than the rule set's months late (every member's grade is Không đạt)
  late_submission boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX council_subjects_key ON council_subjects (council_id, task_id, coalesce(dossier_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX council_subjects_task_idx ON council_subjects (task_id);

CREATE TABLE council_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id uuid NOT NULL REFERENCES councils (id),
  person_id uuid NOT NULL REFERENCES people (id),
  role text NOT NULL,
  authorised_to_chair boolean NOT NULL DEFAULT false,
  invited_at timestamptz,
  declaration_signed_at timestamptz,
  declaration_statement text,
  present boolean NOT NULL DEFAULT false,
  conflict_override_by uuid REFERENCES users (id),
  conflict_override_reason text,
  conflict_overridden_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT council_members_role_check CHECK (role IN ('chair', 'vice_chair', 'reviewer', 'member', 'scientific_secretary', 'admin_secretary'))
);
CREATE UNIQUE INDEX council_members_person_key ON council_members (council_id, person_id);
CREATE INDEX council_members_person_idx ON council_members (person_id);

-- Every conflict-of-interest check, kept with its explained lines (vi and en), whether or not the person was added.
CREATE TABLE council_conflict_checks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id uuid NOT NULL REFERENCES councils (id),
  person_id uuid NOT NULL REFERENCES people (id),
  role text NOT NULL,
  conflict boolean NOT NULL,
  lines jsonb NOT NULL,
  checked_at timestamptz NOT NULL DEFAULT now(),
  checked_by uuid REFERENCES users (id)
);
CREATE INDEX council_conflict_checks_council_idx ON council_conflict_checks (council_id, person_id, checked_at DESC);

CREATE TABLE council_ballots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id uuid NOT NULL REFERENCES councils (id),
  member_id uuid NOT NULL REFERENCES council_members (id),
  subject_id uuid NOT NULL REFERENCES council_subjects (id),
  status text NOT NULL DEFAULT 'draft',
  comment text,
  recommended_budget bigint,
  -- a paper ballot entered by an officer on the member's behalf
  paper boolean NOT NULL DEFAULT false,
  recorded_by uuid REFERENCES users (id),
  submitted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT council_ballots_status_check CHECK (status IN ('draft', 'submitted')),
  CONSTRAINT council_ballots_budget_check CHECK (coalesce(recommended_budget, 0) >= 0)
);
CREATE UNIQUE INDEX council_ballots_key ON council_ballots (member_id, subject_id);
CREATE INDEX council_ballots_council_idx ON council_ballots (council_id);

-- One line per criterion: points (selection), a level (acceptance: excellent / pass / fail, with the share of the
-- ordered quantity achieved) or met (identification, appraisal).
CREATE TABLE council_ballot_scores (
  ballot_id uuid NOT NULL REFERENCES council_ballots (id) ON DELETE CASCADE,
  criterion_key text NOT NULL,
  points integer,
  level text,
  met boolean,
  percent integer,
  PRIMARY KEY (ballot_id, criterion_key),
  CONSTRAINT council_ballot_scores_points_check CHECK (points IS NULL OR points BETWEEN 0 AND 100),
  CONSTRAINT council_ballot_scores_level_check CHECK (level IS NULL OR level IN ('excellent', 'pass', 'fail')),
  CONSTRAINT council_ballot_scores_percent_check CHECK (percent IS NULL OR percent BETWEEN 0 AND 1000)
);

CREATE TABLE council_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id uuid NOT NULL REFERENCES councils (id),
  subject_id uuid NOT NULL REFERENCES council_subjects (id),
  ballots integer NOT NULL,
  valid_count integer NOT NULL,
  invalid_count integer NOT NULL,
  average double precision,
  bonus double precision,
  score double precision,
  approvals integer,
  rank integer,
  passed boolean,
  selected boolean NOT NULL DEFAULT false,
  grade text,
  recommended_budget bigint,
  details jsonb NOT NULL,
  computed_at timestamptz NOT NULL,
  CONSTRAINT council_results_grade_check CHECK (grade IS NULL OR grade IN ('excellent', 'pass', 'fail'))
);
CREATE UNIQUE INDEX council_results_subject_key ON council_results (subject_id);
CREATE INDEX council_results_council_idx ON council_results (council_id);

-- Locked data stays locked (SECURITY.md 23): nothing about a concluded council changes until it is re-opened.
CREATE OR REPLACE FUNCTION council_locked_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cid uuid;
  st text;
BEGIN
  IF TG_TABLE_NAME = 'council_ballot_scores' THEN
    SELECT b.council_id INTO cid FROM council_ballots b WHERE b.id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.ballot_id ELSE NEW.ballot_id END);
  ELSIF TG_OP = 'DELETE' THEN
    cid := OLD.council_id;
  ELSE
    cid := NEW.council_id;
  END IF;
  SELECT status INTO st FROM councils WHERE id = cid;
  IF st = 'concluded' THEN
    RAISE EXCEPTION 'council % is concluded and locked', cid USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER council_subjects_locked BEFORE INSERT OR UPDATE OR DELETE ON council_subjects FOR EACH ROW EXECUTE FUNCTION council_locked_guard();
CREATE TRIGGER council_members_locked BEFORE INSERT OR UPDATE OR DELETE ON council_members FOR EACH ROW EXECUTE FUNCTION council_locked_guard();
CREATE TRIGGER council_ballots_locked BEFORE INSERT OR UPDATE OR DELETE ON council_ballots FOR EACH ROW EXECUTE FUNCTION council_locked_guard();
CREATE TRIGGER council_ballot_scores_locked BEFORE INSERT OR UPDATE OR DELETE ON council_ballot_scores FOR EACH ROW EXECUTE FUNCTION council_locked_guard();
CREATE TRIGGER council_results_locked BEFORE INSERT OR UPDATE OR DELETE ON council_results FOR EACH ROW EXECUTE FUNCTION council_locked_guard();
