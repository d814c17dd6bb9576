// Rules on a dossier: who may start one, its content's completeness before submission, the budget totals, and the
// submission hash.
import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import {
  calls,
  taskDocuments,
  taskDossierBudget,
  taskDossierMilestones,
  taskDossierProducts,
  taskDossierTeam,
  taskDossiers,
  tasks,
} from "../../db/schema/index.js";
import { hasRole, type Actor, type Executor } from "../../platform/context.js";
import type { MessageKey } from "../../platform/messages.js";
import { PERFORMER_ROLES } from "../../../common/roles.js";
import type { DossierTotals } from "../../../common/api/task.js";
import { together } from "../../platform/together.js";

/** The steps at which a task receives dossiers (its selection call accepting). */
export const RECEIVING_STATES: readonly string[] = ["call_open", "dossier_submitted"];

/**
 * May the actor start a dossier for the task now: a performer (pi / org_rep), the task at a receiving step, its
 * selection call accepting, no dossier of theirs yet. `refusal`: why not, for a performer (others are not offered it).
 */
export function dossierOpening(
  actor: Actor | null,
  t: { state: string; accepting: boolean; ownDossier: boolean },
): { allowed: boolean; refusal: MessageKey | null } {
  if (!actor || !hasRole(actor, ...PERFORMER_ROLES)) return { allowed: false, refusal: null };
  if (t.ownDossier) return { allowed: false, refusal: "task.dossier.already_yours" };
  if (!t.accepting) return { allowed: false, refusal: "call.tasks.not_accepting" };
  if (!RECEIVING_STATES.includes(t.state)) return { allowed: false, refusal: "task.dossier.not_receiving" };
  return { allowed: true, refusal: null };
}

export async function dossierLists(db: Executor, dossierId: string) {
  const [products, milestones, team, budget] = await together(db, [
    () => db.select().from(taskDossierProducts).where(eq(taskDossierProducts.dossierId, dossierId)).orderBy(asc(taskDossierProducts.position)),
    () => db.select().from(taskDossierMilestones).where(eq(taskDossierMilestones.dossierId, dossierId)).orderBy(asc(taskDossierMilestones.position)),
    () => db.select().from(taskDossierTeam).where(eq(taskDossierTeam.dossierId, dossierId)).orderBy(asc(taskDossierTeam.role), asc(taskDossierTeam.personId)),
    () =>
      db
        .select()
        .from(taskDossierBudget)
        .where(eq(taskDossierBudget.dossierId, dossierId))
        .orderBy(asc(taskDossierBudget.year), asc(taskDossierBudget.source), asc(taskDossierBudget.category)),
  ]);
  return { products, milestones, team, budget };
}
export type DossierLists = Awaited<ReturnType<typeof dossierLists>>;

export function budgetTotals(budget: { year: number; source: "city" | "other"; amount: number }[]): DossierTotals {
  const byYear = new Map<number, { year: number; city: number; other: number; total: number }>();
  const bySource = { city: 0, other: 0 };
  for (const b of budget) {
    const y = byYear.get(b.year) ?? { year: b.year, city: 0, other: 0, total: 0 };
    y[b.source] += b.amount;
    y.total += b.amount;
    byYear.set(b.year, y);
    bySource[b.source] += b.amount;
  }
  return { total: bySource.city + bySource.other, bySource, byYear: [...byYear.values()].sort((a, b) => a.year - b.year) };
}

/** The last day of a period of `months` months starting on `start` (YYYY-MM-DD). */
export function periodEnd(start: string, months: number): string {
  const [y, m, d] = start.split("-").map(Number);
  const end = new Date(Date.UTC(y, m - 1 + months, d) - 86400_000);
  return end.toISOString().slice(0, 10);
}

/**
 * What a selected dossier proposes and the task carries into its approval decision (the officer's draft starts from
 * it): the period and the budget by source. Set on selection, and again when the selected dossier is revised.
 */
export async function dossierTerms(db: Executor, d: Pick<typeof taskDossiers.$inferSelect, "id" | "startDate" | "durationMonths">) {
  const totals = budgetTotals((await dossierLists(db, d.id)).budget);
  return {
    startDate: d.startDate,
    endDate: d.startDate && d.durationMonths ? periodEnd(d.startDate, d.durationMonths) : null,
    approvedBudgetCity: totals.bySource.city,
    approvedBudgetOther: totals.bySource.other,
  };
}

