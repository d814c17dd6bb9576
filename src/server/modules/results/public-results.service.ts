// The public catalogue of registered results (no sign-in). Only tasks whose result is registered AND that have a
// result summary are listed. What leaves is the public summary, the task's identification, the PI's name, the lead
// organisation's name, the approved budget totals and where the result is applied (accepted application reports):
// no budget lines, no council data, no contact data of people.
import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { searchCondition } from "../../platform/list.js";
import { hit } from "../../platform/auth/rate-limit.js";
import type { PublicResult, PublicResultItem, PublicResultQuery } from "../../../common/api/result.js";

/** Requests per minute and client address on the public catalogue. */
export const PUBLIC_RATE_PER_MINUTE = 600;

const throttle = (ctx: Ctx) => hit(ctx.db, `public-results:ip:${ctx.ip ?? "?"}`, PUBLIC_RATE_PER_MINUTE, 60, ctx.clock.now());

type Row = {
  id: string;
  code: string;
  registration_code: string;
  registered_at: string | Date;
  title_vi: string;
  title_en: string | null;
  task_type: PublicResultItem["taskType"];
  field_code: string | null;
  sector_code: string | null;
  year: number;
  pi_name: string | null;
  lead_organisation_name: string | null;
  keywords: string;
  abstract_vi: string;
};

const PUBLISHED = sql`t.registration_code IS NOT NULL AND t.registered_at IS NOT NULL`;

const SELECT = sql`
  SELECT t.id, t.code, t.registration_code, t.registered_at, t.title_vi, t.title_en, t.task_type, t.field_code, t.sector_code,
         t.year, p.full_name AS pi_name, o.name_vi AS lead_organisation_name, s.keywords, s.abstract_vi`;
const FROM = sql`
  FROM task_result_summaries s
  JOIN tasks t ON t.id = s.task_id
  LEFT JOIN people p ON p.id = t.pi_person_id
  LEFT JOIN organisations o ON o.id = t.lead_organisation_id`;

const itemOf = (r: Row): PublicResultItem => ({
  id: r.id,
  code: r.code,
  registrationCode: r.registration_code,
  registeredAt: new Date(r.registered_at).toISOString(),
  titleVi: r.title_vi,
  titleEn: r.title_en,
  taskType: r.task_type,
  fieldCode: r.field_code,
  sectorCode: r.sector_code,
  year: Number(r.year),
  piName: r.pi_name,
  leadOrganisationName: r.lead_organisation_name,
  keywords: r.keywords.split("; ").filter(Boolean),
  abstractVi: r.abstract_vi,
});

export async function listPublicResults(ctx: Ctx, q: PublicResultQuery) {
  await throttle(ctx);
  const search = searchCondition(sql`(t.search_text || ' ' || s.search_text)`, q.q);
  const where: SQL = sql`${PUBLISHED}
    ${search ? sql`AND ${search}` : sql``}
    ${q.fieldCode ? sql`AND t.field_code LIKE ${q.fieldCode.replace(/[\\%_]/g, "") + "%"}` : sql``}
    ${q.sectorCode ? sql`AND t.sector_code = ${q.sectorCode}` : sql``}
    ${q.year ? sql`AND t.year = ${q.year}` : sql``}`;
  const desc = q.sort ? q.sort.startsWith("-") : true;
  const key = (q.sort ?? "").replace(/^-/, "");
  const order = key === "title" ? sql`t.title_vi COLLATE vn` : key === "year" ? sql`t.year` : sql`t.registered_at`;
  const [rows, total] = await Promise.all([
    ctx.db.execute<Row>(sql`${SELECT} ${FROM} WHERE ${where}
      ORDER BY ${order} ${desc ? sql`DESC` : sql`ASC`}, t.code, t.id
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    ctx.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n ${FROM} WHERE ${where}`),
  ]);
  return { items: rows.rows.map(itemOf), total: Number(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function getPublicResult(ctx: Ctx, id: string): Promise<PublicResult> {
  await throttle(ctx);
  const r = await ctx.db.execute<
    Row & {
      abstract_en: string | null;
      outputs_summary: string;
      application_field: string | null;
      contact_organisation: string | null;
      start_date: string | null;
      end_date: string | null;
      result_grade: PublicResult["resultGrade"];
      approved_budget_city: string | number | null;
      approved_budget_other: string | number | null;
    }
  >(sql`${SELECT}, s.abstract_en, s.outputs_summary, s.application_field, s.contact_organisation,
         t.start_date::text AS start_date, t.end_date::text AS end_date, t.result_grade,
         t.approved_budget_city, t.approved_budget_other
    ${FROM} WHERE t.id = ${id} AND ${PUBLISHED}`);
  const row = r.rows[0];
  if (!row) throw notFound();
  const apps = await ctx.db.execute<{ place: string; form: PublicResult["applications"][number]["form"]; started_on: string; scale: string | null }>(sql`
    SELECT place, form, started_on::text AS started_on, scale FROM task_application_reports
    WHERE task_id = ${id} AND status = 'accepted' ORDER BY started_on, sequence`);
  const city = row.approved_budget_city === null ? null : Number(row.approved_budget_city);
  const other = row.approved_budget_other === null ? null : Number(row.approved_budget_other);
  return {
    ...itemOf(row),
    abstractEn: row.abstract_en,
    outputsSummary: row.outputs_summary,
    applicationField: row.application_field,
    contactOrganisation: row.contact_organisation,
    startDate: row.start_date,
    endDate: row.end_date,
    resultGrade: row.result_grade,
    approvedBudgetCity: city,
    approvedBudgetTotal: city === null && other === null ? null : (city ?? 0) + (other ?? 0),
    applications: apps.rows.map((a) => ({ place: a.place, form: a.form, startedOn: a.started_on, scale: a.scale })),
  };
}
