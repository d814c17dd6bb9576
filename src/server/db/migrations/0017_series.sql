-- Input series (chuỗi số liệu đầu vào) for indicators and the funding plan (issue 4): population, GDP, city budget
-- spending… one value per series and year, each with its provenance (where the figure comes from).

CREATE TABLE statistical_series (
  key text PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  unit_vi text NOT NULL,
  unit_en text NOT NULL,
  description_vi text,
  description_en text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT statistical_series_key_check CHECK (key ~ '^[a-z][a-z0-9_]*$')
);

CREATE TABLE statistical_series_values (
  series_key text NOT NULL REFERENCES statistical_series (key),
  year integer NOT NULL,
  value numeric NOT NULL,
  -- provenance: the publication, table or plan line the value was taken from
  source text NOT NULL,
  note text,
  -- estimate: derived or projected rather than an official figure
  estimate boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (series_key, year),
  CONSTRAINT statistical_series_values_year_check CHECK (year BETWEEN 1900 AND 2200)
);
