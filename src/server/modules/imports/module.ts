import { defineModule } from "../../platform/module.js";
import { importRoutes } from "./imports.routes.js";

export default defineModule({
  name: "imports",
  routes: importRoutes,
});
