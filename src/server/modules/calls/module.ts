import { defineModule } from "../../platform/module.js";
import { callRoutes } from "./calls.routes.js";

export default defineModule({
  name: "calls",
  routes: callRoutes,
});
