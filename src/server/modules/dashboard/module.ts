import { defineModule } from "../../platform/module.js";
import { dashboardRoutes } from "./dashboard.routes.js";

export default defineModule({
  name: "dashboard",
  routes: dashboardRoutes,
});
