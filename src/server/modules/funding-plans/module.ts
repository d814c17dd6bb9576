import { defineModule } from "../../platform/module.js";
import { fundingPlanRoutes } from "./funding-plans.routes.js";
import { syncBaselinePlan } from "./funding-plans.service.js";
import { insertDemoFundingPlans } from "./funding-plans.demo.js";

export default defineModule({
  name: "funding-plans",
  routes: fundingPlanRoutes,
  sync: syncBaselinePlan,
  demo: (tx, seed) => insertDemoFundingPlans(tx, seed.now),
});
