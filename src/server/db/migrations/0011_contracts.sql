-- Contracts for approved S&T tasks (hợp đồng thực hiện nhiệm vụ KH&CN), issue 3 item 7: the contract between the
-- Department (Bên A, ordering party) and the lead organisation with its PI (Bên B), its products, the disbursement
-- plan (advances and tranches), the payment ledger, amendments (điều chỉnh) with their history, termination and
-- liquidation. Money is integer đồng. Two-person rule (SECURITY.md 10): whoever prepares a contract, a payment or an
-- amendment never approves it; the service refuses it and the columns below record both people.

CREATE TABLE contracts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL REFERENCES tasks (id),
  number text NOT NULL,
  year integer NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  -- Bên A: the ordering party
  party_a_name text NOT NULL,
  party_a_representative text,
  -- Bên B: the lead organisation and the PI
  party_b_organisation_id uuid NOT NULL REFERENCES organisations (id),
  party_b_representative text,
  pi_person_id uuid NOT NULL REFERENCES people (id),
  value_city bigint NOT NULL,
  value_other bigint NOT NULL DEFAULT 0,
  start_date date NOT NULL,
  end_date date NOT NULL,
  terms text,
  prepared_by uuid NOT NULL REFERENCES users (id),
  signed_by uuid REFERENCES users (id),
  signed_at timestamptz,
  party_a_signed_on date,
  party_b_signed_on date,
  -- settlement (quyết toán): the city-budget amount Bên B has justified as spent
  spent_city bigint,
  settled_by uuid REFERENCES users (id),
  settled_at timestamptz,
  terminated_at timestamptz,
  terminated_by uuid REFERENCES users (id),
  termination_reason text,
  amount_to_return bigint,
  liquidated_at timestamptz,
  liquidated_by uuid REFERENCES users (id),
  search_text text GENERATED ALWAYS AS (f_fold(coalesce(number, '') || ' ' || coalesce(party_a_name, ''))) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_by uuid,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT contracts_status_check CHECK (status IN ('draft', 'signed', 'amended', 'liquidated', 'terminated')),
  CONSTRAINT contracts_money_check CHECK (
    value_city >= 0 AND value_other >= 0 AND coalesce(spent_city, 0) >= 0 AND coalesce(amount_to_return, 0) >= 0
  ),
  CONSTRAINT contracts_period_check CHECK (end_date >= start_date),
  CONSTRAINT contracts_signed_check CHECK (status = 'draft' OR (signed_by IS NOT NULL AND party_a_signed_on IS NOT NULL AND party_b_signed_on IS NOT NULL)),
  CONSTRAINT contracts_two_person_check CHECK (signed_by IS NULL OR signed_by <> prepared_by),
  CONSTRAINT contracts_year_check CHECK (year BETWEEN 1990 AND 2100)
);
CREATE UNIQUE INDEX contracts_number_key ON contracts (number);
-- one live contract per task (a terminated one may be followed by none; the task ends with it)
CREATE UNIQUE INDEX contracts_task_key ON contracts (task_id);
CREATE INDEX contracts_status_idx ON contracts (status, updated_at DESC);
CREATE INDEX contracts_org_idx ON contracts (party_b_organisation_id);
CREATE INDEX contracts_pi_idx ON contracts (pi_person_id);
CREATE INDEX contracts_search_trgm ON contracts USING gin (search_text gin_trgm_ops);

-- Products the contract orders (copied from the selected dossier, editable until signing, then by amendment).
CREATE TABLE contract_products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  output_type text NOT NULL,
  quantity numeric(12, 2) NOT NULL,
  unit text NOT NULL,
  quality_target text NOT NULL,
  CONSTRAINT contract_products_type_check CHECK (
    output_type IN ('scientific_argument', 'model', 'solution', 'product', 'variety', 'publication', 'patent', 'training', 'other')
  ),
  CONSTRAINT contract_products_quantity_check CHECK (quantity > 0)
);
CREATE UNIQUE INDEX contract_products_position_key ON contract_products (contract_id, position);

