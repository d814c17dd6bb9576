import { defineModule } from "../../platform/module.js";
import { statisticsRoutes } from "./statistics.routes.js";
import { syncStatisticalForms } from "./statistics.forms.js";
import { insertDemoStatistics } from "./statistics.demo.js";

export default defineModule({
  name: "statistics",
  routes: statisticsRoutes,
  sync: syncStatisticalForms,
  demo: (tx, seed) => insertDemoStatistics(tx, { orgRepOrganisationId: seed.anchors.orgRepOrganisationId }, seed.now),
});
