// API schema of the leadership dashboard: where the city stands against the plan's targets, tasks and
// money at a glance, the S&T budget against the 2%-of-spending target, and statistical-reporting completeness.
// Every block names what the web page links to (indicator pages, task lists, the funding plan, the reporting period).
import { z } from "zod";
import { PROGRESS_STATUSES } from "../indicators/progress.js";
import { STATUS_GROUPS } from "./task-analytics.js";
import { trackingRow } from "./funding-plan.js";

const count = z.number().int();
const money = z.number();

export const leadershipIndicator = z.object({
  id: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  status: z.enum(PROGRESS_STATUSES).nullable(),
  latest: z.object({ year: z.number().int(), value: z.number() }).nullable(),
  target: z.object({ year: z.number().int().nullable(), value: z.number().nullable() }).nullable(),
});

export const leadershipDashboard = z.object({
  indicators: z.object({
    /** every progress status in order, then null (no status: missing data) */
    byStatus: z.array(z.object({ status: z.enum(PROGRESS_STATUSES).nullable(), count })),
    items: z.array(leadershipIndicator),
  }),
  tasks: z.object({
    /** tasks run on the platform (historical records excluded) */
    total: count,
    /** always all STATUS_GROUPS, in that order */
    byStatusGroup: z.array(z.object({ group: z.enum(STATUS_GROUPS), count })),
    approvedCity: money,
    approvedOther: money,
    /** contracts signed and not yet liquidated or terminated */
    activeContracts: count,
    /** city-budget money paid out on tranches (approved payments, reversals netted) */
    disbursedCity: money,
  }),
  budget: z.object({
    /** the city's target: S&T ≥ 2% of budget spending every year */
    targetSharePct: z.number(),
    years: z.array(trackingRow),
  }),
  reporting: z.object({
    periodId: z.string().nullable(),
    periodName: z.string().nullable(),
    assigned: count,
    submitted: count,
    approved: count,
    onTime: count,
    overdue: count,
  }),
});
export type LeadershipDashboard = z.infer<typeof leadershipDashboard>;
