import os from "node:os";
import { defineConfig } from "vitest/config";

// Server and unit tests. With TEST_DATABASE_URL set, every server test runs twice: on the embedded database
// (PGlite) and on the PostgreSQL server (ARCHITECTURE.md, "Which tests run on both databases").
const both = !!process.env.TEST_DATABASE_URL;
const common = {
  include: ["src/**/*.test.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: "forks" as const,
  // A worker runs its files one after another in one module graph (not a fresh one per file): loading the app's
  // modules cost about 4 s per file, a third of the suite's time. Each file still gets its own app and database
  // (testing/harness.ts); a process-wide cache must therefore hold only what is the same in every database (shipped
  // code lists and forms) or key its entries by the database's own data (ARCHITECTURE.md, "Tests").
  isolate: false,
};

// Two test files at a time even on a 2-core machine (vitest's default there is one): a file spends much of its time
// waiting on its database (PGlite's worker thread, or the PostgreSQL server process), which the other file fills.
const maxWorkers = Math.max(2, (os.availableParallelism?.() ?? 2) - 1);

export default defineConfig({
  test: {
    maxWorkers,
    projects: [
      // Embedded test apps start from one migrated template made for the run (src/server/testing/embedded-template.ts).
      { test: { ...common, name: "embedded", env: { TEST_DATABASE_URL: "" }, globalSetup: ["src/server/testing/embedded-template.ts"] } },
      // src/common holds pure functions (rules, scoring, validation, the funding model): no database, so they run once.
      ...(both
        ? [{ test: { ...common, include: ["src/server/**/*.test.ts"], name: "server", env: { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL! } } }]
        : []),
    ],
  },
});
