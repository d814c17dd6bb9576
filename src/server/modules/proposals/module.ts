import { defineModule } from "../../platform/module.js";
import { proposalRoutes } from "./proposals.routes.js";

export default defineModule({
  name: "proposals",
  routes: proposalRoutes,
});
