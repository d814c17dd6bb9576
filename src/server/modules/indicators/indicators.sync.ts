// Loads the plan's indicators (plan-indicators.ts) and the input series' definitions at every start, in demo mode or
// not. Idempotent, and never overwrites what users did:
// - a missing indicator is inserted, with the values the plan itself gives (only then: a value users deleted later
//   does not come back);
// - a plan indicator nobody has changed yet (version 1) follows the file when its definition in the file changes;
//   once staff edited or published it (version > 1), start-up leaves it alone;
// - series definitions likewise; the one series value the plan implies (population c. 2012) is inserted with its
//   series only.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import { PLAN_INDICATORS, type PlanIndicator } from "./plan-indicators.js";

export interface SeriesSeed {
  key: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  descriptionVi: string;
  descriptionEn: string;
  values: Array<{ year: number; value: number; source: string; note: string | null; estimate: boolean }>;
}

// Population implied by the plan (line 230): 136,470 graduates are 734 per 10,000 people.
const IMPLIED_POPULATION_2012 = Math.round((136470 / 734) * 10000);

export const SERIES_SEEDS: SeriesSeed[] = [
  {
    key: "population",
    nameVi: "Dân số trung bình",
    nameEn: "Average population",
    unitVi: "người",
    unitEn: "persons",
    descriptionVi: "Dân số trung bình của thành phố trong năm (Niên giám thống kê). Dùng để tính các chỉ tiêu trên 1 vạn dân.",
    descriptionEn: "The city's average population in the year (statistical yearbook). Used by the per-10,000-people indicators.",
    values: [
      {
        year: 2012,
        value: IMPLIED_POPULATION_2012,
        source: "Suy ra từ Đề án, Phần thứ nhất, mục I.6.1: 136.470 người có trình độ cao đẳng, đại học trở lên ÷ 734 người/vạn dân × 10.000 = 1.859.264",
        note: 'Ước tính: Đề án không nêu dân số; năm 2012 là thời điểm số liệu "hiện nay" của Đề án.',
        estimate: true,
      },
    ],
  },
  {
    key: "gdp",
    nameVi: "Tổng sản phẩm trên địa bàn (GRDP), giá hiện hành",
    nameEn: "Gross regional domestic product (GRDP), current prices",
    unitVi: "tỷ đồng",
    unitEn: "billion VND",
    descriptionVi:
      "GDP (GRDP) của thành phố theo giá hiện hành (Niên giám thống kê). Đề án không in GDP; GDP ngầm định trong kế hoạch kinh phí 2014–2020 là số kế hoạch, nằm ở mô hình kế hoạch kinh phí.",
    descriptionEn:
      "The city's GDP (GRDP) at current prices (statistical yearbook). The plan prints no GDP; the GDP implied by the 2014–2020 funding plan is a planning figure and lives in the funding-plan model.",
    values: [],
  },
  {
    key: "city_spending",
    nameVi: "Tổng chi ngân sách thành phố",
    nameEn: "Total city budget expenditure",
    unitVi: "tỷ đồng",
    unitEn: "billion VND",
    descriptionVi: "Tổng chi ngân sách địa phương của thành phố trong năm (quyết toán hoặc dự toán, ghi rõ ở nguồn).",
    descriptionEn: "The city's total local budget expenditure in the year (final accounts or estimate, said in the source).",
    values: [],
  },
];

export async function syncSeries(db: Executor, now: Date, seeds: SeriesSeed[] = SERIES_SEEDS): Promise<void> {
  const at = now.toISOString();
  const inserted = await db.execute<{ key: string }>(sql`
    INSERT INTO statistical_series (key, name_vi, name_en, unit_vi, unit_en, description_vi, description_en, created_at, updated_at)
    SELECT s.key, s."nameVi", s."nameEn", s."unitVi", s."unitEn", s."descriptionVi", s."descriptionEn", ${at}::timestamptz, ${at}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(seeds)}::jsonb) AS s(key text, "nameVi" text, "nameEn" text, "unitVi" text,
           "unitEn" text, "descriptionVi" text, "descriptionEn" text)
    ON CONFLICT (key) DO UPDATE
       SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, unit_vi = EXCLUDED.unit_vi, unit_en = EXCLUDED.unit_en,
           description_vi = EXCLUDED.description_vi, description_en = EXCLUDED.description_en, updated_at = EXCLUDED.updated_at
     WHERE statistical_series.version = 1
       AND (statistical_series.name_vi, statistical_series.name_en, statistical_series.unit_vi, statistical_series.unit_en,
            statistical_series.description_vi, statistical_series.description_en)
           IS DISTINCT FROM (EXCLUDED.name_vi, EXCLUDED.name_en, EXCLUDED.unit_vi, EXCLUDED.unit_en, EXCLUDED.description_vi, EXCLUDED.description_en)
    RETURNING key, (xmax = 0) AS fresh`);
  const fresh = new Set((inserted.rows as Array<{ key: string; fresh: boolean }>).filter((r) => r.fresh).map((r) => r.key));
  const values = seeds.filter((s) => fresh.has(s.key)).flatMap((s) => s.values.map((v) => ({ key: s.key, ...v })));
  if (!values.length) return;
  await db.execute(sql`
    INSERT INTO statistical_series_values (series_key, year, value, source, note, estimate, created_at, updated_at)
    SELECT v.key, v.year, v.value, v.source, v.note, v.estimate, ${at}::timestamptz, ${at}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(key text, year int, value numeric, source text, note text, estimate boolean)
    ON CONFLICT (series_key, year) DO NOTHING`);
}

