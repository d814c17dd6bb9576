// Official documents of a task (.docx, NĐ 30/2020 format): the decision approving it (decision number and date, lead
// organisation, PI, budget by source, period) once approved, and the certificate registering its result once
// registered. For whoever may read the task; 409 while the document does not exist yet; each download audited.
import { and, desc, eq } from "drizzle-orm";
import { councilSubjects, councils, organisations, people } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { DOCX_MEDIA_TYPE, approvalDecision, bodyName, issuerFromConfig, registrationCertificate, type BudgetLine } from "../../documents/index.js";
import { visibleTask, type TaskRow } from "./tasks.service.js";
import { vietnamDate } from "../../platform/clock.js";
import { allTemplateDefinitions } from "../../platform/workflow.js";
import { issuedDocument } from "../register/register.service.js";
import { documentBasesOf } from "../../../common/processes/index.js";

type DocFile = { fileName: string; mediaType: string; content: Buffer };

/**
 * The legal bases a decision or contract about a task cites (docs/legal-bases.md): the Department's own authority
 * (configuration: the act on its functions and any delegation), then the law and implementing texts of the process
 * version the task follows — never one law for every task.
 */
export async function taskLegalBases(
  ctx: Pick<Ctx, "config">,
  db: Executor,
  process: { templateKey: string; templateVersion: number } | null,
): Promise<string[]> {
  const bases = process ? documentBasesOf((await allTemplateDefinitions(db)).values(), process.templateKey, process.templateVersion) : [];
  return [...ctx.config.documents.authorityBases, ...bases];
}

/** The number of a registered document ("07/QĐ-SKHCN" → 7); null when it does not start with a number. */
export function decisionNumberOf(text: string | null | undefined): number | null {
  const m = /^\s*0*(\d{1,9})(?!\d)/.exec(text ?? "");
  const n = m ? Number(m[1]) : 0;
  return n >= 1 ? n : null;
}

/** Whole months of a period from its first to its last day (2027-01-01 … 2028-12-31 → 24). */
export function periodMonths(start: string, end: string): number {
  const [sy, sm, sd] = start.split("-").map(Number);
  const [ey, em, ed] = end.split("-").map(Number);
  const next = new Date(Date.UTC(ey, em - 1, ed + 1));
  const months = (next.getUTCFullYear() - sy) * 12 + (next.getUTCMonth() + 1 - sm) + (next.getUTCDate() >= sd ? 0 : -1);
  return Math.max(1, months);
}

/** "PGS.TS. Nguyễn Văn A" */
export async function personLine(db: Executor, id: string | null): Promise<string> {
  if (!id) return "";
  const [p] = await db.select({ name: people.fullName, title: people.title, degree: people.degree }).from(people).where(eq(people.id, id));
  if (!p) return "";
  const parts = [p.title, p.degree].map((x) => x?.trim().replace(/\.+$/, "")).filter((x): x is string => !!x);
  return `${parts.length ? `${parts.join(".")}. ` : ""}${p.name}`;
}

export async function organisationName(db: Executor, id: string | null): Promise<string> {
  if (!id) return "";
  const [o] = await db.select({ name: organisations.nameVi }).from(organisations).where(eq(organisations.id, id));
  return o?.name ?? "";
}

const notYet = (key: "document.task_not_approved" | "document.task_not_registered") => new AppError("DOCUMENT_NOT_AVAILABLE", 409, key);

async function exported(ctx: Ctx, id: string, document: string, ready: (t: TaskRow) => boolean, key: Parameters<typeof notYet>[0]) {
  return ctx.db.transaction(async (tx) => {
    const { task } = await visibleTask(ctx, tx, id);
    if (!ready(task)) throw notYet(key);
    await audit(tx, ctx, {
      action: "task.export",
      entityType: "task",
      entityId: id,
      details: { format: "docx", document, state: task.state, version: task.version },
    });
    return {
      task,
      pi: await personLine(tx, task.piPersonId),
      org: await organisationName(tx, task.leadOrganisationId),
      bases: await taskLegalBases(ctx, tx, task),
    };
  });
}

