import { defineModule } from "../../platform/module.js";
import { meRoutes } from "./me.routes.js";

export default defineModule({
  name: "me",
  routes: meRoutes,
});
