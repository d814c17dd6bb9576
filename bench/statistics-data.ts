// Benchmark data for statistical reporting and the leadership dashboard, written set-based through
// the benchmark's own connection after the app has started:
// - ten yearly reporting periods (the latest open, the others closed), each with the five seeded forms assigned to
//   `organisations` organisations: organisations × 5 reports per period, all approved;
// - the latest period's reports carry `cellsPerReport` numeric cells each (the form's own numeric cells first, then
//   extra keys "bench.cell.N" up to the size the issue names: 1,000 × 5 × 500 = 2,500,000 cells); the earlier periods
//   carry the form's own numeric cells only (their consolidated values feed the indicators over ten years);
// - the input series (population, GDP, city spending) and the funding plan's actual allocations for the ten years,
//   and one entered value per year for every indicator whose values are entered.
// The approved-report lock (trigger statistical_report_locked_guard) is switched off while the cells are written
// and on again before measuring: the reports are inserted as submitted, given their cells, then approved.
import type pg from "pg";
import { formCells, isNumericCell } from "../src/common/statistics/validate.js";
import type { FormDefinition } from "../src/common/api/statistics.js";

export interface StatisticsBenchSummary {
  periods: number;
  reports: number;
  cells: number;
  latestPeriodId: string;
  formKeys: string[];
  seconds: number;
}

