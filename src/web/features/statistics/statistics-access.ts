// Who may open which statistics page (from the server's abilities in `me.can`); kept apart from the pages' shared
// components so that the route table (routes.tsx, part of the first download) needs nothing else.
import type { Me } from "../../app/session";
import { ability } from "../../app/permissions";

/** What the UI offers; the same abilities answer 403 on the server (modules/statistics/statistics.policy.ts). */
export const statisticsAccess = {
  /** staff and leaders: periods, completeness and the city's consolidated tables */
  periods: ability("statisticsPeriod", "list"),
  createPeriod: ability("statisticsPeriod", "create"),
  /** every report of every organisation (staff, leaders) */
  allReports: ability("statisticsPeriod", "list"),
  /** the reports of the user's own organisation (organisation representative) */
  myReports: (me: Me | null) => ability("statisticsReport", "list")(me) && !!me?.organisationId && me.roles.includes("org_rep"),
  /** the form templates: whoever takes part in statistical reporting */
  forms: (me: Me | null) => ability("statisticsPeriod", "list")(me) || ability("statisticsReport", "list")(me),
};
