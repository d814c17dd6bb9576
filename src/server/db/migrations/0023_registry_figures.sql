-- Figures the computed indicators take from the registries (modules/indicators/registry-figures.ts). Counting the
-- S&T workforce walks the whole people registry and its affiliations (tens of milliseconds at 20,000 people, growing
-- with the registry), too slow to repeat on every dashboard and indicator read. The upkeep recomputes the figures
-- every 15 minutes (and staff may ask for it at once); reads take the stored row of the current year.
CREATE TABLE registry_figures (
  key text PRIMARY KEY,
  -- the Vietnam date the figures describe (affiliations are counted when current on that day)
  as_of date NOT NULL,
  figures jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT registry_figures_figures_check CHECK (jsonb_typeof(figures) = 'object')
);
