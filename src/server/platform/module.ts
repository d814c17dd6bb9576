// A module's manifest (modules/<feature>/module.ts): everything the app needs to know of a feature, in one place.
// The app iterates the list in modules/index.ts: its routes are mounted, its configuration data loaded at start-up,
// its upkeep run, its demo data seeded — so a new feature is registered by adding its manifest to that list.
import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../config.js";
import type { Clock } from "./clock.js";
import type { Db, Executor } from "./context.js";

/** The demo's base records the modules' demo data hangs on (demo/generate.ts anchors). */
export interface DemoSeed {
  now: Date;
  anchors: { piPersonId: string; expertPersonId: string; orgRepOrganisationId: string; enterpriseOrganisationId: string };
}

export interface ModuleManifest {
  /** The module's folder name under src/server/modules. */
  name: string;
  /** Its API, mounted under /api/v1 (each route names its policy or says it is public). */
  routes: FastifyPluginAsync<never> | FastifyPluginAsync;
  /** Routes also mounted under /api (the open-data addresses of the public portal: /api/public/…). */
  publicAlias?: FastifyPluginAsync<never> | FastifyPluginAsync;
  /**
   * Configuration data every database holds (code lists, process templates, rule sets, forms, the plan's indicators),
   * loaded at start-up under the start-up lock, in module order, stamped with `now`. Idempotent.
   */
  sync?: (db: Db, now: Date) => Promise<unknown>;
  /** A step of the 15-minute upkeep on every app server (idempotent, safe beside writers and other servers). */
  upkeep?: (db: Db, config: Config, clock: Clock) => Promise<unknown>;
  /** Background work on a timer of its own; answers how to stop it. */
  start?: (db: Db, config: Config, clock: Clock) => () => void;
  /** Demo data, in module order, inside the seeding transaction, after the registries and the demo accounts. */
  demo?: (tx: Executor, seed: DemoSeed) => Promise<unknown>;
}

export const defineModule = (m: ModuleManifest): ModuleManifest => m;
