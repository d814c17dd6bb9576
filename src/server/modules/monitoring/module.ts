import { defineModule } from "../../platform/module.js";
import { monitoringRoutes } from "./monitoring.routes.js";
import { startMonitoringJobs } from "./monitoring.jobs.js";
import { insertDemoProgressReports } from "./monitoring.demo.js";

export default defineModule({
  name: "monitoring",
  routes: monitoringRoutes,
  start: startMonitoringJobs,
  demo: (tx, seed) => insertDemoProgressReports(tx, seed.now),
});
