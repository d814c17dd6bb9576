// API schema of "Việc của tôi" (GET /me/work): what waits for the signed-in user, composed from each module's own
// source (tasks, councils, contracts, monitoring, statistics, calls), counted and ordered by urgency.
import { z } from "zod";
import { ROLES } from "../roles.js";
import { isoDate } from "./shared.js";

/** The modules that contribute waiting items; each owns the rule of which of its records wait for whom. */
export const WORK_SOURCES = ["tasks", "councils", "contracts", "monitoring", "statistics", "calls"] as const;
export type WorkSource = (typeof WORK_SOURCES)[number];

/** At most this many items per source: the home shows the most urgent ones and links to the full queues. */
export const WORK_ITEMS_PER_SOURCE = 200;

/** Progress reports and dossiers count as waiting this many days before their due day (and every day after it). */
export const WORK_HORIZON_DAYS = 30;

export const workItem = z.object({
  /** unique in the answer: source, record and action */
  key: z.string(),
  source: z.enum(WORK_SOURCES),
  /** the role for which the item waits (a user may hold several) */
  role: z.enum(ROLES),
  /** what the item is about: its kind of record */
  kind: z.string(),
  /** the record: its code or number, and its title */
  recordCode: z.string().nullable(),
  recordTitle: z.string(),
  /**
   * The next action: `action` is its key (a task's transition from the process template, or the module's command),
   * labelled in both languages; `href` is the web page where the action is taken.
   */
  action: z.string(),
  actionVi: z.string(),
  actionEn: z.string(),
  href: z.string(),
  /** since when it waits (the record entered its state, was submitted, was invited…) */
  waitingSince: z.string().datetime().nullable(),
  /** the Vietnam day by which it is due, when the record has one */
  deadline: isoDate.nullable(),
  /** the deadline is before today (Vietnam day) */
  overdue: z.boolean(),
});
export type WorkItem = z.infer<typeof workItem>;

export const workGroup = z.object({
  source: z.enum(WORK_SOURCES),
  action: z.string(),
  actionVi: z.string(),
  actionEn: z.string(),
  count: z.number().int(),
  overdue: z.number().int(),
});
export type WorkGroup = z.infer<typeof workGroup>;

export const myWork = z.object({
  /** the Vietnam day the answer was computed for */
  today: isoDate,
  roles: z.array(z.enum(ROLES)),
  total: z.number().int(),
  overdue: z.number().int(),
  /** counts per next action, most urgent group first */
  groups: z.array(workGroup),
  /** overdue first (earliest deadline first), then by deadline, then the longest waiting */
  items: z.array(workItem),
});
export type MyWork = z.infer<typeof myWork>;

/** The order of the home and the queues: overdue first, then the nearest deadline, then the longest waiting. */
export function byUrgency(a: Pick<WorkItem, "overdue" | "deadline" | "waitingSince" | "key">, b: typeof a): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  if (a.waitingSince !== b.waitingSince) {
    if (a.waitingSince === null) return 1;
    if (b.waitingSince === null) return -1;
    return a.waitingSince < b.waitingSince ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
