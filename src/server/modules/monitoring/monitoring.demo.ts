// Demo progress reports: the demo tasks in progress get their report schedule as `start` would have made it
// (monitoring.schedule.ts), so that a principal investigator's home shows the reports due — the demo "pi" account's
// task started about ten months ago: its first six-monthly report is overdue and the next one is due soon.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import { scheduleReports } from "./monitoring.schedule.js";

export async function insertDemoProgressReports(tx: Executor, now: Date) {
  const running = await tx.execute<{ id: string }>(sql`SELECT id FROM tasks WHERE state = 'in_progress' ORDER BY code`);
  for (const t of running.rows) await scheduleReports(tx, t.id, now);
}
