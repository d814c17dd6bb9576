import { defineModule } from "../../platform/module.js";
import { authRoutes } from "./auth.routes.js";

export default defineModule({
  name: "auth",
  routes: authRoutes,
});