/** The documents the task's selection call asks for (required or not). */
export async function callDocuments(db: Executor, selectionCallId: string | null) {
  if (!selectionCallId) return [];
  const [c] = await db.select({ docs: calls.requiredDocuments }).from(calls).where(eq(calls.id, selectionCallId));
  return c?.docs ?? [];
}

type Problem = { vi: string; en: string };

/** What keeps a dossier from being submitted; empty when it is complete. */
export async function dossierProblems(db: Executor, dossierId: string): Promise<Problem[]> {
  const [d] = await db.select().from(taskDossiers).where(eq(taskDossiers.id, dossierId));
  if (!d) return [{ vi: "không có hồ sơ", en: "no such dossier" }];
  const [task] = await db.select({ selectionCallId: tasks.selectionCallId }).from(tasks).where(eq(tasks.id, d.taskId));
  const lists = await dossierLists(db, dossierId);
  const out: Problem[] = [];
  const sections: [keyof typeof d, string, string][] = [
    ["objectives", "mục tiêu", "objectives"],
    ["content", "nội dung", "content"],
    ["methods", "phương pháp", "methods"],
    ["applicationPlan", "phương án ứng dụng", "application plan"],
  ];
  for (const [k, vi, en] of sections) if (!d[k]) out.push({ vi: `thiếu ${vi}`, en: `missing ${en}` });
  if (!d.durationMonths) out.push({ vi: "thiếu thời gian thực hiện", en: "missing duration" });
  if (!d.startDate) out.push({ vi: "thiếu ngày bắt đầu", en: "missing start date" });
  if (!lists.products.length) out.push({ vi: "chưa có sản phẩm", en: "no product" });
  if (!lists.milestones.length) out.push({ vi: "chưa có tiến độ", en: "no milestone" });
  if (!lists.team.some((m) => m.personId === d.piPersonId && m.role === "pi"))
    out.push({ vi: "chủ nhiệm chưa có trong danh sách thực hiện với vai trò chủ nhiệm", en: "the PI is not in the team with role pi" });
  if (budgetTotals(lists.budget).total <= 0) out.push({ vi: "dự toán kinh phí bằng 0", en: "the budget is zero" });
  const required = (await callDocuments(db, task?.selectionCallId ?? null)).filter((x) => x.required).map((x) => x.code);
  if (required.length) {
    const have = new Set((await db.select({ code: taskDocuments.code }).from(taskDocuments).where(eq(taskDocuments.dossierId, dossierId))).map((r) => r.code));
    const missing = required.filter((c) => !have.has(c));
    if (missing.length) out.push({ vi: `thiếu tài liệu ${missing.join(", ")}`, en: `missing documents ${missing.join(", ")}` });
  }
  return out;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** SHA-256 of the canonical JSON of the dossier's content and lists (not its status or bookkeeping). */
export async function submissionHash(db: Executor, dossierId: string): Promise<string> {
  const [d] = await db.select().from(taskDossiers).where(eq(taskDossiers.id, dossierId));
  const l = await dossierLists(db, dossierId);
  const doc = {
    id: d.id,
    taskId: d.taskId,
    piPersonId: d.piPersonId,
    leadOrganisationId: d.leadOrganisationId,
    objectives: d.objectives,
    content: d.content,
    methods: d.methods,
    novelty: d.novelty,
    applicationPlan: d.applicationPlan,
    durationMonths: d.durationMonths,
    startDate: d.startDate,
    revision: d.revision,
    products: l.products.map(({ name, outputType, quantity, unit, qualityTarget }) => ({ name, outputType, quantity: Number(quantity), unit, qualityTarget })),
    milestones: l.milestones.map(({ content, startsOn, endsOn, deliverable }) => ({ content, startsOn, endsOn, deliverable })),
    team: l.team.map(({ personId, role, months }) => ({ personId, role, months: months === null ? null : Number(months) })),
    budget: l.budget.map(({ year, source, category, amount }) => ({ year, source, category, amount: Number(amount) })),
  };
  return crypto
    .createHash("sha256")
    .update(JSON.stringify(canonical(doc)))
    .digest("hex");
}
