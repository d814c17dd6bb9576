import { defineModule } from "../../platform/module.js";
import { taskRoutes } from "./tasks.routes.js";
import { insertDemoTasks } from "./tasks.demo.js";

export default defineModule({
  name: "tasks",
  routes: taskRoutes,
  demo: (tx, seed) => insertDemoTasks(tx, seed.now),
});
