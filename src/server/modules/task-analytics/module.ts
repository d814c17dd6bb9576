import { sql } from "drizzle-orm";
import { defineModule } from "../../platform/module.js";
import { taskAnalyticsRoutes } from "./task-analytics.routes.js";
import { syncHistoricalTaskStats } from "./historical.js";
import { syncTaskStatusGroups } from "./task-stats.js";

export default defineModule({
  name: "task-analytics",
  routes: taskAnalyticsRoutes,
  sync: async (db, now) => {
    await syncHistoricalTaskStats(db, now);
    await syncTaskStatusGroups(db);
  },
  // Fold the analytics summary's deltas (migration 0016; safe beside writers and on several servers).
  upkeep: (db) => db.execute(sql`SELECT task_stats_compact()`),
});
