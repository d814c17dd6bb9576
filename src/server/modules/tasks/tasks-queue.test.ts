// The work queue (the task list's view=action): each task with the user's next action from its process template,
// since when it waits at its step and its deadline; most urgent first (overdue, then the nearest deadline, then the
// longest waiting) unless another order is asked; filtered by next action. Called as the route does (service, ctx).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/harness.js";
import { buildTask } from "../../testing/factories.js";
import { actorFor, type TestActor } from "../../testing/ctx.js";
import { testClockOf } from "../../testing/test-clock.js";
import { vietnamDate } from "../../platform/clock.js";
import { taskListQuery, type TaskListItem } from "../../../common/api/task.js";
import { listTasks } from "./tasks.service.js";

let t: TestApp;
let officer: TestActor;
let leader: TestActor;
const at = (days: number) => new Date(testClockOf(t.database.db).now().getTime() + days * 86_400_000);
const day = (days: number) => vietnamDate(at(days));
const queue = async (a: TestActor, extra: Record<string, string> = {}) =>
  (await listTasks(a.ctx, taskListQuery.parse({ view: "action", pageSize: "200", ...extra }))).items as TaskListItem[];

beforeAll(async () => {
  t = await createTestApp();
  officer = await actorFor(t, ["officer"], { person: false });
  leader = await actorFor(t, ["leader"], { person: false });
});
afterAll(async () => t?.close());

describe("the work queue", () => {
  it("shows the next action, waiting since and deadline, most urgent first, and filters by next action", async () => {
    const db = t.database.db;
    const late = await buildTask(db, { state: "in_progress", endDate: day(-3), stateEnteredAt: at(-400) });
    const soon = await buildTask(db, { state: "in_progress", endDate: day(20), stateEnteredAt: at(-300) });
    const old = await buildTask(db, { state: "proposal", stateEnteredAt: at(-30) });
    const fresh = await buildTask(db, { state: "proposal", stateEnteredAt: at(-1) });
    const decision = await buildTask(db, { state: "decision_prepared", stateEnteredAt: at(-2) });

    const items = await queue(leader);
    const mine = items.filter((i) => [late.id, soon.id, decision.id].includes(i.id));
    // the leader acts on the tasks in progress too (terminating): overdue first, then the nearest deadline, then none
    expect(mine.map((i) => i.id)).toEqual([late.id, soon.id, decision.id]);
    expect(mine[0]).toMatchObject({ overdue: true, deadline: day(-3), stateEnteredAt: at(-400).toISOString() });
    expect(mine[1]).toMatchObject({ overdue: false, deadline: day(20) });
    expect(mine[2]).toMatchObject({
      nextAction: { action: "approve", labelVi: "Ký quyết định phê duyệt", labelEn: "Sign the approval decision" },
      deadline: null,
    });

    const officers = await queue(officer);
    const proposals = officers.filter((i) => [old.id, fresh.id].includes(i.id));
    // without deadlines, the longest waiting first; the next action is the way forward, not the refusal
    expect(proposals.map((i) => i.id)).toEqual([old.id, fresh.id]);
    expect(proposals[0].nextAction).toEqual({
      action: "send_to_identification",
      labelVi: "Đưa ra hội đồng xác định",
      labelEn: "Send to the identification council",
    });

    const approvals = await queue(leader, { action: "approve" });
    expect(approvals.map((i) => i.id)).toContain(decision.id);
    expect(approvals.every((i) => i.nextAction?.action === "approve")).toBe(true);
    expect((await queue(officer, { action: "approve" })).map((i) => i.id)).not.toContain(decision.id);

    // another order when asked
    const byState = await queue(leader, { sort: "-state" });
    expect(byState.findIndex((i) => i.id === decision.id)).toBeGreaterThan(byState.findIndex((i) => i.id === late.id));
  });
});