-- Disbursement plan: advances (tạm ứng) and tranches (đợt cấp kinh phí); the city amounts add up to value_city.
CREATE TABLE contract_tranches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL,
  label text NOT NULL,
  planned_date date NOT NULL,
  amount_city bigint NOT NULL,
  amount_other bigint NOT NULL DEFAULT 0,
  condition text,
  status text NOT NULL DEFAULT 'planned',
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES users (id),
  cancel_reason text,
  CONSTRAINT contract_tranches_kind_check CHECK (kind IN ('advance', 'tranche')),
  CONSTRAINT contract_tranches_status_check CHECK (status IN ('planned', 'cancelled')),
  CONSTRAINT contract_tranches_money_check CHECK (amount_city >= 0 AND amount_other >= 0 AND amount_city + amount_other > 0)
);
CREATE UNIQUE INDEX contract_tranches_position_key ON contract_tranches (contract_id, position);

-- The payment ledger: append-only. A payment is prepared by one finance user and approved by another finance user or
-- a leader; a reversal is a new negative entry pointing at the payment it reverses; a return (hoàn trả) records money
-- Bên B gives back to the budget. Amounts are never edited; only the status of a pending entry changes.
CREATE TABLE contract_payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES contracts (id),
  tranche_id uuid REFERENCES contract_tranches (id),
  kind text NOT NULL,
  source text NOT NULL,
  amount bigint NOT NULL,
  paid_on date NOT NULL,
  reference text,
  note text,
  reverses_id uuid REFERENCES contract_payments (id),
  status text NOT NULL DEFAULT 'pending',
  prepared_by uuid NOT NULL REFERENCES users (id),
  prepared_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_note text,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT contract_payments_kind_check CHECK (kind IN ('payment', 'reversal', 'return')),
  CONSTRAINT contract_payments_source_check CHECK (source IN ('city', 'other')),
  CONSTRAINT contract_payments_status_check CHECK (status IN ('pending', 'approved', 'rejected')),
  CONSTRAINT contract_payments_sign_check CHECK (
    (kind = 'reversal' AND amount < 0 AND reverses_id IS NOT NULL AND note IS NOT NULL)
    OR (kind = 'payment' AND amount > 0 AND tranche_id IS NOT NULL AND reverses_id IS NULL)
    OR (kind = 'return' AND amount > 0 AND reverses_id IS NULL)
  ),
  CONSTRAINT contract_payments_two_person_check CHECK (decided_by IS NULL OR decided_by <> prepared_by)
);
CREATE INDEX contract_payments_contract_idx ON contract_payments (contract_id, prepared_at);
CREATE INDEX contract_payments_tranche_idx ON contract_payments (tranche_id);
CREATE INDEX contract_payments_pending_idx ON contract_payments (status, prepared_at) WHERE status = 'pending';
CREATE INDEX contract_payments_reverses_idx ON contract_payments (reverses_id);

-- Amendments (điều chỉnh): schedule, content, budget or PI, with the proposed values; an approved amendment is
-- applied to the contract (and the task) in the approving transaction, keeping the values it replaced.
CREATE TABLE contract_amendments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES contracts (id),
  seq integer NOT NULL,
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  reason text NOT NULL,
  proposed jsonb NOT NULL,
  previous jsonb,
  requested_by uuid NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_note text,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT contract_amendments_kind_check CHECK (kind IN ('schedule', 'content', 'budget', 'pi')),
  CONSTRAINT contract_amendments_status_check CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  CONSTRAINT contract_amendments_two_person_check CHECK (decided_by IS NULL OR status = 'withdrawn' OR decided_by <> requested_by)
);
CREATE UNIQUE INDEX contract_amendments_seq_key ON contract_amendments (contract_id, seq);
CREATE INDEX contract_amendments_pending_idx ON contract_amendments (status, requested_at) WHERE status = 'pending';
