// Every resource policy, so the signed-in user's general abilities (what they may list, create, import, export…)
// can be sent to the web app: the menu and buttons follow the same rules that answer 403 on the server.
import type { Actor } from "../platform/context.js";
import type { Policy } from "../platform/policy.js";
import { indicatorPolicy, seriesPolicy } from "./indicators/indicators.policy.js";
import { auditPolicy } from "./audit/audit.policy.js";
import { deletionRequestPolicy } from "./deletion-requests/deletion-requests.policy.js";
import { importPolicy } from "./imports/imports.policy.js";
import { organisationPolicy } from "./organisations/organisations.policy.js";
import { personPolicy } from "./people/people.policy.js";
import { referencePolicy } from "./reference/reference.policy.js";
import { userPolicy } from "./users/users.policy.js";
import { dashboardPolicy } from "./dashboard/dashboard.policy.js";
import { programmePolicy } from "./programmes/programmes.policy.js";
import { callPolicy } from "./calls/calls.policy.js";
import { processTemplatePolicy } from "./process-templates/process-templates.policy.js";
import { taskPolicy } from "./tasks/tasks.policy.js";
import { taskAnalyticsPolicy } from "./task-analytics/task-analytics.policy.js";
import { councilPolicy } from "./councils/councils.policy.js";
import { reportPolicy } from "./monitoring/monitoring.policy.js";
import { inspectionPolicy, monitoringPolicy } from "./monitoring/inspections.policy.js";
import { notificationPolicy } from "./notifications/notifications.policy.js";
import { contractPolicy } from "./contracts/contracts.policy.js";
import { applicationPolicy, resultPolicy } from "./results/results.policy.js";
import { fundingActualPolicy, fundingPlanPolicy } from "./funding-plans/funding-plans.policy.js";
import { statisticsFormPolicy, statisticsPeriodPolicy, statisticsReportPolicy } from "./statistics/statistics.policy.js";

const policies: Policy<never>[] = [
  indicatorPolicy,
  seriesPolicy,
  auditPolicy,
  deletionRequestPolicy,
  importPolicy,
  organisationPolicy,
  personPolicy,
  referencePolicy,
  userPolicy,
  dashboardPolicy,
  programmePolicy,
  callPolicy,
  processTemplatePolicy,
  taskPolicy,
  taskAnalyticsPolicy,
  councilPolicy,
  contractPolicy,
  resultPolicy,
  applicationPolicy,
  fundingPlanPolicy,
  fundingActualPolicy,
  statisticsFormPolicy,
  statisticsPeriodPolicy,
  statisticsReportPolicy,
] as unknown as Policy<never>[];

export type GeneralAbilities = Record<string, Record<string, boolean>>;

export function generalAbilities(actor: Actor): GeneralAbilities {
  const out: GeneralAbilities = {};
  for (const p of policies) {
    out[p.resource] = Object.fromEntries(Object.entries(p.general).map(([name, fn]) => [name, !!fn?.(actor)]));
  }
  return out;
}
