import { defineModule } from "../../platform/module.js";
import { notificationRoutes } from "./notifications.routes.js";

export default defineModule({
  name: "notifications",
  routes: notificationRoutes,
});
