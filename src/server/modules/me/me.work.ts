// "Việc của tôi" (GET /me/work): what waits for the signed-in user. Each module owns its source — which of its records
// wait for whom, under its own access rules — and this composes them: counted per next action and ordered by urgency
// (overdue first, then the nearest deadline, then the longest waiting; common/api/work.ts `byUrgency`). Which items a
// role gets is decided by the sources from the actor's roles; nothing here reads another module's tables.
import type { Ctx } from "../../platform/context.js";
import { vietnamDate } from "../../platform/clock.js";
import { eachTogether } from "../../platform/together.js";
import type { WorkSourceFn } from "../../platform/work.js";
import { byUrgency, type MyWork, type WorkGroup, type WorkItem } from "../../../common/api/work.js";
import { taskWork } from "../tasks/tasks.work.js";
import { councilWork } from "../councils/councils.work.js";
import { contractWork } from "../contracts/contracts.work.js";
import { monitoringWork } from "../monitoring/monitoring.work.js";
import { statisticsWork } from "../statistics/statistics.work.js";
import { callWork } from "../calls/calls.work.js";

const SOURCES: WorkSourceFn[] = [taskWork, councilWork, contractWork, monitoringWork, statisticsWork, callWork];

export async function myWork(ctx: Ctx): Promise<MyWork> {
  const lists = await eachTogether(ctx.db, SOURCES, (source) => source(ctx));
  const items: WorkItem[] = lists.flat().sort(byUrgency);
  const groups = new Map<string, WorkGroup>();
  for (const i of items) {
    const k = `${i.source}:${i.action}`;
    const g = groups.get(k) ?? { source: i.source, action: i.action, actionVi: i.actionVi, actionEn: i.actionEn, count: 0, overdue: 0 };
    g.count++;
    if (i.overdue) g.overdue++;
    groups.set(k, g);
  }
  return {
    today: vietnamDate(ctx.clock.now()),
    roles: ctx.actor?.roles ?? [],
    total: items.length,
    overdue: items.filter((i) => i.overdue).length,
    // in the order of their most urgent item (the items are sorted)
    groups: [...groups.values()],
    items,
  };
}
