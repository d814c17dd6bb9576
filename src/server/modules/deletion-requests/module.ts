import { defineModule } from "../../platform/module.js";
import { deletionRequestRoutes } from "./deletion-requests.routes.js";

export default defineModule({
  name: "deletion-requests",
  routes: deletionRequestRoutes,
});
