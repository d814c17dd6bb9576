-- Process templates (issue 3 item 2): the lifecycle of a task as versioned configuration. Start-up inserts the
-- versions shipped in src/common/processes that the database lacks; administrators add new versions through the API.
-- A version never changes once stored (records that started under it keep following it): UPDATE and DELETE are refused.
CREATE TABLE process_templates (
  key text PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE process_template_versions (
  template_key text NOT NULL REFERENCES process_templates (key),
  version integer NOT NULL CHECK (version >= 1),
  effective_from date NOT NULL,
  legal_basis text NOT NULL,
  note text,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  PRIMARY KEY (template_key, version)
);
CREATE INDEX process_template_versions_in_force_idx ON process_template_versions (template_key, effective_from DESC, version DESC);

CREATE OR REPLACE FUNCTION process_template_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'process template versions are immutable' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER process_template_versions_no_change BEFORE UPDATE OR DELETE ON process_template_versions
  FOR EACH ROW EXECUTE FUNCTION process_template_versions_immutable();
