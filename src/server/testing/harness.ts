// Test harness: the real app against a real database — embedded PGlite (default) or a PostgreSQL server when
// TEST_DATABASE_URL is set; each test file gets a database of its own.
import { inject } from "vitest";
import { createScratchDatabase } from "../db/scratch-database.js";
import { loadConfig, type Config } from "../config.js";
import { bootstrap } from "../startup.js";
import { TestClock } from "../platform/clock.js";
import { registerTestClock, TEST_START } from "./test-clock.js";
import type { App } from "../app.js";
import type { Database } from "../db/client.js";
import { sessionCookieName } from "../platform/auth/sessions.js";

export const testDbMode = (): "embedded" | "server" => (process.env.TEST_DATABASE_URL ? "server" : "embedded");

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  clock: TestClock;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const created = await createScratchDatabase(process.env.TEST_DATABASE_URL);
    databaseUrl = created.url;
    drop = created.drop;
  }
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }, { demoMode: true, requireTotp: false, databaseUrl, ...overrides });
  const clock = new TestClock(TEST_START);
  // Embedded: a copy of the run's migrated template (embedded-template.ts), not a new cluster.
  const loadDataDir = databaseUrl ? undefined : inject("embeddedTemplate") || undefined;
  const { app, database } = await bootstrap(config, { clock, dataDir: null, seed: false, loadDataDir });
  registerTestClock(database.db, clock);
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    async close() {
      await app.close();
      if (drop) await drop();
    },
  };
}

/** A signed-in HTTP client over app.inject, carrying the session cookie like a browser. */
export class Client {
  cookie?: string;
  lang: "vi" | "en" = "vi";
  constructor(
    private t: TestApp,
    public ip = "127.0.0.1",
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.t.app.inject({
      method: method as "GET",
      url,
      remoteAddress: this.ip,
      headers: {
        "accept-language": this.lang,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined && !(body instanceof Buffer) ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : body instanceof Buffer ? body : JSON.stringify(body),
    });
    const set = res.cookies.find((c) => c.name === sessionCookieName(this.t.config));
    if (set) this.cookie = set.value ? `${set.name}=${set.value}` : undefined;
    let json: any = undefined;
    try {
      json = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, body: json, headers: res.headers, raw: res };
  }
  get = (url: string, headers?: Record<string, string>) => this.request("GET", url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request("POST", url, body ?? {}, headers);
  put = (url: string, body?: unknown) => this.request("PUT", url, body);
  patch = (url: string, body?: unknown) => this.request("PATCH", url, body);
  delete = (url: string) => this.request("DELETE", url);

  async login(username: string, password = "correct horse battery") {
    const r = await this.post("/api/v1/auth/login", { username, password });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  }
}
