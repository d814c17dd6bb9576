// The contracts' part of "Việc của tôi" (GET /me/work), by the contract policy's rules (contracts.policy.ts): ledger
// entries awaiting a decision for finance users and leaders who did not record them (two-person rule, SECURITY.md 10);
// amendments awaiting a leader who did not request them; drafted contracts awaiting the signature of a leader who
// neither prepared nor last edited them; for finance users, the planned tranches of signed contracts that fall due
// within the horizon with nothing recorded against them yet (due on the tranche's planned day), and the settlement
// of a contract whose period has ended (or ends within the horizon) and is not recorded yet, due on its end day.
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

  if (hasRole(actor, "leader")) {
    const r = await ctx.db.execute<{ id: string; number: string; title_vi: string; created_at: Date | string }>(sql`
      SELECT k.id, k.number, t.title_vi, k.created_at
        FROM contracts k JOIN tasks t ON t.id = k.task_id
       WHERE k.status = 'draft' AND k.prepared_by <> ${actor.userId}::uuid AND coalesce(k.updated_by, k.prepared_by) <> ${actor.userId}::uuid
       ORDER BY k.created_at, k.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    for (const k of r.rows)
      items.push(
        workItem(today, {
          ...base,
          key: `sign:${k.id}`,
          role: "leader",
          recordCode: k.number,
          recordTitle: k.title_vi,
          ...actionOf("sign"),
          href: `/contracts/${k.id}`,
          waitingSince: k.created_at,
          deadline: null,
        }),
      );
  }

  if (hasRole(actor, "finance")) {
    const r = await ctx.db.execute<{
      contract_id: string;
      tranche_id: string;
      number: string;
      title_vi: string;
      label: string;
      planned_date: string;
      signed_at: Date | string | null;
    }>(sql`
      SELECT k.id AS contract_id, tr.id AS tranche_id, k.number, t.title_vi, tr.label, to_char(tr.planned_date, 'YYYY-MM-DD') AS planned_date, k.signed_at
        FROM contract_tranches tr JOIN contracts k ON k.id = tr.contract_id JOIN tasks t ON t.id = k.task_id
       WHERE tr.status = 'planned' AND k.status IN ('signed', 'amended')
         AND tr.planned_date <= ${today}::date + ${WORK_HORIZON_DAYS}::int
         AND NOT EXISTS (SELECT 1 FROM contract_payments p WHERE p.tranche_id = tr.id AND p.status IN ('pending', 'approved') AND p.amount > 0)
       ORDER BY tr.planned_date, tr.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    for (const x of r.rows)
      items.push(
        workItem(today, {
          ...base,
          key: `tranche:${x.tranche_id}`,
          role: "finance",
          recordCode: x.number,
          recordTitle: `${x.label} · ${x.title_vi}`,
          ...actionOf("pay"),
          href: `/contracts/${x.contract_id}`,
          waitingSince: x.signed_at,
          deadline: x.planned_date,
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
