// Entry point: read configuration, open and migrate the database, listen.
import { loadConfig } from "./config.js";
import { bootstrap } from "./startup.js";
import { startMaintenance } from "./platform/maintenance.js";
import { systemClock } from "./platform/clock.js";
import { moduleUpkeep, startModuleJobs } from "./modules/index.js";
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
// The platform's upkeep with the modules' steps, and the modules' own jobs (progress-report reminders and the e-mail
// outbox); all idempotent and safe on every app server.
const stopMaintenance = startMaintenance(database.db, config, database.mode, systemClock, moduleUpkeep(config, systemClock));
const stopJobs = startModuleJobs(database.db, config, systemClock);
await app.listen({ port: config.port, host: config.host });
app.log.info(`KHCN listening on http://localhost:${config.port} (database: ${database.mode}${config.demoMode ? ", demo mode" : ""})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    stopMaintenance();
    stopJobs();
    await app.close();
    process.exit(0);
  });
}
