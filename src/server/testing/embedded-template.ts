// The embedded test databases' starting point. PGlite's initdb costs seconds for every new in-memory cluster (3–4 s
// on a 2-core machine, several times the migrations), and every server test file opens one. The embedded test
// project's global setup (vitest.config.ts) creates one cluster, applies the migrations and dumps its data folder to
// a file; each test app then starts as a copy of it (harness.ts), and start-up finds the migrations applied (it
// still checks their checksums, and syncs the configuration data with the test's own clock).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated embedded template's dump, a file path. */
    embeddedTemplate: string;
  }
}

/** Writes a dump of a freshly migrated embedded database to `file`. */
export async function writeEmbeddedTemplate(file: string): Promise<void> {
  const database = await openDatabase({ dataDir: null, poolSize: 1 });
  try {
    await migrate(database.pool);
    await database.pool.query("CHECKPOINT");
    await database.dumpDataDir!(file);
  } finally {
    await database.close();
  }
}

export default async function setup(project: TestProject) {
  const file = path.join(os.tmpdir(), `khcn-test-template-${process.pid}-${project.name}.tar`);
  await writeEmbeddedTemplate(file);
  project.provide("embeddedTemplate", file);
  return () => fs.rmSync(file, { force: true });
}
