import { defineConfig } from "vitest/config";

// Browser tests: the real app (fresh temporary embedded database, demo mode) driven by headless Chromium.
// `npm run test:e2e` builds the web app first; screenshots go to test-results/.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // one app and one browser at a time: the journeys share the demo database
    fileParallelism: false,
    pool: "forks",
  },
});
