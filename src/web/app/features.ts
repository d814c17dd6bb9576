// The features of the web app: the one list the router (routes, guards) and the side menu are built from. Each
// features/<f>/routes.tsx declares its pages, menu items and public pages; a new feature is one entry here.
import type { Feature } from "./feature";
import { feature as auth } from "../features/auth/routes";
import { feature as dashboard } from "../features/dashboard/routes";
import { feature as people } from "../features/people/routes";
import { feature as organisations } from "../features/organisations/routes";
import { feature as imports } from "../features/imports/routes";
import { feature as deletionRequests } from "../features/deletion-requests/routes";
import { feature as programmes } from "../features/programmes/routes";
import { feature as calls } from "../features/calls/routes";
import { feature as proposals } from "../features/proposals/routes";
import { feature as tasks } from "../features/tasks/routes";
import { feature as contracts } from "../features/contracts/routes";
import { feature as councils } from "../features/councils/routes";
import { feature as monitoring } from "../features/monitoring/routes";
import { feature as taskAnalytics } from "../features/task-analytics/routes";
import { feature as notifications } from "../features/notifications/routes";
import { feature as fundingPlans } from "../features/funding-plans/routes";
import { feature as indicators } from "../features/indicators/routes";
import { feature as statistics } from "../features/statistics/routes";
import { feature as results } from "../features/results/routes";
import { feature as publicIndicators } from "../features/public-indicators/routes";
import { feature as me } from "../features/me/routes";
import { feature as users } from "../features/users/routes";
import { feature as audit } from "../features/audit/routes";
import { feature as reference } from "../features/reference/routes";
import { feature as processTemplates } from "../features/process-templates/routes";
import { feature as register } from "../features/register/routes";
import { feature as guide } from "../features/guide/routes";

export const FEATURES: readonly Feature[] = [
  auth,
  dashboard,
  people,
  organisations,
  imports,
  deletionRequests,
  programmes,
  calls,
  proposals,
  tasks,
  register,
  contracts,
  councils,
  monitoring,
  taskAnalytics,
  notifications,
  fundingPlans,
  indicators,
  statistics,
  results,
  publicIndicators,
  me,
  users,
  audit,
  reference,
  processTemplates,
  guide,
];
