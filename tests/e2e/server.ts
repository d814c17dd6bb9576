// Starts the real application for the browser tests: a fresh database in demo mode (demo accounts and demo data) —
// in-memory embedded PGlite, or a new database on the PostgreSQL server of TEST_DATABASE_URL when the project runs
// in "server" mode (E2E_DB) — listening on a free loopback port, serving the built web app from dist/web.
import fs from "node:fs";
import path from "node:path";
import { loadConfig, type Config } from "../../src/server/config.js";
import { bootstrap } from "../../src/server/startup.js";
import { webDistDir } from "../../src/server/paths.js";
import { createScratchDatabase } from "../../src/server/db/scratch-database.js";

/** Which database the browser tests run on: "server" needs TEST_DATABASE_URL. */
export const e2eDatabaseMode = (): "embedded" | "server" => (process.env.E2E_DB === "server" ? "server" : "embedded");

export const DEMO_PASSWORD = "khcn-demo";

export interface RunningApp {
  baseUrl: string;
  /** session cookie ("name=value") per demo account */
  sessions: Record<SessionUser, string>;
  close(): Promise<void>;
}

/** `prepare: false` skips the journey data and the shared sessions (an app with other sign-in rules). */
export async function startApp(port = 0, overrides: Partial<Config> = {}, opts: { prepare?: boolean } = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(webDistDir, "index.html"))) {
    throw new Error(`The web app is not built (${webDistDir}). Run "npx vite build" first (npm run test:e2e does).`);
  }
  // Every journey signs in several times from 127.0.0.1: the per-IP sign-in limit (tested by the server tests) is
  // raised so that a fast run is not throttled. The run's shared sessions (openSessions) must outlast the other
  // database's run, which goes first: the idle timeouts (tested by the server tests) are raised to the absolute one.
  const scratch = e2eDatabaseMode() === "server" ? await createScratchDatabase(process.env.TEST_DATABASE_URL!, "khcn_e2e_") : null;
  const config = loadConfig(
    {
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      LOGIN_RATE_PER_IP_PER_MINUTE: "1000",
      SESSION_IDLE_MINUTES: "480",
      SESSION_IDLE_MINUTES_ADMIN: "480",
    },
    {
      demoMode: true,
      requireTotp: false,
      databaseUrl: scratch?.url,
      ...overrides,
    },
  );
  const { app: started } = await bootstrap(config, { dataDir: null });
  const app = started;
  if (scratch) app.addHook("onClose", async () => scratch.drop());
  await app.listen({ port, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  const baseUrl = `http://127.0.0.1:${address.port}`;
  if (opts.prepare === false) return { baseUrl, sessions: {} as RunningApp["sessions"], close: () => app.close() };
  await ensureJourneyData(baseUrl);
  return { baseUrl, sessions: await openSessions(baseUrl), close: () => app.close() };
}

/** A signed-in API client over fetch (cookie kept by hand), for preparing and checking data. */
export class ApiClient {
  /** "name=value" of the session cookie */
  cookie = "";
  constructor(
    private baseUrl: string,
    cookie = "",
    /** signs in again as this account if the shared session has expired */
    private user?: string,
  ) {
    this.cookie = cookie;
  }

  async login(username: string, password = DEMO_PASSWORD) {
    const res = await this.raw("POST", "/api/v1/auth/login", { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return this;
  }
  async raw(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.baseUrl + url, {
      method,
      headers: {
        "accept-language": "vi",
        origin: this.baseUrl,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.getSetCookie?.() ?? [];
    for (const c of set) {
      const pair = c.split(";")[0];
      if (pair.endsWith("=")) this.cookie = "";
      else this.cookie = pair;
    }
    return res;
  }
  async json<T = any>(method: string, url: string, body?: unknown): Promise<T> {
    let res = await this.raw(method, url, body);
    if (res.status === 401 && this.user) {
      await this.login(this.user);
      res = await this.raw(method, url, body);
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  get = <T = any>(url: string) => this.json<T>("GET", url);
  post = <T = any>(url: string, body: unknown = {}) => this.json<T>("POST", url, body);
  put = <T = any>(url: string, body: unknown) => this.json<T>("PUT", url, body);
}

/**
 * The journeys need an organisation and a person called "Nguyễn Văn An". The demo data normally has both; when it
 * does not (a smaller demo set), they are created through the API like an officer would.
 */
async function ensureJourneyData(baseUrl: string) {
  const api = await new ApiClient(baseUrl).login("admin");
  const orgs = await api.get<{ items: { id: string }[]; total: number }>("/api/v1/organisations?pageSize=1");
  let orgId = orgs.items[0]?.id;
  if (!orgId) {
    const created = await api.post<{ id: string }>("/api/v1/organisations", {
      type: "university",
      nameVi: "Trường Đại học Hàng hải Việt Nam",
      nameEn: "Vietnam Maritime University",
      abbreviation: "VMU",
      district: "LE_CHAN",
      governance: "central",
      fields: ["2"],
    });
    orgId = created.id;
  }
  const found = await api.get<{ items: { fullName: string }[] }>(`/api/v1/people?q=${encodeURIComponent("Nguyễn Văn An")}&pageSize=100`);
  if (!found.items.some((p) => p.fullName === "Nguyễn Văn An")) {
    await api.post("/api/v1/people", {
      fullName: "Nguyễn Văn An",
      birthYear: 1980,
      gender: "male",
      degree: "TS",
      fields: ["202"],
      keywords: ["tự động hoá"],
      primaryOrganisationId: orgId,
      affiliations: [{ organisationId: orgId, position: "Giảng viên" }],
    });
  }
  await api.raw("POST", "/api/v1/auth/logout", {});
}

/** Accounts the journeys use, signed in once for the whole run (sign-ins per account are rate-limited). */
export const SESSION_USERS = ["officer", "admin", "pi"] as const;
export type SessionUser = (typeof SESSION_USERS)[number];

export async function openSessions(baseUrl: string): Promise<Record<SessionUser, string>> {
  const out = {} as Record<SessionUser, string>;
  for (const u of SESSION_USERS) out[u] = (await new ApiClient(baseUrl).login(u)).cookie;
  return out;
}
