// The seed and admin:create commands (scripts/), run as an operator runs them — in a process of their own through tsx —
// on an empty embedded folder or an empty PostgreSQL database: `npm run seed` prepares it as start-up does and loads
// the demo data, `--reset` wipes and loads again, `npm run admin:create` refuses a weak password before it opens the
// database and creates an administrator who then signs in, enrols the authenticator app and reaches an
// administrator's page on an app outside demo mode.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createScratchDatabase } from "./db/scratch-database.js";
import { loadConfig } from "./config.js";
import { bootstrap } from "./startup.js";
import { projectRoot } from "./paths.js";
import { TestClock } from "./platform/clock.js";
import { TEST_START } from "./testing/test-clock.js";
import { Client, testDbMode, type TestApp } from "./testing/harness.js";
import { totpCode } from "./platform/auth/totp.js";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const PASSWORD = "cang-hai-phong-dinh-vu-2026";

let target: { env: Record<string, string>; databaseUrl?: string; dataDir: string; done: () => Promise<void> };

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "khcn-commands-"));
  if (testDbMode() === "server") {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
    target = {
      env: { DATABASE_URL: scratch.url, DATA_DIR: dataDir },
      databaseUrl: scratch.url,
      dataDir,
      done: async () => (await scratch.drop(), fs.rmSync(dataDir, { recursive: true, force: true })),
    };
  } else {
    // An empty folder that does not exist yet, as on a first installation.
    const folder = path.join(dataDir, "data");
    target = { env: { DATABASE_URL: "", DATA_DIR: folder }, dataDir: folder, done: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
});
afterAll(async () => target?.done());

function run(script: string, args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [tsxCli, path.join(projectRoot, "scripts", script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: "silent", NODE_ENV: "production", DEMO_MODE: "false", ...target.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin ?? "");
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run seed and npm run admin:create on a new installation", () => {
  it("seeds an empty database (a folder not yet created, in embedded mode)", async () => {
    const r = await run("seed.ts", ["--people", "30", "--organisations", "150"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/people\s+30\n/);
    expect(r.stdout).toMatch(/organisations\s+150\n/);
  }, 300_000);

  it("seeds again over the data with --reset", async () => {
    const r = await run("seed.ts", ["--people", "25", "--reset"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("dropping all data");
    expect(r.stdout).toMatch(/people\s+25\n/);
  }, 300_000);

  it("refuses a weak password before it opens the database", async () => {
    const r = await run("admin-create.ts", ["--username", "chief", "--password-stdin"], "12345678\n");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("This password is too common");
    expect(r.stderr).toContain("Mật khẩu quá phổ biến");
    const usage = await run("admin-create.ts", ["--password-stdin"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--username");
  }, 120_000);

  it("creates an administrator (forced: the demo data has one) who signs in, enrols TOTP and reaches the admin pages", async () => {
    const r = await run("admin-create.ts", ["--username", "chief", "--display-name", "Trưởng phòng CNTT", "--password-stdin", "--force"], `${PASSWORD}\n`);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Administrator “chief” created");
    expect(r.stdout).toContain("other active administrators: admin");

    const config = loadConfig(
      { NODE_ENV: "test", LOG_LEVEL: "silent" },
      { demoMode: false, requireTotp: true, databaseUrl: target.databaseUrl, dataDir: target.dataDir },
    );
    const clock = new TestClock(TEST_START);
    const { app, database } = await bootstrap(config, { clock, dataDir: target.dataDir });
    const t: TestApp = { app, database, config, clock, close: () => app.close() };
    try {
      const data = await database.db.execute<{ people: number; organisations: number; created_at: Date }>(sql`
        SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM organisations) AS organisations,
               (SELECT created_at FROM users WHERE username = 'chief') AS created_at`);
      // Only the reset's demo data, and the administrator; the app's clock starts when the command created it.
      expect(data.rows[0]).toMatchObject({ people: 25, organisations: 150 });
      clock.set(data.rows[0].created_at);

      const c = new Client(t, "10.62.0.1");
      const login = await c.login("chief", PASSWORD);
      expect(login.body).toMatchObject({ displayName: "Trưởng phòng CNTT", roles: ["admin"], mfa: "setup" });
      expect((await c.get("/api/v1/users")).status).toBe(401);
      const setup = await c.post("/api/v1/auth/totp/setup", {});
      expect(setup.status).toBe(200);
      expect((await c.post("/api/v1/auth/totp/verify", { code: totpCode(setup.body.secret, clock.now()) })).status).toBe(200);
      const list = await c.get("/api/v1/users?q=chief");
      expect(list.status).toBe(200);
      expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(["chief"]);
    } finally {
      await t.close();
    }
  }, 300_000);
});
