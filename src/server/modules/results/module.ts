import { defineModule } from "../../platform/module.js";
import { resultRoutes } from "./results.routes.js";

export default defineModule({
  name: "results",
  routes: resultRoutes,
});
