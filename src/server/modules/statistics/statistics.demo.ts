// Demo statistical reporting: the 2025 period (reference date 31/12/2025, deadline 01/02/2026, the five forms, open)
// assigned to the org rep's organisation and to five other organisations. The org rep's reports are left to be filed
// (their 01/KHCN-TC is a prefilled draft); the others have filed: some approved (so the consolidated tables show
// numbers), some submitted and waiting for review, some still drafts. Every demo answer passes the form's validation
// (checked here: a demo that broke its own rules would fail the seed).
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import { SEEDED_FORMS } from "../../../common/statistics/forms/index.js";
import { validateReport } from "../../../common/statistics/validate.js";
import { writeCells } from "./statistics.service.js";

type Values = Record<string, number | string>;
const reporter = (i: number): Values => ({
  reporter_name: ["Nguyễn Thị Hoa", "Trần Văn Minh", "Lê Thu Trang", "Phạm Quốc Huy", "Đỗ Thị Mai"][i % 5]!,
  prepared_on: "2026-01-20",
});

function form01(name: string, type: string, i: number): Values {
  const labs = 2 + (i % 3);
  return {
    ...reporter(i),
    org_name: name,
    address: `${12 + i * 7} đường Lạch Tray, Hải Phòng`,
    org_type: type === "university" || type === "college" ? "hei" : type === "st_service" ? "service" : "rd",
    economic_type: "state",
    main_field: String((i % 2) + 2),
    managing_level: i % 2 ? "city" : "central",
    laboratories: labs,
    accredited_laboratories: labs - 1,
    affiliated_units: i + 1,
  };
}

function form02(i: number): Values {
  const rows = ["tskh", "ts", "ths", "dh", "cd", "other"];
  const people = [i % 2, 8 + i * 3, 25 + i * 4, 40 + i * 5, 6 + i, 4];
  const v: Values = reporter(i);
  const sums = { total: 0, women: 0, minority: 0, rd: 0 };
  rows.forEach((r, k) => {
    const cells = {
      total: people[k]!,
      women: Math.floor(people[k]! * 0.45),
      minority: Math.floor(people[k]! * 0.05),
      rd: k <= 2 ? Math.floor(people[k]! * 0.7) : 0,
    };
    for (const [c, n] of Object.entries(cells)) {
      v[`staff.${r}.${c}`] = n;
      sums[c as keyof typeof sums] += n;
    }
  });
  for (const [c, n] of Object.entries(sums)) v[`staff.total.${c}`] = n;
  v["titles.gs.total"] = i % 2;
  v["titles.gs.women"] = 0;
  v["titles.pgs.total"] = 2 + (i % 3);
  v["titles.pgs.women"] = 1;
  v.rd_fte = Math.round(sums.rd * 0.6 * 10) / 10;
  return v;
}

function form03(i: number): Values {
  const grid: Record<string, number[]> = {
    investment: [1200 + i * 150, 800, 400 + i * 150, 0, 0, 0].map(Number),
    rd_tasks: [2600 + i * 320.5, 900, 1200 + i * 320.5, 300, 200, 0],
    recurrent: [950 + i * 40, 0, 700 + i * 40, 0, 0, 250],
  };
  const cols = ["total", "state_central", "state_local", "enterprise", "foreign", "other"];
  const v: Values = reporter(i);
  const totals = cols.map(() => 0);
  for (const [r, vals] of Object.entries(grid))
    vals.forEach((x, k) => {
      v[`spend.${r}.${cols[k]}`] = x;
      totals[k] = Math.round((totals[k]! + x) * 1000) / 1000;
    });
  cols.forEach((c, k) => (v[`spend.total.${c}`] = totals[k]!));
  v.rd_spend = grid.rd_tasks![0]!;
  return v;
}

function form08(i: number): Values {
  const rows: Record<string, number[]> = {
    invention: [1 + (i % 2), 0, i % 2, 0],
    utility: [2, 0, 1, 0],
    design: [0, 0, 0, 0],
    trademark: [1, 0, 1, 0],
    plant_variety: [0, 0, 0, 0],
    other: [0, 0, 0, 0],
  };
  const cols = ["filed_vn", "filed_abroad", "granted_vn", "granted_abroad"];
  const v: Values = { ...reporter(i), licences: i % 2, licence_revenue: i % 2 ? 350 : 0 };
  const totals = [0, 0, 0, 0];
  for (const [r, vals] of Object.entries(rows))
    vals.forEach((x, k) => {
      v[`ip.${r}.${cols[k]}`] = x;
      totals[k]! += x;
    });
  cols.forEach((c, k) => (v[`ip.total.${c}`] = totals[k]!));
  return v;
}

function form04(i: number): Values {
  const v: Values = reporter(i);
  const counts: Record<string, number[]> = { national: [0, 0, 0, 0], ministry: [1, 0, 0, 1], provincial: [2 + i, 1, 1, 2 + i], grassroots: [3, 2, 2, 3] };
  const funds: Record<string, number[]> = { national: [0, 0], ministry: [450, 0], provincial: [1800 + i * 100, 300], grassroots: [120, 60] };
  const tc = [0, 0, 0, 0];
  const tf = [0, 0];
  for (const [r, vals] of Object.entries(counts)) {
    (["carried_over", "new", "accepted", "ongoing"] as const).forEach((c, k) => {
      v[`tasks.${r}.${c}`] = vals[k]!;
      tc[k]! += vals[k]!;
    });
    const [st, ot] = funds[r]!;
    Object.assign(v, { [`funds.${r}.state`]: st, [`funds.${r}.other`]: ot, [`funds.${r}.total`]: st! + ot! });
    tf[0]! += st!;
    tf[1]! += ot!;
  }
  (["carried_over", "new", "accepted", "ongoing"] as const).forEach((c, k) => (v[`tasks.total.${c}`] = tc[k]!));
  Object.assign(v, { "funds.total.state": tf[0], "funds.total.other": tf[1], "funds.total.total": tf[0]! + tf[1]! });
  return v;
}

