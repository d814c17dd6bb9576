// Prefill: the answers the platform already knows from its registries, proposed to the organisation's
// representative (never saved without them). Each value comes with its source so the page can say where it is from.
//   01/KHCN-TC  identity fields from the organisation registry; its type mapped to the form's options
//               (university/college → higher education, rd_institute → R&D, st_service → S&T service);
//               accredited laboratories = the organisation's VILAS / ISO/IEC 17025 laboratories.
//   02/KHCN-NL  people whose primary organisation is the reporting unit, by degree (TSKH, TS, ThS, ĐH, CĐ, other or
//               none), women = gender 'female', titles GS / PGS; total rows are the sums.
//   04/KHCN-NV  tasks led by the organisation, by level (city → provincial): started in the year (start_date in the
//               year) = new; started before and not ended before the year = carried over; completed states
//               (accepted … liquidated) with the end date in the year = accepted; contracted … acceptance council
//               and started by 31/12 = ongoing. Funds: approved budgets (city = state budget, other) of the tasks
//               started in the year, in million VND.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import type { ReportPrefill } from "../../../common/api/statistics.js";
import { reportForRead } from "./statistics.service.js";

const ORG_TYPE_OPTION: Record<string, string> = { university: "hei", college: "hei", rd_institute: "rd", st_service: "service" };
const DEGREE_ROW: Record<string, string> = { TSKH: "tskh", TS: "ts", ThS: "ths", DH: "dh", CD: "cd" };
const LEVEL_ROW: Record<string, string> = { city: "provincial", national: "national", ministry: "ministry", grassroots: "grassroots" };
const COMPLETED = ["accepted", "registered", "applied", "liquidated"];
const ONGOING = ["contracted", "in_progress", "change_requested", "internal_acceptance", "acceptance_dossier", "acceptance_council"];

