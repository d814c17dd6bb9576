import { defineModule } from "../../platform/module.js";
import { exportRoutes } from "./exports.routes.js";

export default defineModule({
  name: "exports",
  routes: exportRoutes,
});
