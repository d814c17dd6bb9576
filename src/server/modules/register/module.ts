import { defineModule } from "../../platform/module.js";
import { registerRoutes } from "./register.routes.js";

export default defineModule({
  name: "register",
  routes: registerRoutes,
});
