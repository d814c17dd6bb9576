// The app's modules, in order: each folder's manifest (module.ts) says what the feature brings — its routes, its
// configuration data loaded at start-up, its upkeep, its background jobs, its demo data. A new feature adds its
// manifest to this list and nothing else: routes, start-up, upkeep and seeding iterate it (platform/module.ts).
// The order is the order of start-up loads and demo data: a module comes after those whose data it uses.
import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../config.js";
import type { Clock } from "../platform/clock.js";
import type { Db, Executor } from "../platform/context.js";
import type { UpkeepStep } from "../platform/maintenance.js";
import type { DemoSeed, ModuleManifest } from "../platform/module.js";
import auth from "./auth/module.js";
import reference from "./reference/module.js";
import organisations from "./organisations/module.js";
import users from "./users/module.js";
import audit from "./audit/module.js";
import dashboard from "./dashboard/module.js";
import people from "./people/module.js";
import me from "./me/module.js";
import deletionRequests from "./deletion-requests/module.js";
import imports from "./imports/module.js";
import exports from "./exports/module.js";
import programmes from "./programmes/module.js";
import calls from "./calls/module.js";
import processTemplates from "./process-templates/module.js";
import proposals from "./proposals/module.js";
import tasks from "./tasks/module.js";
import taskAnalytics from "./task-analytics/module.js";
import monitoring from "./monitoring/module.js";
import notifications from "./notifications/module.js";
import councils from "./councils/module.js";
import contracts from "./contracts/module.js";
import results from "./results/module.js";
import indicators from "./indicators/module.js";
import statistics from "./statistics/module.js";
import fundingPlans from "./funding-plans/module.js";
import register from "./register/module.js";

export const MODULES: readonly ModuleManifest[] = [
  auth,
  reference,
  organisations,
  users,
  audit,
  dashboard,
  people,
  me,
  deletionRequests,
  imports,
  exports,
  programmes,
  calls,
  processTemplates,
  proposals,
  tasks,
  taskAnalytics,
  monitoring,
  notifications,
  councils,
  contracts,
  results,
  indicators,
  statistics,
  fundingPlans,
  register,
];

/** Every module's routes (mounted by the app under /api/v1). */
export const registerModules: FastifyPluginAsync = async (app) => {
  for (const m of MODULES) await app.register(m.routes as FastifyPluginAsync);
};

/** The routes also mounted under /api (the app mounts this plugin there). */
export const registerPublicAliases: FastifyPluginAsync = async (app) => {
  for (const m of MODULES) if (m.publicAlias) await app.register(m.publicAlias as FastifyPluginAsync);
};

/** The modules' configuration data, in order (start-up, under the start-up lock). */
export async function syncModules(db: Db, now: Date): Promise<void> {
  for (const m of MODULES) await m.sync?.(db, now);
}

/** The modules' steps of the 15-minute upkeep. */
export function moduleUpkeep(config: Config, clock: Clock): UpkeepStep[] {
  return MODULES.flatMap((m) => (m.upkeep ? [(db: Db) => m.upkeep!(db, config, clock)] : []));
}

/** Starts the modules' background jobs; answers how to stop them all. */
export function startModuleJobs(db: Db, config: Config, clock: Clock): () => void {
  const stops = MODULES.flatMap((m) => (m.start ? [m.start(db, config, clock)] : []));
  return () => stops.forEach((stop) => stop());
}

/** The modules' demo data, in order, inside the seeding transaction. */
export async function seedModules(tx: Executor, seed: DemoSeed): Promise<void> {
  for (const m of MODULES) await m.demo?.(tx, seed);
}
