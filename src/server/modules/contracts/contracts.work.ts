// The contracts' part of "Việc của tôi" (GET /me/work), by the contract policy's rules (contracts.policy.ts): ledger
// entries awaiting a decision for finance users and leaders who did not record them (two-person rule, SECURITY.md 10);
// amendments awaiting a leader who did not request them; for finance users, the settlement of a contract whose
// period has ended (or ends within the horizon) and is not recorded yet, due on the contract's end day.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { hasRole } from "../../platform/context.js";
import { vietnamDate } from "../../platform/clock.js";
import { workItem } from "../../platform/work.js";
import { WORK_HORIZON_DAYS, WORK_ITEMS_PER_SOURCE, type WorkItem } from "../../../common/api/work.js";
import type { Role } from "../../../common/roles.js";
import { contractLifecycle } from "./contracts.lifecycle.js";

type Command = keyof typeof contractLifecycle.commands;
function actionOf(command: Command) {
  const l = contractLifecycle.commands[command].label;
  const cap = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
  return { action: command, actionVi: cap(l.vi), actionEn: cap(l.en) };
}

export async function contractWork(ctx: Ctx): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const today = vietnamDate(ctx.clock.now());
  const items: WorkItem[] = [];
  const base = { source: "contracts" as const, kind: "contract" };

  if (hasRole(actor, "finance", "leader")) {
    const role: Role = hasRole(actor, "finance") ? "finance" : "leader";
    const r = await ctx.db.execute<{ id: string; contract_id: string; number: string; title_vi: string; prepared_at: Date | string }>(sql`
      SELECT p.id, p.contract_id, k.number, t.title_vi, p.prepared_at
        FROM contract_payments p JOIN contracts k ON k.id = p.contract_id JOIN tasks t ON t.id = k.task_id
       WHERE p.status = 'pending' AND p.prepared_by <> ${actor.userId}::uuid AND k.status IN ('signed', 'amended', 'terminated')
       ORDER BY p.prepared_at, p.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    for (const p of r.rows)
      items.push(
        workItem(today, {
          ...base,
          key: `payment:${p.id}`,
          role,
          recordCode: p.number,
          recordTitle: p.title_vi,
          ...actionOf("decidePayment"),
          href: `/contracts/${p.contract_id}`,
          waitingSince: p.prepared_at,
          deadline: null,
        }),
      );
  }

  if (hasRole(actor, "leader")) {
    const r = await ctx.db.execute<{ id: string; contract_id: string; number: string; title_vi: string; requested_at: Date | string }>(sql`
      SELECT a.id, a.contract_id, k.number, t.title_vi, a.requested_at
        FROM contract_amendments a JOIN contracts k ON k.id = a.contract_id JOIN tasks t ON t.id = k.task_id
       WHERE a.status = 'pending' AND a.requested_by <> ${actor.userId}::uuid AND k.status IN ('signed', 'amended')
       ORDER BY a.requested_at, a.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    for (const a of r.rows)
      items.push(
        workItem(today, {
          ...base,
          key: `amendment:${a.id}`,
          role: "leader",
          recordCode: a.number,
          recordTitle: a.title_vi,
          action: "decideAmendment",
          actionVi: "Quyết định điều chỉnh hợp đồng",
          actionEn: "Decide the amendment",
          href: `/contracts/${a.contract_id}`,
          waitingSince: a.requested_at,
          deadline: null,
        }),
      );
  }

  if (hasRole(actor, "finance")) {
    const r = await ctx.db.execute<{ id: string; number: string; title_vi: string; end_date: string; signed_at: Date | string | null }>(sql`
      SELECT k.id, k.number, t.title_vi, to_char(k.end_date, 'YYYY-MM-DD') AS end_date, k.signed_at
        FROM contracts k JOIN tasks t ON t.id = k.task_id
       WHERE k.status IN ('signed', 'amended', 'terminated') AND k.settled_at IS NULL
         AND (k.status = 'terminated' OR k.end_date <= ${today}::date + ${WORK_HORIZON_DAYS}::int)
       ORDER BY k.end_date, k.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    for (const k of r.rows)
      items.push(
        workItem(today, {
          ...base,
          key: `settlement:${k.id}`,
          role: "finance",
          recordCode: k.number,
          recordTitle: k.title_vi,
          ...actionOf("settle"),
          href: `/contracts/${k.id}`,
          waitingSince: k.signed_at,
          deadline: k.end_date,
        }),
      );
  }
  return items;
}
