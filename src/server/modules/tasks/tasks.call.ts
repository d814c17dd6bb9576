// The tasks of a call, as the call's page lists them: for a selection call the tasks it receives dossiers for, for a
// proposal-collection call the proposals made into it — each as far as the actor may see it (tasks.access.ts, purpose
// "task"), with the actor's own dossier, the number of dossiers for the Department's staff, and whether the actor may
// start a dossier now (the same rule as the task's page, `dossierOpening`).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { taskDossiers, tasks } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { t as message } from "../../platform/messages.js";
import type { CallTask, CallTasks } from "../../../common/api/task.js";
import { isAccepting, readableCall } from "../calls/calls.service.js";
import { isTaskStaff, visibleTasksSql } from "./tasks.access.js";
import { allDefinitions } from "./tasks.service.js";
import { dossierOpening } from "./tasks.dossier-rules.js";

/** GET /calls/:id/tasks — 404 for a call the actor may not read (calls.policy.ts `read`). */
export async function tasksOfCall(ctx: Ctx, callId: string): Promise<CallTasks> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const call = await readableCall(ctx, callId);
  const link = call.kind === "selection" ? tasks.selectionCallId : tasks.proposalCallId;
  const rows = await ctx.db
    .select({
      id: tasks.id,
      code: tasks.code,
      titleVi: tasks.titleVi,
      titleEn: tasks.titleEn,
      taskType: tasks.taskType,
      templateKey: tasks.templateKey,
      templateVersion: tasks.templateVersion,
      state: tasks.state,
      objectives: tasks.objectives,
      expectedResults: tasks.expectedResults,
      proposedMonths: tasks.proposedMonths,
      proposedBudget: tasks.proposedBudget,
    })
    .from(tasks)
    .where(and(eq(link, callId), visibleTasksSql(actor, "tasks", { purpose: "task", now })))
    .orderBy(asc(tasks.code))
    .limit(500);
  const ids = rows.map((r) => r.id);
  const dossiers = ids.length
    ? await ctx.db
        .select({ id: taskDossiers.id, taskId: taskDossiers.taskId, status: taskDossiers.status, ownerUserId: taskDossiers.ownerUserId })
        .from(taskDossiers)
        .where(and(inArray(taskDossiers.taskId, ids), sql`${taskDossiers.status} <> 'withdrawn'`))
    : [];
  const staff = isTaskStaff(actor);
  const defs = await allDefinitions(ctx.db);
  const accepting = call.kind === "selection" && isAccepting(call, now);
  const items: CallTask[] = rows.map((r) => {
    const own = dossiers.find((d) => d.taskId === r.id && d.ownerUserId === actor.userId) ?? null;
    const step = defs.get(`${r.templateKey}@${r.templateVersion}`)?.steps.find((s) => s.key === r.state);
    const opening = dossierOpening(actor, { state: r.state, accepting, ownDossier: !!own });
    return {
      id: r.id,
      code: r.code,
      titleVi: r.titleVi,
      titleEn: r.titleEn,
      taskType: r.taskType,
      state: r.state,
      stateLabelVi: step?.labelVi ?? r.state,
      stateLabelEn: step?.labelEn ?? r.state,
      objectives: r.objectives,
      expectedResults: r.expectedResults,
      proposedMonths: r.proposedMonths,
      proposedBudget: r.proposedBudget,
      dossierCount: staff ? dossiers.filter((d) => d.taskId === r.id && d.status !== "draft").length : null,
      myDossier: own ? { id: own.id, status: own.status } : null,
      abilities: {
        createDossier: call.kind === "selection" && opening.allowed,
        createDossierRefusal: call.kind === "selection" && opening.refusal ? message(ctx.lang, opening.refusal) : null,
      },
    };
  });
  return { items };
}
