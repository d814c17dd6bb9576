import { defineConfig } from "vitest/config";

// Server and unit tests. With TEST_DATABASE_URL set, every server test runs twice: on the embedded database
// (PGlite) and on the PostgreSQL server.
const both = !!process.env.TEST_DATABASE_URL;
const common = {
  include: ["src/**/*.test.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: "forks" as const,
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: "embedded", env: { TEST_DATABASE_URL: "" } } },
      ...(both ? [{ test: { ...common, name: "server", env: { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL! } } }] : []),
    ],
  },
});
