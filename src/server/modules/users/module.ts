import { defineModule } from "../../platform/module.js";
import { userRoutes } from "./users.routes.js";

export default defineModule({
  name: "users",
  routes: userRoutes,
});
