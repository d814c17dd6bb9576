import { defineConfig } from "vitest/config";

// Browser tests: the real app (fresh database, demo mode) driven by headless Chromium, on the embedded database and,
// when TEST_DATABASE_URL is set, again on the PostgreSQL server. `npm run test:e2e` builds the web app first;
// screenshots go to test-results/.
const common = {
  include: ["tests/e2e/**/*.test.ts"],
  globalSetup: ["tests/e2e/global-setup.ts"],
  testTimeout: 120_000,
  hookTimeout: 180_000,
  // a polled expectation waits as long as a page action (browser.ts: 20 s), not vitest's default second
  expect: { poll: { timeout: 20_000 } },
  // one app and one browser at a time: the journeys share the demo database
  fileParallelism: false,
  pool: "forks" as const,
};

// The page walks check what the web app draws (every page of every role, accessibility, the guide's pointers, the
// task and statistics pages per role): the browser and the web build decide it, not the database, whose answers to
// the same API calls the server tests check on both. They run once, on the embedded database; the journeys that
// change data run on both (ARCHITECTURE.md, "Which tests run on both databases").
const PAGE_WALKS = ["tests/e2e/every-page.test.ts", "tests/e2e/accessibility.test.ts", "tests/e2e/guide.test.ts", "tests/e2e/task-pages.test.ts"];

export default defineConfig({
  test: {
    fileParallelism: false,
    projects: [
      { test: { ...common, name: "browser-embedded", env: { E2E_DB: "embedded" } } },
      ...(process.env.TEST_DATABASE_URL ? [{ test: { ...common, name: "browser-server", exclude: PAGE_WALKS, env: { E2E_DB: "server" } } }] : []),
    ],
  },
});
