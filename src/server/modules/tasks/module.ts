import { defineModule } from "../../platform/module.js";
import { taskRoutes } from "./tasks.routes.js";

// Demo tasks, their calls, dossiers and documents come from the demo's year (demo/year/year.ts), through the commands.
export default defineModule({
  name: "tasks",
  routes: taskRoutes,
});
