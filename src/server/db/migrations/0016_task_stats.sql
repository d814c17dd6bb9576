-- Task analytics at scale (issue 3 item 15): grouped counts, money and outputs of every task, kept up to date by
-- triggers in the same transaction as each write, so the analytics page reads a few thousand summary rows instead of
-- grouping every task nine ways (and joining every selected dossier's products) on each request.
--
-- task_status_groups: the analytics status group of each process step — the data of STEP_STATUS_GROUP,
-- LIQUIDATED_WITHOUT_PASS and PROPOSED_MONEY_GROUPS in src/common/api/task-analytics.ts, written at start-up
-- (which rebuilds the summary when the mapping changed).
CREATE TABLE task_status_groups (
  step text PRIMARY KEY,
  grp text NOT NULL,
  -- proposals and tasks in selection count their proposed budget
  counts_proposed boolean NOT NULL,
  -- the group of a task at this step without a passing result grade (excellent / pass), when it differs
  grp_without_pass text,
  counts_proposed_without_pass boolean NOT NULL DEFAULT false
);

-- Signed contributions (+ for a row written, − for the row it replaced), per dimension and key, by year and origin.
-- Readers sum them; upkeep (platform/maintenance.ts) folds them together now and then.
CREATE TABLE task_stat_deltas (
  dim text NOT NULL,
  key text,
  year integer NOT NULL,
  origin text NOT NULL,
  n integer NOT NULL,
  city bigint NOT NULL,
  other bigint NOT NULL,
  proposed bigint NOT NULL,
  -- dim 'output' (key = output type): n counts tasks with such products, quantity sums them
  quantity numeric NOT NULL DEFAULT 0
);
CREATE INDEX task_stat_deltas_year_idx ON task_stat_deltas (year, origin);

-- Products per (dossier, output type), kept by a row trigger on the products.
CREATE TABLE dossier_output_totals (
  dossier_id uuid NOT NULL REFERENCES task_dossiers (id) ON DELETE CASCADE,
  output_type text NOT NULL,
  products integer NOT NULL,
  quantity numeric NOT NULL,
  PRIMARY KEY (dossier_id, output_type)
);
INSERT INTO dossier_output_totals (dossier_id, output_type, products, quantity)
SELECT dossier_id, output_type, count(*), sum(quantity) FROM task_dossier_products GROUP BY 1, 2;
CREATE INDEX tasks_selected_dossier_idx ON tasks (selected_dossier_id) WHERE selected_dossier_id IS NOT NULL;

CREATE FUNCTION dossier_output_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE dossier_output_totals SET products = products - 1, quantity = quantity - OLD.quantity
     WHERE dossier_id = OLD.dossier_id AND output_type = OLD.output_type;
    DELETE FROM dossier_output_totals WHERE dossier_id = OLD.dossier_id AND output_type = OLD.output_type AND products = 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO dossier_output_totals (dossier_id, output_type, products, quantity) VALUES (NEW.dossier_id, NEW.output_type, 1, NEW.quantity)
    ON CONFLICT (dossier_id, output_type)
    DO UPDATE SET products = dossier_output_totals.products + 1, quantity = dossier_output_totals.quantity + EXCLUDED.quantity;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER task_dossier_products_totals AFTER INSERT OR UPDATE OR DELETE ON task_dossier_products
  FOR EACH ROW EXECUTE FUNCTION dossier_output_totals_apply();

-- A selected dossier's totals changed: the task that selected it counts the difference.
CREATE FUNCTION dossier_output_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('khcn.task_stats_rebuilding', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO task_stat_deltas (dim, key, year, origin, n, city, other, proposed, quantity)
  SELECT 'output', x.output_type, t.year, t.origin, x.n, 0, 0, 0, x.q
    FROM tasks t,
         (SELECT CASE WHEN TG_OP = 'DELETE' THEN OLD.output_type ELSE NEW.output_type END AS output_type,
                 CASE TG_OP WHEN 'INSERT' THEN 1 WHEN 'DELETE' THEN -1 ELSE 0 END AS n,
                 CASE TG_OP WHEN 'INSERT' THEN NEW.quantity WHEN 'DELETE' THEN -OLD.quantity ELSE NEW.quantity - OLD.quantity END AS q) x
   WHERE t.selected_dossier_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.dossier_id ELSE NEW.dossier_id END
     AND (x.n <> 0 OR x.q <> 0);
  RETURN NULL;
END $$;
CREATE TRIGGER dossier_output_totals_stats AFTER INSERT OR UPDATE OR DELETE ON dossier_output_totals
  FOR EACH ROW EXECUTE FUNCTION dossier_output_stats_apply();

-- The (dimension, key) pairs one task counts under, with the proposed budget it contributes.
CREATE FUNCTION task_stat_keys(
  state text, result_grade text, proposed_budget bigint, field_code text, sector_code text, year integer,
  programme_id uuid, lead_organisation_id uuid, task_type text
) RETURNS TABLE (dim text, key text, proposed bigint) LANGUAGE sql STABLE AS $$
  WITH s AS (
    SELECT g.*, (g.grp_without_pass IS NOT NULL AND coalesce(result_grade, '') NOT IN ('excellent', 'pass')) AS without_pass
      FROM (SELECT 1) one LEFT JOIN task_status_groups g ON g.step = state
  ), e AS (
    SELECT CASE WHEN s.without_pass THEN s.grp_without_pass ELSE s.grp END AS grp,
           CASE WHEN s.without_pass THEN s.counts_proposed_without_pass ELSE coalesce(s.counts_proposed, false) END AS counts_proposed
      FROM s
  )
  SELECT d.dim, d.key, CASE WHEN e.counts_proposed THEN coalesce(proposed_budget, 0) ELSE 0 END
    FROM e CROSS JOIN LATERAL (VALUES
      ('total', NULL::text), ('field2', field_code), ('field1', left(field_code, 1)), ('sector', sector_code),
      ('status', e.grp), ('year', year::text), ('programme', programme_id::text),
      ('organisation', lead_organisation_id::text), ('type', task_type)) AS d (dim, key)
$$;

CREATE FUNCTION task_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text := 'state, result_grade, proposed_budget, field_code, sector_code, year, programme_id, lead_organisation_id, '
    'task_type, origin, coalesce(approved_budget_city, 0) AS city, coalesce(approved_budget_other, 0) AS other';
  src text := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows', cols)
    ELSE format('SELECT %s, 1 AS sign FROM new_rows UNION ALL SELECT %s, -1 AS sign FROM old_rows', cols, cols)
  END;
  -- the selected dossier's outputs, for the rows written (+) and the rows they replaced (−)
  outs text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT year, origin, selected_dossier_id, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT year, origin, selected_dossier_id, -1 AS sign FROM old_rows'
    ELSE 'SELECT year, origin, selected_dossier_id, 1 AS sign FROM new_rows UNION ALL '
         'SELECT year, origin, selected_dossier_id, -1 AS sign FROM old_rows'
  END;
BEGIN
  EXECUTE format($q$
    INSERT INTO task_stat_deltas (dim, key, year, origin, n, city, other, proposed)
    SELECT k.dim, k.key, r.year, r.origin, sum(r.sign), sum(r.sign * r.city), sum(r.sign * r.other), sum(r.sign * k.proposed)
      FROM (%s) r
      CROSS JOIN LATERAL task_stat_keys(r.state, r.result_grade, r.proposed_budget, r.field_code, r.sector_code, r.year,
                                       r.programme_id, r.lead_organisation_id, r.task_type) k
     GROUP BY 1, 2, 3, 4
    HAVING sum(r.sign) <> 0 OR sum(r.sign * r.city) <> 0 OR sum(r.sign * r.other) <> 0 OR sum(r.sign * k.proposed) <> 0 $q$, src);
  EXECUTE format($q$
    INSERT INTO task_stat_deltas (dim, key, year, origin, n, city, other, proposed, quantity)
    SELECT 'output', o.output_type, r.year, r.origin, sum(r.sign), 0, 0, 0, sum(r.sign * o.quantity)
      FROM (%s) r JOIN dossier_output_totals o ON o.dossier_id = r.selected_dossier_id
     GROUP BY 1, 2, 3, 4
    HAVING sum(r.sign) <> 0 OR sum(r.sign * o.quantity) <> 0 $q$, outs);
  RETURN NULL;
END $$;

CREATE TRIGGER tasks_stats_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_stats_apply();
CREATE TRIGGER tasks_stats_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_stats_apply();
CREATE TRIGGER tasks_stats_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_stats_apply();

-- Recomputes the summary from the tasks and products (after the status mapping changed, or after a restore). Blocks
-- task and product writes meanwhile.
CREATE FUNCTION task_stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE tasks, task_dossier_products IN SHARE MODE;
  -- the per-row delta trigger of the totals stands aside while they are recomputed (the deltas are recomputed below)
  PERFORM set_config('khcn.task_stats_rebuilding', 'on', true);
  DELETE FROM dossier_output_totals;
  INSERT INTO dossier_output_totals (dossier_id, output_type, products, quantity)
  SELECT dossier_id, output_type, count(*), sum(quantity) FROM task_dossier_products GROUP BY 1, 2;
  PERFORM set_config('khcn.task_stats_rebuilding', 'off', true);
  DELETE FROM task_stat_deltas;
  INSERT INTO task_stat_deltas (dim, key, year, origin, n, city, other, proposed)
  SELECT k.dim, k.key, t.year, t.origin, count(*), sum(coalesce(t.approved_budget_city, 0)), sum(coalesce(t.approved_budget_other, 0)), sum(k.proposed)
    FROM tasks t
    CROSS JOIN LATERAL task_stat_keys(t.state, t.result_grade, t.proposed_budget, t.field_code, t.sector_code, t.year,
                                     t.programme_id, t.lead_organisation_id, t.task_type) k
   GROUP BY 1, 2, 3, 4;
  INSERT INTO task_stat_deltas (dim, key, year, origin, n, city, other, proposed, quantity)
  SELECT 'output', o.output_type, t.year, t.origin, count(*), 0, 0, 0, sum(o.quantity)
    FROM tasks t JOIN dossier_output_totals o ON o.dossier_id = t.selected_dossier_id
   GROUP BY 1, 2, 3, 4;
END $$;

-- Folds the deltas into one row per (dim, key, year, origin). Safe beside concurrent writers and other app servers:
-- rows inserted after this statement's snapshot are neither deleted nor summed; a row another fold already deleted
-- is skipped.
CREATE FUNCTION task_stats_compact() RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM task_stat_deltas RETURNING *)
  INSERT INTO task_stat_deltas (dim, key, year, origin, n, city, other, proposed, quantity)
  SELECT dim, key, year, origin, sum(n), sum(city), sum(other), sum(proposed), sum(quantity)
    FROM gone GROUP BY 1, 2, 3, 4
  HAVING sum(n) <> 0 OR sum(city) <> 0 OR sum(other) <> 0 OR sum(proposed) <> 0 OR sum(quantity) <> 0
$$;