export async function seedStatisticsBenchData(
  pool: pg.Pool,
  opts: { organisations: number; cellsPerReport: number; years: number; lastYear: number },
): Promise<StatisticsBenchSummary> {
  const started = performance.now();
  const c = await pool.connect();
  try {
    const orgs = (await c.query<{ id: string }>("SELECT id FROM organisations ORDER BY id LIMIT $1", [opts.organisations])).rows.map((r) => r.id);
    if (orgs.length < opts.organisations) throw new Error(`only ${orgs.length} organisations; run with --organisations ≥ ${opts.organisations}`);
    const officer = (await c.query<{ id: string }>("SELECT id FROM users WHERE username = 'officer'")).rows[0]!.id;
    const forms = (
      await c.query<{ form_key: string; version: number; definition: FormDefinition }>(
        `SELECT DISTINCT ON (form_key) form_key, version, definition FROM statistical_form_versions ORDER BY form_key, version DESC`,
      )
    ).rows;
    const ownCells = new Map(
      forms.map((f) => [
        f.form_key,
        formCells(f.definition)
          .filter(isNumericCell)
          .map((x) => x.key),
      ]),
    );

    await c.query("BEGIN");
    await c.query("ALTER TABLE statistical_report_cells DISABLE TRIGGER statistical_report_cells_locked");
    let latestPeriodId = "";
    let reports = 0;
    let cells = 0;
    for (let year = opts.lastYear - opts.years + 1; year <= opts.lastYear; year++) {
      const latest = year === opts.lastYear;
      const period = (
        await c.query<{ id: string }>(
          `INSERT INTO statistical_periods (year, name_vi, name_en, reference_date, deadline, status, opened_at, closed_at, created_by, updated_by, created_at, updated_at)
           VALUES ($1::int, 'Kỳ báo cáo năm ' || $1::int, 'Reporting year ' || $1::int, make_date($1::int, 12, 31), make_date($1::int + 1, 2, 1), $2::text,
                   make_date($1::int + 1, 1, 1), CASE WHEN $2::text = 'closed' THEN make_date($1::int + 1, 3, 1) END, $3::uuid, $3::uuid,
                   make_date($1::int, 12, 1), make_date($1::int + 1, 1, 1))
           RETURNING id`,
          [year, latest ? "open" : "closed", officer],
        )
      ).rows[0]!.id;
      if (latest) latestPeriodId = period;
      for (const f of forms) {
        await c.query("INSERT INTO statistical_period_forms (period_id, form_key, form_version) VALUES ($1, $2, $3)", [period, f.form_key, f.version]);
      }
      const r = await c.query(
        `INSERT INTO statistical_reports (period_id, organisation_id, form_key, form_version, status, submitted_at, submitted_by, created_by, updated_by, created_at, updated_at)
         SELECT $1::uuid, o, f.form_key, f.version, 'submitted', make_date($2::int + 1, 1, 15), $3::uuid, $3::uuid, $3::uuid,
                make_date($2::int + 1, 1, 1), make_date($2::int + 1, 1, 15)
           FROM unnest($4::uuid[]) AS o, jsonb_to_recordset($5::jsonb) AS f(form_key text, version int)`,
        [period, year, officer, orgs, JSON.stringify(forms.map((f) => ({ form_key: f.form_key, version: f.version })))],
      );
      reports += r.rowCount ?? 0;
      for (const f of forms) {
        const own = ownCells.get(f.form_key)!;
        const keys = latest ? [...own, ...Array.from({ length: Math.max(0, opts.cellsPerReport - own.length) }, (_, i) => `bench.cell.${i + 1}`)] : own;
        const w = await c.query(
          `INSERT INTO statistical_report_cells (report_id, cell_key, value)
           SELECT r.id, k, (abs(hashtext(r.id::text || k)) % 1000)::numeric
             FROM statistical_reports r, unnest($3::text[]) AS k
            WHERE r.period_id = $1::uuid AND r.form_key = $2::text`,
          [period, f.form_key, keys],
        );
        cells += w.rowCount ?? 0;
      }
      await c.query(
        `UPDATE statistical_reports SET status = 'approved', approved_at = make_date($2::int + 1, 1, 20), approved_by = $3::uuid WHERE period_id = $1::uuid`,
        [period, year, officer],
      );
    }
    await c.query("ALTER TABLE statistical_report_cells ENABLE TRIGGER statistical_report_cells_locked");
    // Ten years of inputs: series, actual allocations (đồng) and one value per year of every entered indicator.
    const first = opts.lastYear - opts.years + 1;
    await c.query(
      `INSERT INTO statistical_series_values (series_key, year, value, source, estimate, created_by, updated_by, created_at, updated_at)
       SELECT s.key, y, CASE s.key WHEN 'population' THEN 1900000 + (y - $1::int) * 15000
                                   WHEN 'gdp' THEN 90000 + (y - $1::int) * 9000
                                   ELSE 18000 + (y - $1::int) * 1500 END, 'Số liệu sinh cho đo hiệu năng', true, $3::uuid, $3::uuid, now(), now()
         FROM statistical_series s, generate_series($1::int, $2::int) AS y
        WHERE s.key IN ('population', 'gdp', 'city_spending')
       ON CONFLICT (series_key, year) DO NOTHING`,
      [first, opts.lastYear, officer],
    );
    await c.query(
      `INSERT INTO funding_plan_actuals (year, city_recurrent, city_development, other_sources, source, created_by, updated_by, created_at, updated_at)
       SELECT y, (150 + (y - $1::int) * 10)::bigint * 1000000000, (120 + (y - $1::int) * 8)::bigint * 1000000000,
              (600 + (y - $1::int) * 50)::bigint * 1000000000, 'Số liệu sinh cho đo hiệu năng', $3::uuid, $3::uuid, now(), now()
         FROM generate_series($1::int, $2::int) AS y
       ON CONFLICT (year) DO NOTHING`,
      [first, opts.lastYear, officer],
    );
    await c.query(
      `INSERT INTO indicator_values (indicator_id, year, value, source, created_by, updated_by, created_at, updated_at)
       SELECT i.id, y, (abs(hashtext(i.code || y)) % 100)::numeric, 'Số liệu sinh cho đo hiệu năng', $3::uuid, $3::uuid, now(), now()
         FROM indicators i, generate_series($1::int, $2::int) AS y
        WHERE i.value_source = 'entered'
       ON CONFLICT (indicator_id, year) DO NOTHING`,
      [first, opts.lastYear, officer],
    );
    await c.query("COMMIT");
    await c.query("VACUUM ANALYZE statistical_reports");
    await c.query("VACUUM ANALYZE statistical_report_cells");
    return {
      periods: opts.years,
      reports,
      cells,
      latestPeriodId,
      formKeys: forms.map((f) => f.form_key),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } catch (e) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
