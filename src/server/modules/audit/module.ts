import { defineModule } from "../../platform/module.js";
import { auditRoutes } from "./audit.routes.js";

export default defineModule({
  name: "audit",
  routes: auditRoutes,
});
