-- The register of documents issued (sổ đăng ký văn bản đi, NĐ 30/2020/NĐ-CP Điều 15 and Phụ lục III): a document
-- gets its number when it is issued — per register, per calendar year, from 1 with no gap. The number is taken in the
-- issuing transaction from the register's counter row (locked by the upsert until the transaction ends, so concurrent
-- issues wait and a rolled-back issue gives its number back); the unique keys stop a duplicate number and a document
-- issued twice. The signed scan is attached back to the entry (a stored file).
CREATE TABLE document_register_counters (
  register text NOT NULL,
  year integer NOT NULL,
  last_number integer NOT NULL CHECK (last_number >= 1),
  PRIMARY KEY (register, year)
);

CREATE TABLE document_register (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  register text NOT NULL,
  year integer NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  symbol text NOT NULL,
  kind text NOT NULL,
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  type_name text NOT NULL,
  summary text NOT NULL,
  signer text NOT NULL,
  recipients text NOT NULL,
  issued_on date NOT NULL,
  issued_at timestamptz NOT NULL,
  issued_by uuid REFERENCES users (id),
  signed_file_id uuid REFERENCES files (id),
  signed_attached_at timestamptz,
  signed_attached_by uuid REFERENCES users (id),
  search_text text GENERATED ALWAYS AS (f_fold(symbol || ' ' || type_name || ' ' || summary)) STORED,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT document_register_number_key UNIQUE (register, year, number),
  CONSTRAINT document_register_document_key UNIQUE (kind, entity_id),
  CONSTRAINT document_register_signed_check CHECK ((signed_file_id IS NULL) = (signed_attached_at IS NULL))
);
CREATE INDEX document_register_list_idx ON document_register (issued_at DESC, id);
CREATE INDEX document_register_search_idx ON document_register USING gin (search_text gin_trgm_ops);
