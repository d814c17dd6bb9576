// Entry point: read configuration, open and migrate the database, listen.
import { loadConfig } from "./config.js";
import { bootstrap } from "./startup.js";
import { startMaintenance } from "./platform/maintenance.js";
import { systemClock } from "./platform/clock.js";
import { startMonitoringJobs } from "./modules/monitoring/monitoring.jobs.js";
import { refreshRegistryFigures } from "./modules/indicators/registry-figures.js";
import { DataDirInUse } from "./db/data-dir-lock.js";

const config = loadConfig();
const { app, database } = await bootstrap(config).catch((err: unknown) => {
  // A second server on the same embedded database folder: say so plainly, without a stack trace.
  if (err instanceof DataDirInUse) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
});
// The upkeep also recounts the registry figures behind the computed indicators (modules/indicators/registry-figures.ts).
const stopMaintenance = startMaintenance(database.db, config, database.mode, systemClock, [(db) => refreshRegistryFigures(db, systemClock)]);
// Progress-report reminders and the e-mail outbox (idempotent; safe on every app server).
const stopMonitoring = startMonitoringJobs(database.db, config, systemClock);
await app.listen({ port: config.port, host: config.host });
app.log.info(
  `KHCN listening on http://localhost:${config.port} (database: ${database.mode}${config.demoMode ? ", demo mode" : ""})`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    stopMaintenance();
    stopMonitoring();
    await app.close();
    process.exit(0);
  });
}
