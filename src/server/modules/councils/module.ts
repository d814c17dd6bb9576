import { defineModule } from "../../platform/module.js";
import { councilRoutes } from "./councils.routes.js";
import { syncCouncilRuleSets } from "./councils.rulesets.js";
import { insertDemoAppraisalCouncil, insertDemoCouncils } from "./councils.demo.js";

export default defineModule({
  name: "councils",
  routes: councilRoutes,
  sync: syncCouncilRuleSets,
  demo: async (tx, seed) => {
    await insertDemoCouncils(tx, seed.now);
    await insertDemoAppraisalCouncil(tx, seed.now);
  },
});
