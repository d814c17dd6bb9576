import { defineModule } from "../../platform/module.js";
import { contractRoutes } from "./contracts.routes.js";

export default defineModule({
  name: "contracts",
  routes: contractRoutes,
});
