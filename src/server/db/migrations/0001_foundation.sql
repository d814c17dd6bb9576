-- Foundation: text folding, accounts and sessions, audit, reference code lists,
-- the people and organisations registries, imports and stored files.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is not IMMUTABLE; this wrapper is, so it can back generated columns and indexes.
-- Fold order matters: unaccent first (Đ → D), then lower() — lower() under the "C" collation only folds ASCII.
CREATE OR REPLACE FUNCTION f_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Vietnamese alphabetical order (a ă â b c d đ e ê … o ô ơ … u ư): collation "vn".
-- PostgreSQL 16+ (and PGlite, whose ICU has no Vietnamese locale data) build it from tailoring rules;
-- PostgreSQL 15 has no rules option but ships the ICU "vi" locale, which orders the same.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 160000 THEN
    EXECUTE $c$CREATE COLLATION vn (provider = icu, locale = 'und', rules = '&A<ă<<<Ă<â<<<Â &D<đ<<<Đ &E<ê<<<Ê &O<ô<<<Ô<ơ<<<Ơ &U<ư<<<Ư')$c$;
  ELSE
    EXECUTE $c$CREATE COLLATION vn (provider = icu, locale = 'vi')$c$;
  END IF;
END $$;

-- ─── Accounts and sessions ────────────────────────────────────────────────
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  email text,
  password_hash text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  person_id uuid,
  organisation_id uuid,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  disabled_reason text,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  totp_last_step bigint,
  last_login_at timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE sessions (
  id text PRIMARY KEY,               -- sha256 of the cookie token; the token itself is never stored
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  mfa_pending boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Fixed-window counters shared by every app server (login throttling per IP and per account).
CREATE TABLE rate_limits (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (key, window_start)
);

-- ─── Audit (append-only, hash-chained) ────────────────────────────────────
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_username text,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  ip text,
  correlation_id text,
  before jsonb,
  after jsonb,
  details jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id);
CREATE INDEX audit_log_action_idx ON audit_log (action);

CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- ─── Reference code lists (versioned) ─────────────────────────────────────
CREATE TABLE code_list_versions (
  list_key text NOT NULL,
  version integer NOT NULL,
  effective_from date NOT NULL,
  legal_basis text NOT NULL,
  note text,
  PRIMARY KEY (list_key, version)
);
CREATE TABLE codes (
  list_key text NOT NULL,
  version integer NOT NULL,
  code text NOT NULL,
  parent_code text,
  level integer NOT NULL DEFAULT 1,
  label_vi text NOT NULL,
  label_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (list_key, version, code),
  FOREIGN KEY (list_key, version) REFERENCES code_list_versions (list_key, version)
);

-- ─── Organisations registry ───────────────────────────────────────────────
CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL,
  name_vi text NOT NULL,
  name_en text,
  abbreviation text,
  tax_code text,
  org_id_code text,
  ror text,
  parent_id uuid REFERENCES organisations(id),
  address text,
  district text,
  governance text NOT NULL DEFAULT 'local' CHECK (governance IN ('central', 'local')),
  fields text[] NOT NULL DEFAULT '{}',
  website text,
  email text,
  phone text,
  founded_year integer,
  search_text text GENERATED ALWAYS AS (
    f_fold(coalesce(name_vi, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(abbreviation, '') || ' ' || coalesce(tax_code, ''))
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_by uuid,
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX organisations_tax_code_key ON organisations (tax_code) WHERE tax_code IS NOT NULL;
CREATE INDEX organisations_search_trgm ON organisations USING gin (search_text gin_trgm_ops);
CREATE INDEX organisations_name_vi_sort ON organisations ((name_vi COLLATE vn));
CREATE INDEX organisations_type_idx ON organisations (type);
CREATE INDEX organisations_parent_idx ON organisations (parent_id);

CREATE TABLE laboratories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL,
  scheme text NOT NULL CHECK (scheme IN ('VILAS', 'ISO17025')),
  accreditation_number text NOT NULL,
  expires_on date,
  fields text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX laboratories_org_idx ON laboratories (organisation_id);

-- ─── People registry ──────────────────────────────────────────────────────
CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  full_name text NOT NULL,
  -- Vietnamese lists of people sort by given name (the last word), then by the full name.
  given_name text GENERATED ALWAYS AS (regexp_replace(btrim(full_name), '^.*\s', '')) STORED,
  birth_year integer,
  gender text CHECK (gender IN ('male', 'female', 'other')),
  degree text,
  title text,
  fields text[] NOT NULL DEFAULT '{}',
  keywords text[] NOT NULL DEFAULT '{}',
  orcid text,
  email text,
  phone text,
  address text,
  is_expert boolean NOT NULL DEFAULT false,
  expert_since date,
  primary_organisation_id uuid REFERENCES organisations(id),
  search_text text GENERATED ALWAYS AS (f_fold(full_name)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_by uuid,
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX people_orcid_key ON people (orcid) WHERE orcid IS NOT NULL;
CREATE INDEX people_search_trgm ON people USING gin (search_text gin_trgm_ops);
CREATE INDEX people_sort_idx ON people ((given_name COLLATE vn), (full_name COLLATE vn), id);
CREATE INDEX people_degree_idx ON people (degree);
CREATE INDEX people_org_idx ON people (primary_organisation_id);
CREATE INDEX people_fields_idx ON people USING gin (fields);

CREATE TABLE person_affiliations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  position text,
  start_date date,
  end_date date,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX person_affiliations_person_idx ON person_affiliations (person_id);
CREATE INDEX person_affiliations_org_idx ON person_affiliations (organisation_id);

-- Consent per processing purpose, with the version of the notice the person saw (Law 91/2025/QH15).
CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  purpose text NOT NULL,
  notice_version text NOT NULL,
  granted boolean NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid
);
CREATE INDEX consents_person_idx ON consents (person_id, purpose, recorded_at DESC);

-- A person's request to delete their data, tracked to completion.
CREATE TABLE deletion_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid REFERENCES people(id) ON DELETE SET NULL,
  requested_by uuid,
  reason text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'rejected')),
  resolution text,
  requested_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by uuid,
  version integer NOT NULL DEFAULT 1
);

ALTER TABLE users ADD CONSTRAINT users_person_fk FOREIGN KEY (person_id) REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE users ADD CONSTRAINT users_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE SET NULL;

-- ─── Stored files and imports ─────────────────────────────────────────────
-- Files live in the database so every app server sees them and a backup holds them.
CREATE TABLE files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  original_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  file_id uuid REFERENCES files(id),
  file_sha256 text NOT NULL,
  idempotency_key text,
  status text NOT NULL CHECK (status IN ('invalid', 'ready', 'committed')),
  total_rows integer NOT NULL,
  error_count integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',
  rows jsonb NOT NULL DEFAULT '[]',
  created_ids jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  committed_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX imports_file_key ON imports (kind, file_sha256, created_by);
CREATE UNIQUE INDEX imports_idempotency_key ON imports (kind, idempotency_key, created_by) WHERE idempotency_key IS NOT NULL;