const n = <T>(v: T | undefined) => (v === undefined ? null : v);

function row(p: PlanIndicator, index: number) {
  return {
    code: p.code,
    targetNo: p.targetNo,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    statementVi: p.statementVi,
    unitVi: p.unitVi,
    unitEn: p.unitEn,
    direction: p.direction,
    definitionVi: p.definitionVi,
    definitionEn: p.definitionEn,
    notes: p.notes,
    baseline: p.baseline
      ? {
          value: p.baseline.value,
          year: p.baseline.year,
          period: n(p.baseline.period),
          labelVi: n(p.baseline.labelVi),
          labelEn: n(p.baseline.labelEn),
          sourceLine: n(p.baseline.sourceLine),
          quote: n(p.baseline.quote),
          note: n(p.baseline.note),
        }
      : null,
    targets: p.targets.map((t) => ({
      year: t.year,
      value: n(t.value),
      min: n(t.min),
      max: n(t.max),
      bound: t.bound,
      original: n(t.original),
      sourceLine: n(t.sourceLine),
      quote: n(t.quote),
      note: n(t.note),
    })),
    valueSource: p.valueSource,
    computation: n(p.computation),
    sortOrder: (index + 1) * 10,
  };
}

const DEFINITION_COLUMNS = [
  "target_no",
  "name_vi",
  "name_en",
  "statement_vi",
  "unit_vi",
  "unit_en",
  "direction",
  "definition_vi",
  "definition_en",
  "notes",
  "baseline",
  "targets",
  "value_source",
  "computation",
  "sort_order",
];

export async function syncPlanIndicators(db: Executor, now: Date, plan: PlanIndicator[] = PLAN_INDICATORS): Promise<{ inserted: number; updated: number }> {
  const at = now.toISOString();
  const rows = plan.map(row);
  const r = await db.execute<{ id: string; code: string; fresh: boolean }>(sql`
    INSERT INTO indicators (code, origin, ${sql.raw(DEFINITION_COLUMNS.join(", "))}, created_at, updated_at)
    SELECT i.code, 'seed', i."targetNo", i."nameVi", i."nameEn", i."statementVi", i."unitVi", i."unitEn", i.direction,
           i."definitionVi", i."definitionEn", i.notes, i.baseline, coalesce(i.targets, '[]'::jsonb), i."valueSource", i.computation, i."sortOrder",
           ${at}::timestamptz, ${at}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS i(code text, "targetNo" text, "nameVi" text, "nameEn" text,
           "statementVi" text, "unitVi" text, "unitEn" text, direction text, "definitionVi" text, "definitionEn" text,
           notes text, baseline jsonb, targets jsonb, "valueSource" text, computation text, "sortOrder" int)
    ON CONFLICT (code) DO UPDATE
       SET ${sql.raw(DEFINITION_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(", "))}, updated_at = EXCLUDED.updated_at
     WHERE indicators.origin = 'seed' AND indicators.version = 1
       AND (${sql.raw(DEFINITION_COLUMNS.map((c) => `indicators.${c}`).join(", "))})
           IS DISTINCT FROM (${sql.raw(DEFINITION_COLUMNS.map((c) => `EXCLUDED.${c}`).join(", "))})
    RETURNING id, code, (xmax = 0) AS fresh`);
  const fresh = new Map(r.rows.filter((x) => x.fresh).map((x) => [x.code, x.id]));
  const values = plan.flatMap((p) =>
    fresh.has(p.code) ? (p.values ?? []).map((v) => ({ id: fresh.get(p.code)!, year: v.year, value: v.value, source: v.source, note: v.note ?? null })) : [],
  );
  if (values.length) {
    await db.execute(sql`
      INSERT INTO indicator_values (indicator_id, year, value, source, note, created_at, updated_at)
      SELECT v.id, v.year, v.value, v.source, v.note, ${at}::timestamptz, ${at}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id uuid, year int, value numeric, source text, note text)
      ON CONFLICT (indicator_id, year) DO NOTHING`);
  }
  return { inserted: fresh.size, updated: r.rows.length - fresh.size };
}

export async function syncIndicators(db: Executor, now: Date): Promise<void> {
  await syncSeries(db, now);
  await syncPlanIndicators(db, now);
}