const BUILDERS: Record<string, (name: string, type: string, i: number) => Values> = {
  "01-KHCN-TC": form01,
  "02-KHCN-NL": (_n, _t, i) => form02(i),
  "03-KHCN-CP": (_n, _t, i) => form03(i),
  "04-KHCN-NV": (_n, _t, i) => form04(i),
  "08-KHCN-SHTT": (_n, _t, i) => form08(i),
};

/** What each of the five other organisations has done with each form (by position). */
const PLAN: ("approved" | "submitted" | "draft" | "assigned")[][] = [
  ["approved", "approved", "approved", "approved", "approved"],
  ["approved", "approved", "approved", "submitted", "approved"],
  ["approved", "approved", "submitted", "draft", "approved"],
  ["submitted", "submitted", "draft", "assigned", "assigned"],
  ["draft", "assigned", "assigned", "assigned", "assigned"],
];

export async function insertDemoStatistics(tx: Executor, opts: { orgRepOrganisationId: string }, now: Date) {
  const { rows: users } = await tx.execute<{ id: string; username: string }>(sql`SELECT id, username FROM users WHERE username IN ('officer', 'org_rep')`);
  const officer = users.find((u) => u.username === "officer")?.id;
  if (!officer) return;
  const { rows: others } = await tx.execute<{ id: string; name_vi: string; type: string }>(sql`
    SELECT id, name_vi, type FROM organisations
     WHERE id <> ${opts.orgRepOrganisationId} AND type IN ('university', 'rd_institute', 'st_service', 'college')
     ORDER BY name_vi COLLATE vn, id LIMIT 5`);
  const { rows: p } = await tx.execute<{ id: string }>(sql`
    INSERT INTO statistical_periods (year, name_vi, name_en, reference_date, deadline, status, note, opened_at, created_by, updated_by, created_at, updated_at)
    VALUES (2025, 'Báo cáo thống kê KH&CN năm 2025', 'S&T statistics 2025', '2025-12-31', '2026-02-01', 'open',
            'Chế độ báo cáo thống kê ngành KH&CN (TT 15/2018/TT-BKHCN); số liệu tại thời điểm 31/12/2025.', '2026-01-02T01:00:00Z', ${officer}, ${officer}, ${now}, ${now})
    RETURNING id`);
  const periodId = p[0]!.id;
  for (const f of SEEDED_FORMS)
    await tx.execute(sql`INSERT INTO statistical_period_forms (period_id, form_key, form_version) VALUES (${periodId}, ${f.key}, ${f.version})`);
  const orgs = [{ id: opts.orgRepOrganisationId, name_vi: "", type: "" }, ...others];
  for (const [oi, org] of orgs.entries()) {
    for (const [fi, f] of SEEDED_FORMS.entries()) {
      const state = oi === 0 ? (f.key === "01-KHCN-TC" ? "draft" : "assigned") : PLAN[oi - 1]![fi]!;
      const { rows } = await tx.execute<{ id: string }>(sql`
        INSERT INTO statistical_reports (period_id, organisation_id, form_key, form_version, status, created_by, updated_by, created_at, updated_at)
        VALUES (${periodId}, ${org.id}, ${f.key}, ${f.version}, ${state === "assigned" ? "assigned" : "draft"}, ${officer}, ${officer}, ${now}, ${now}) RETURNING id`);
      if (state === "assigned") continue;
      const id = rows[0]!.id;
      let values: Values;
      if (oi === 0) {
        const { rows: o } = await tx.execute<{ name_vi: string; address: string | null }>(sql`SELECT name_vi, address FROM organisations WHERE id = ${org.id}`);
        values = { org_name: o[0]!.name_vi, org_type: "hei", ...(o[0]!.address ? { address: o[0]!.address } : {}) };
      } else values = BUILDERS[f.key]!(org.name_vi, org.type, oi);
      const result = validateReport(f, values);
      if (state !== "draft" && result.errors) throw new Error(`demo ${f.code} for ${org.name_vi}: ${result.messages.map((m) => m.messageEn).join("; ")}`);
      await writeCells(tx, id, result.values);
      const submittedAt = new Date(Date.UTC(2026, 0, 18 + oi, 2));
      await tx.execute(sql`
        UPDATE statistical_reports SET messages = ${JSON.stringify(result.messages)}::jsonb, error_count = ${result.errors}, warning_count = ${result.warnings},
               status = ${state},
               submitted_at = ${state === "draft" ? null : submittedAt}, submitted_by = ${state === "draft" ? null : officer},
               approved_at = ${state === "approved" ? new Date(submittedAt.getTime() + 3 * 86400_000) : null}, approved_by = ${state === "approved" ? officer : null}
         WHERE id = ${id}`);
    }
  }
}
