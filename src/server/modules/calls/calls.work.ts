// Calls' part of "Việc của tôi" (GET /me/work): for those who apply — principal investigators, organisations'
// representatives and enterprises — the published calls that take submissions now (`isAccepting`'s rule, in SQL), due
// on the day they close: a proposal to send for a call for proposals, a dossier for a selection call.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { hasRole } from "../../platform/context.js";
import { vietnamDate } from "../../platform/clock.js";
import { lastOpenDay, workItem } from "../../platform/work.js";
import { WORK_ITEMS_PER_SOURCE, type WorkItem } from "../../../common/api/work.js";
import type { Role } from "../../../common/roles.js";

const APPLICANTS: Role[] = ["pi", "org_rep", "enterprise"];

export async function callWork(ctx: Ctx): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor || !hasRole(actor, ...APPLICANTS)) return [];
  const now = ctx.clock.now();
  const today = vietnamDate(now);
  const role = APPLICANTS.find((r) => actor.roles.includes(r))!;
  const r = await ctx.db.execute<{ id: string; code: string; title_vi: string; kind: string; opens_at: Date | string; closes_at: Date | string }>(sql`
    SELECT c.id, c.code, c.title_vi, c.kind, c.opens_at, c.closes_at
      FROM calls c
     WHERE c.status = 'published' AND c.opens_at <= ${now.toISOString()}::timestamptz AND c.closes_at > ${now.toISOString()}::timestamptz
     ORDER BY c.closes_at, c.id
     LIMIT ${WORK_ITEMS_PER_SOURCE}`);
  return r.rows.map((c) =>
    workItem(today, {
      key: `call:${c.id}`,
      source: "calls",
      role,
      kind: "call",
      recordCode: c.code,
      recordTitle: c.title_vi,
      ...(c.kind === "selection"
        ? { action: "apply_selection", actionVi: "Đăng ký tuyển chọn, nộp hồ sơ", actionEn: "Apply with a dossier" }
        : { action: "propose", actionVi: "Gửi đề xuất đặt hàng", actionEn: "Send a proposal" }),
      href: `/calls/${c.id}`,
      waitingSince: c.opens_at,
      deadline: lastOpenDay(c.closes_at),
    }),
  );
}
