import { defineModule } from "../../platform/module.js";
import { monitoringRoutes } from "./monitoring.routes.js";
import { startMonitoringJobs } from "./monitoring.jobs.js";

// Demo progress reports are scheduled, filed and reviewed by the demo's year (demo/year/year.ts).
export default defineModule({
  name: "monitoring",
  routes: monitoringRoutes,
  start: startMonitoringJobs,
});
