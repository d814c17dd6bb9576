// Drizzle mirror of the SQL migrations (src/server/db/migrations); db/schema.test.ts keeps the two in step.
export * from "./accounts.js";
export * from "./audit.js";
export * from "./reference.js";
export * from "./registries.js";
export * from "./files.js";
export * from "./programmes.js";
export * from "./processes.js";
export * from "./tasks.js";
export * from "./task-history.js";
export * from "./contracts.js";
export * from "./councils.js";
export * from "./monitoring.js";
export * from "./results.js";
export * from "./task-stats.js";
