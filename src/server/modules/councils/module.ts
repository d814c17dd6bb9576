import { defineModule } from "../../platform/module.js";
import { councilRoutes } from "./councils.routes.js";
import { syncCouncilRuleSets } from "./councils.rulesets.js";
import { insertDemoCouncils } from "./councils.demo.js";

export default defineModule({
  name: "councils",
  routes: councilRoutes,
  sync: syncCouncilRuleSets,
  demo: (tx, seed) => insertDemoCouncils(tx, seed.now),
});