export async function reportPrefill(ctx: Ctx, id: string): Promise<ReportPrefill> {
  const r = await reportForRead(ctx, id);
  const values: Record<string, number | string> = {};
  const sources: Record<string, string> = {};
  const put = (key: string, v: number | string | null | undefined, source: string) => {
    if (v === null || v === undefined || v === "") return;
    values[key] = v;
    sources[key] = source;
  };
  const db = ctx.db;
  const org = r.organisation_id;
  if (r.form_key === "01-KHCN-TC") {
    const { rows } = await db.execute<Record<string, string | null> & { labs: number }>(sql`
      SELECT name_vi, name_en, abbreviation, address, phone, email, website, type,
             (SELECT count(*)::int FROM laboratories l WHERE l.organisation_id = o.id AND (l.expires_on IS NULL OR l.expires_on >= ${`${r.year}-12-31`}::date)) AS labs
        FROM organisations o WHERE o.id = ${org}`);
    const o = rows[0];
    if (o) {
      const src = ctx.lang === "vi" ? "Cơ sở dữ liệu tổ chức KH&CN" : "Organisation registry";
      put("org_name", o.name_vi, src);
      put("org_name_en", o.name_en, src);
      put("org_abbreviation", o.abbreviation, src);
      put("address", o.address, src);
      put("phone", o.phone, src);
      put("email", o.email, src);
      put("website", o.website, src);
      put("org_type", ORG_TYPE_OPTION[o.type ?? ""], src);
      put(
        "accredited_laboratories",
        Number(o.labs),
        ctx.lang === "vi" ? "Phòng thí nghiệm VILAS / ISO/IEC 17025 còn hiệu lực" : "VILAS / ISO/IEC 17025 laboratories in force",
      );
    }
  } else if (r.form_key === "02-KHCN-NL") {
    const { rows } = await db.execute<{ degree: string | null; title: string | null; female: boolean; n: number }>(sql`
      SELECT degree, title, gender = 'female' AS female, count(*)::int AS n
        FROM people WHERE primary_organisation_id = ${org}
       GROUP BY degree, title, gender = 'female'`);
    const src =
      ctx.lang === "vi" ? "Cơ sở dữ liệu nhân lực KH&CN (người có tổ chức chính là đơn vị)" : "People registry (people whose primary organisation is the unit)";
    const staff: Record<string, { total: number; women: number }> = {};
    const titles: Record<string, { total: number; women: number }> = {};
    for (const row of rows) {
      const rowKey = DEGREE_ROW[row.degree ?? ""] ?? "other";
      for (const k of [rowKey, "total"]) {
        const s = (staff[k] ??= { total: 0, women: 0 });
        s.total += Number(row.n);
        if (row.female) s.women += Number(row.n);
      }
      if (row.title === "GS" || row.title === "PGS") {
        const t = (titles[row.title.toLowerCase()] ??= { total: 0, women: 0 });
        t.total += Number(row.n);
        if (row.female) t.women += Number(row.n);
      }
    }
    for (const k of ["total", "tskh", "ts", "ths", "dh", "cd", "other"]) {
      put(`staff.${k}.total`, staff[k]?.total ?? 0, src);
      put(`staff.${k}.women`, staff[k]?.women ?? 0, src);
    }
    for (const k of ["gs", "pgs"]) {
      put(`titles.${k}.total`, titles[k]?.total ?? 0, src);
      put(`titles.${k}.women`, titles[k]?.women ?? 0, src);
    }
  } else if (r.form_key === "04-KHCN-NV") {
    const y = r.year;
    const start = `${y}-01-01`;
    const end = `${y}-12-31`;
    const { rows } = await db.execute<{
      level: string;
      carried_over: number;
      new: number;
      accepted: number;
      ongoing: number;
      state_m: string;
      other_m: string;
    }>(sql`
      SELECT level,
             count(*) FILTER (WHERE start_date < ${start}::date AND coalesce(end_date, 'infinity'::date) >= ${start}::date)::int AS carried_over,
             count(*) FILTER (WHERE start_date BETWEEN ${start}::date AND ${end}::date)::int AS new,
             count(*) FILTER (WHERE state IN (SELECT jsonb_array_elements_text(${JSON.stringify(COMPLETED)}::jsonb))
                                AND end_date BETWEEN ${start}::date AND ${end}::date)::int AS accepted,
             count(*) FILTER (WHERE state IN (SELECT jsonb_array_elements_text(${JSON.stringify(ONGOING)}::jsonb))
                                AND start_date <= ${end}::date)::int AS ongoing,
             (coalesce(sum(approved_budget_city) FILTER (WHERE start_date BETWEEN ${start}::date AND ${end}::date), 0) / 1000000.0)::text AS state_m,
             (coalesce(sum(approved_budget_other) FILTER (WHERE start_date BETWEEN ${start}::date AND ${end}::date), 0) / 1000000.0)::text AS other_m
        FROM tasks
       WHERE lead_organisation_id = ${org} AND start_date IS NOT NULL
       GROUP BY level`);
    const src = ctx.lang === "vi" ? "Nhiệm vụ KH&CN do đơn vị chủ trì trên nền tảng" : "S&T tasks led by the unit on the platform";
    const cols = ["carried_over", "new", "accepted", "ongoing"] as const;
    const totals: Record<string, number> = { carried_over: 0, new: 0, accepted: 0, ongoing: 0, state: 0, other: 0 };
    const round = (n: number) => Math.round(n * 1000) / 1000;
    for (const row of rows) {
      const rowKey = LEVEL_ROW[row.level];
      if (!rowKey) continue;
      for (const c of cols) {
        put(`tasks.${rowKey}.${c}`, Number(row[c]), src);
        totals[c]! += Number(row[c]);
      }
      const st = round(Number(row.state_m));
      const ot = round(Number(row.other_m));
      put(`funds.${rowKey}.state`, st, src);
      put(`funds.${rowKey}.other`, ot, src);
      put(`funds.${rowKey}.total`, round(st + ot), src);
      totals.state! += st;
      totals.other! += ot;
    }
    for (const c of cols) put(`tasks.total.${c}`, totals[c]!, src);
    put("funds.total.state", round(totals.state!), src);
    put("funds.total.other", round(totals.other!), src);
    put("funds.total.total", round(totals.state! + totals.other!), src);
  }
  return { values, sources };
}
