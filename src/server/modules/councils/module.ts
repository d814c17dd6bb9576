import { defineModule } from "../../platform/module.js";
import { councilRoutes } from "./councils.routes.js";
import { syncCouncilRuleSets } from "./councils.rulesets.js";

// Demo councils are held by the demo's year (demo/year/year.ts) through the council commands.
export default defineModule({
  name: "councils",
  routes: councilRoutes,
  sync: syncCouncilRuleSets,
});
