// The waiting items each module's work source returns (GET /me/work, common/api/work.ts): one builder, so that every
// source says "overdue" the same way — a deadline (a Vietnam day) before today.
import type { WorkItem } from "../../common/api/work.js";
import type { Ctx } from "./context.js";
import { vietnamDate } from "./clock.js";

/** A module's work source: the items waiting for the signed-in user, under that module's own access rules. */
export type WorkSourceFn = (ctx: Ctx) => Promise<WorkItem[]>;

/** A Vietnam day from a date column or an instant (a deadline given as an instant is due on its Vietnam day). */
export function dayOf(v: string | Date | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return vietnamDate(new Date(v));
}

/** An instant as the API sends it (ISO), from a timestamptz the driver gave as a Date or a string. */
export const instantOf = (v: string | Date | null | undefined): string | null => (v === null || v === undefined ? null : new Date(v).toISOString());

export function workItem(
  today: string,
  i: Omit<WorkItem, "overdue" | "deadline" | "waitingSince"> & { deadline: string | Date | null; waitingSince: string | Date | null },
): WorkItem {
  const deadline = dayOf(i.deadline);
  return { ...i, deadline, waitingSince: instantOf(i.waitingSince), overdue: deadline !== null && deadline < today };
}

/** The last day on which something closing at `instant` is still open (a call closing at 00:00 is due the day before). */
export const lastOpenDay = (instant: string | Date | null | undefined): string | null =>
  instant === null || instant === undefined ? null : vietnamDate(new Date(new Date(instant).getTime() - 1));
