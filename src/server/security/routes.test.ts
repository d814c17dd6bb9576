// Default deny (SECURITY.md 6): every API route is either explicitly public or names an ability of a policy, and
// the sign-in hook refuses everything else. Routes come from the app's own route list, so new modules are covered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "drizzle-orm";
import { buildApp, type App } from "../app.js";
import type { Policy } from "../platform/policy.js";
import { Client, createTestApp, type TestApp } from "../testing/harness.js";
import { buildUser, TEST_PASSWORD } from "../testing/factories.js";
import { API, apiRoutes, concreteUrl, hasBody, isErrorBody, isPublic, label, nextIp, routeAbility } from "./sweep.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("default deny: every route declares who may call it", () => {
  it("collects the routes of every module", () => {
    const urls = apiRoutes(t.app).map(label);
    // The foundation's own routes must be seen; if collection broke, every sweep below would pass vacuously.
    expect(urls).toEqual(
      expect.arrayContaining([
        `POST ${API}/auth/login`,
        `GET ${API}/auth/me`,
        `GET ${API}/organisations`,
        `GET ${API}/organisations/:id`,
        `PUT ${API}/organisations/:id`,
        `GET ${API}/reference/:list`,
      ]),
    );
  });

  it("every /api/v1 route is public or names an ability its policy defines", () => {
    const problems: string[] = [];
    for (const r of apiRoutes(t.app)) {
      if (isPublic(r)) continue;
      const a = routeAbility(r);
      if (!a) problems.push(`${label(r)}: neither config.auth "public" nor config.policy`);
      else if (!a.general && !a.record) problems.push(`${label(r)}: policy "${a.resource}" has no ability "${a.ability}"`);
    }
    expect(problems).toEqual([]);
  });

  it("public routes are few and known", () => {
    // A new public route is a decision worth a second look: add it here on purpose.
    const allowed = new Set([
      `POST ${API}/auth/login`,
      `POST ${API}/auth/logout`,
      `GET ${API}/reference/:list`,
      // the catalogue of registered results (public summaries only, rate-limited per address)
      `GET ${API}/public/results`,
      `GET ${API}/public/results/:id`,
      // published indicators and their open data (rate-limited per address; also mounted as /api/public/indicators…)
      `GET ${API}/public/indicators`,
      `GET ${API}/public/indicators/:code`,
      `GET ${API}/public/indicators/:code/data.json`,
      `GET ${API}/public/indicators/:code/data.csv`,
      `GET ${API}/public/indicators/:code/data.xlsx`,
    ]);
    const extra = apiRoutes(t.app)
      .filter(isPublic)
      .map(label)
      .filter((l) => !allowed.has(l));
    expect(extra).toEqual([]);
  });

  it("anonymous requests to every non-public route answer 401 with the error shape", async () => {
    const anon = new Client(t, nextIp());
    const problems: string[] = [];
    for (const r of apiRoutes(t.app).filter((x) => !isPublic(x))) {
      // An invalid body must not matter: sign-in is checked before the body is read.
      const res = await anon.request(r.method, concreteUrl(r), hasBody(r) ? { unexpected: ["x"] } : undefined);
      if (res.status !== 401 || !isErrorBody(res.body) || res.body.error.code !== "UNAUTHENTICATED") {
        problems.push(`${label(r)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("a session still waiting for its second factor reaches only the sign-in steps (401 elsewhere)", async () => {
    await buildUser(t.database.db, { username: "pending_admin", roles: ["admin"] });
    const c = new Client(t, nextIp());
    await c.login("pending_admin", TEST_PASSWORD);
    await t.database.db.execute(sql`UPDATE sessions SET mfa_pending = true
      WHERE user_id = (SELECT id FROM users WHERE username = 'pending_admin')`);
    const problems: string[] = [];
    for (const r of apiRoutes(t.app).filter((x) => !isPublic(x))) {
      if (r.config.allowMfaPending) continue;
      const res = await c.request(r.method, concreteUrl(r), hasBody(r) ? {} : undefined);
      if (res.status !== 401 || res.body?.error?.code !== "MFA_REQUIRED") problems.push(`${label(r)} → ${res.status}`);
    }
    expect(problems).toEqual([]);
    // …and the steps marked allowMfaPending are all about signing in.
    const pendingOk = apiRoutes(t.app)
      .filter((r) => r.config.allowMfaPending)
      .map((r) => r.url);
    expect(pendingOk.every((u) => u.startsWith(`${API}/auth/`))).toBe(true);
  });
});

describe("the sign-in hook enforces default deny at run time", () => {
  // A test-only app instance over the same database, with routes that get the policy wrong on purpose.
  let app: App;
  // Built by hand, not with definePolicy: "probe" is no resource of the app (common/abilities.ts).
  const probePolicy: Policy<unknown, "read"> = {
    resource: "probe",
    general: { allowed: () => true, adminOnly: (a) => a.roles.includes("admin") },
    record: { read: () => true },
  };
  beforeAll(async () => {
    app = await buildApp({ config: t.config, database: t.database, migration: "test", clock: t.clock });
    await app.register(
      async (i) => {
        const ok = async () => ({ ok: true });
        const body = z.object({ name: z.string() }).strict();
        i.get("/probe/no-policy", {}, ok);
        i.get("/probe/user-only", { config: { auth: "user" } }, ok);
        i.get("/probe/typo", { config: { policy: { of: probePolicy, ability: "alowed" } } }, ok);
        i.get("/probe/allowed", { config: { policy: { of: probePolicy, ability: "allowed" } } }, ok);
        i.post("/probe/admin-only", { config: { policy: { of: probePolicy, ability: "adminOnly" } }, schema: { body } }, ok);
      },
      { prefix: API },
    );
    await app.ready();
    await buildUser(t.database.db, { username: "probe_officer", roles: ["officer"] });
  });
  afterAll(async () => app?.close());

  it("refuses routes without a policy or with an ability the policy lacks, for every signed-in user", async () => {
    const login = await app.inject({
      method: "POST",
      url: `${API}/auth/login`,
      payload: { username: "probe_officer", password: TEST_PASSWORD },
      remoteAddress: nextIp(),
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const get = (url: string) => app.inject({ method: "GET", url, headers: { cookie } });
    expect((await get(`${API}/probe/no-policy`)).statusCode).toBe(403);
    expect((await get(`${API}/probe/user-only`)).statusCode).toBe(403);
    expect((await get(`${API}/probe/typo`)).statusCode).toBe(403);
    expect((await get(`${API}/probe/allowed`)).statusCode).toBe(200);
    // The role check comes before the body is read: a wrong role gets 403 even with an invalid body.
    const denied = await app.inject({ method: "POST", url: `${API}/probe/admin-only`, headers: { cookie }, payload: { name: 42, extra: true } });
    expect(denied.statusCode).toBe(403);
    expect(JSON.parse(denied.body).error.code).toBe("FORBIDDEN");
  });

  it("answers 404, not 401/403, for an address that is no route", async () => {
    const r = await app.inject({ method: "GET", url: `${API}/no-such-thing` });
    expect(r.statusCode).toBe(404);
    expect(JSON.parse(r.body).error.code).toBe("ROUTE_NOT_FOUND");
  });
});
