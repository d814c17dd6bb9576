// The call's notice as an official document (.docx, NĐ 30/2020 format): the tasks it offers, the criteria the
// dossiers are judged by (the council rule set in force on the day the call opens), the online address where dossiers
// are submitted (the app's public address) and whom to ask (configuration).
import { asc, eq } from "drizzle-orm";
import { tasks } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { authorize } from "../../platform/policy.js";
import { vietnamDate } from "../../platform/clock.js";
import { COUNCIL_RULE_SETS, ruleSetInForce, type RubricKey } from "../../../common/councils/index.js";
import { callNotice, DOCX_MEDIA_TYPE, issuerFromConfig, vnScore, type CallNoticeInput } from "../../documents/index.js";
import { currentCodes } from "../reference/reference.service.js";
import { callPolicy } from "./calls.policy.js";
import { loadCall } from "./calls.service.js";
import { issuedDocument } from "../register/register.service.js";

/** Recipients of a call notice (thông báo tuyển chọn / đề xuất đặt hàng). */
const NOTICE_RECIPIENTS = [
  "Các sở, ban, ngành thành phố",
  "Ủy ban nhân dân các xã, phường, đặc khu",
  "Các tổ chức khoa học và công nghệ, doanh nghiệp trên địa bàn thành phố",
  "Cổng thông tin điện tử Sở",
];

/** The kind of task each scoring sheet is for, as the notice names it. */
const RUBRIC_TITLE: Record<RubricKey, string> = {
  de_tai: "Đề tài, dự án khoa học và công nghệ",
  khxh_de_an: "Đề tài khoa học xã hội và nhân văn, đề án khoa học",
  du_an_sxtn: "Dự án sản xuất thử nghiệm",
};

const lines = (text: string | null) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((x) => x.replace(/^[-–•]\s*/u, "").trim())
    .filter(Boolean);
const pct = (f: readonly [number, number]) => vnScore((f[0] / f[1]) * 100);

/** The criteria of the call: the selection sheets of its tasks' kinds, or the identification criteria for proposals. */
function criteriaOf(kind: "selection" | "proposal_collection", day: string, taskTypes: string[]): Pick<CallNoticeInput, "criteria" | "passRule"> {
  const rules = ruleSetInForce(COUNCIL_RULE_SETS, kind === "selection" ? "selection" : "identification", day);
  if (!rules) return { criteria: [] };
  const sc = rules.scoring;
  if (sc.method === "points") {
    const used = [...new Set((taskTypes.length ? taskTypes : ["de_tai"]).map((t) => sc.rubricByTaskType[t] ?? "de_tai"))];
    return {
      criteria: used.map((k) => ({
        title: used.length > 1 ? RUBRIC_TITLE[k] : undefined,
        items: sc.rubrics[k].map((c) => ({ label: c.labelVi, max: c.max })),
      })),
      passRule:
        `Hồ sơ đạt yêu cầu khi điểm trung bình của các phiếu hợp lệ từ ${sc.passMin}/100 điểm trở lên và không có tiêu chí nào bị quá ` +
        `${pct(sc.zeroCriterionAbove)}% số thành viên Hội đồng có mặt cho 0 điểm; hồ sơ có điểm xếp hạng cao nhất được Hội đồng kiến nghị giao chủ trì thực hiện nhiệm vụ (${rules.legalBasis}).`,
    };
  }
  if (sc.method === "criteria_met") {
    return {
      criteria: [{ items: sc.criteria.map((c) => ({ label: c.labelVi })) }],
      passRule: `Đề xuất được Hội đồng kiến nghị đặt hàng khi đáp ứng đầy đủ các tiêu chí trên (${rules.legalBasis}).`,
    };
  }
  return { criteria: [] };
}

/**
 * The notice for whoever may read the call (staff only while it is a draft). Dated on the day it was published; a
 * draft's date and number are left blank. Audited as an export.
 */
export async function callNoticeDocument(ctx: Ctx, id: string): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const { r, offered, issued } = await ctx.db.transaction(async (tx) => {
    const found = await loadCall(tx, id);
    if (!found) throw notFound();
    authorize(ctx.actor, callPolicy, "read", found.c);
    await audit(tx, ctx, {
      action: "call.export",
      entityType: "call",
      entityId: id,
      details: { format: "docx", document: "notice", status: found.c.status, version: found.c.version },
    });
    const offered =
      found.c.kind === "selection"
        ? await tx
            .select({
              code: tasks.code,
              title: tasks.titleVi,
              type: tasks.taskType,
              objectives: tasks.objectives,
              products: tasks.expectedResults,
              months: tasks.proposedMonths,
              budget: tasks.proposedBudget,
            })
            .from(tasks)
            .where(eq(tasks.selectionCallId, id))
            .orderBy(asc(tasks.code))
        : [];
    return { r: found, offered, issued: await issuedDocument(tx, "call_notice", id) };
  });
  const { c } = r;
  const today = vietnamDate(ctx.clock.now());
  const [fields, sectors] = await Promise.all([currentCodes(ctx.db, "field", today), currentCodes(ctx.db, "sector", today)]);
  const label = (rows: { code: string; labelVi: string }[], code: string) => rows.find((x) => x.code === code)?.labelVi ?? code;
  const content = await callNotice({
    issuer: issuerFromConfig(ctx.config),
    // Once issued, the number and date of the register; before, the day it was published.
    number: issued?.number ?? null,
    date: issued?.issuedOn ?? c.publishedAt,
    kind: c.kind,
    code: c.code,
    title: c.titleVi,
    programmeName: r.programmeName,
    fields: c.fields.map((f) => label(fields.codes, f)),
    sectors: c.sectors.map((f) => label(sectors.codes, f)),
    description: c.description,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    requiredDocuments: c.requiredDocuments.map((d) => ({ code: d.code, label: d.labelVi, required: d.required })),
    tasks: offered.map((t) => ({
      code: t.code,
      title: t.title,
      objectives: lines(t.objectives),
      products: lines(t.products),
      durationMonths: t.months,
      budgetCap: t.budget,
    })),
    ...criteriaOf(c.kind, vietnamDate(c.opensAt), [...new Set(offered.map((t) => t.type))]),
    submissionUrl: ctx.config.publicUrl ?? null,
    contacts: ctx.config.documents.contacts,
    recipients: NOTICE_RECIPIENTS,
  });
  return { fileName: `Thông báo ${c.code}.docx`, mediaType: DOCX_MEDIA_TYPE, content };
}