/** The approval decision: once the task is approved (decision dated) with its lead organisation, PI, budget and period. */
export async function taskApprovalDocument(ctx: Ctx, id: string): Promise<DocFile> {
  const approved = (t: TaskRow) =>
    !!t.decisionDate && !!t.startDate && !!t.endDate && !!t.piPersonId && !!t.leadOrganisationId && t.approvedBudgetCity !== null;
  const { task, pi, org, bases } = await exported(ctx, id, "approval_decision", approved, "document.task_not_approved");
  // Once issued, the number and date of the register; before, those recorded with the approval.
  const issued = await issuedDocument(ctx.db, "approval_decision", id);
  const issuer = issuerFromConfig(ctx.config);
  const budget: BudgetLine[] = [{ source: "Ngân sách nhà nước (sự nghiệp khoa học thành phố)", amount: task.approvedBudgetCity! }];
  if (task.approvedBudgetOther) budget.push({ source: "Nguồn khác", amount: task.approvedBudgetOther });
  const content = await approvalDecision({
    issuer,
    number: issued?.number ?? decisionNumberOf(task.decisionNumber),
    date: issued?.issuedOn ?? task.decisionDate,
    year: Number(vietnamDate(ctx.clock.now()).slice(0, 4)),
    taskCode: task.code,
    taskTitle: task.titleVi,
    leadOrganisation: org,
    principalInvestigator: pi,
    budget,
    durationMonths: periodMonths(task.startDate!, task.endDate!),
    startDate: task.startDate!,
    endDate: task.endDate!,
    objectives: (task.objectives ?? "")
      .split(/\r?\n/)
      .map((x) => x.trim())
      .filter(Boolean),
    legalBases: [
      ...bases,
      "Căn cứ kết quả làm việc của Hội đồng tư vấn và Tổ thẩm định nội dung, kinh phí nhiệm vụ",
      "Theo đề nghị của Trưởng phòng Quản lý khoa học",
    ],
    enforcers: "Chánh Văn phòng Sở, Trưởng phòng Quản lý khoa học, Trưởng phòng Kế hoạch - Tài chính",
    recipients: ["Như Điều 3", `Giám đốc ${bodyName(issuer)} (để báo cáo)`],
  });
  return { fileName: `Quyết định phê duyệt ${task.code}.docx`, mediaType: DOCX_MEDIA_TYPE, content };
}

/** The day the task's acceptance council concluded (Vietnam-local), if there is one. */
async function acceptanceDay(db: Executor, taskId: string): Promise<string | null> {
  const [c] = await db
    .select({ at: councils.concludedAt })
    .from(councils)
    .innerJoin(councilSubjects, eq(councilSubjects.councilId, councils.id))
    .where(and(eq(councilSubjects.taskId, taskId), eq(councils.kind, "acceptance"), eq(councils.status, "concluded")))
    .orderBy(desc(councils.concludedAt))
    .limit(1);
  return c?.at ? vietnamDate(c.at) : null;
}

/** The certificate registering the task's result: once the result is registered (registration code). */
export async function taskRegistrationDocument(ctx: Ctx, id: string): Promise<DocFile> {
  const registered = (t: TaskRow) => !!t.registrationCode && !!t.registeredAt && !!t.startDate && !!t.endDate;
  const { task, pi, org } = await exported(ctx, id, "registration_certificate", registered, "document.task_not_registered");
  const registeredOn = vietnamDate(task.registeredAt!);
  const accepted = (await acceptanceDay(ctx.db, task.id)) ?? registeredOn;
  const issued = await issuedDocument(ctx.db, "registration_certificate", id);
  const content = await registrationCertificate({
    issuer: issuerFromConfig(ctx.config),
    number: issued?.number ?? null,
    date: issued?.issuedOn ?? task.registeredAt,
    year: Number(vietnamDate(ctx.clock.now()).slice(0, 4)),
    registrationCode: task.registrationCode!,
    taskCode: task.code,
    taskTitle: task.titleVi,
    leadOrganisation: org,
    principalInvestigator: pi,
    acceptanceDate: accepted,
    startDate: task.startDate!,
    endDate: task.endDate!,
    registeredOn,
    recipients: [org, "Lưu trữ kết quả nhiệm vụ"].filter(Boolean),
  });
  return { fileName: `Giấy chứng nhận ${task.registrationCode}.docx`, mediaType: DOCX_MEDIA_TYPE, content };
}
