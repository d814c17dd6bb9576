// HTTP-level protections (SECURITY.md 16–18, 28): security headers, no caching of API answers, cross-site requests
// refused before anything happens, GET never changes state, security.txt, and errors without internals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { buildApp, type App } from "../app.js";
import { Client, createTestApp, type TestApp } from "../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser, TEST_PASSWORD } from "../testing/factories.js";
import { API, apiRoutes, concreteUrl, hasBody, isErrorBody, label, nextIp, paramNames } from "./sweep.js";

let t: TestApp;
let admin: Client;
const signInAdmin = async () => {
  admin = new Client(t, nextIp());
  await admin.login("hdr_admin", TEST_PASSWORD);
};
beforeAll(async () => {
  t = await createTestApp();
  await buildUser(t.database.db, { username: "hdr_admin", roles: ["admin"] });
  await signInAdmin();
});
afterAll(async () => t?.close());

function csp(headers: Record<string, unknown>) {
  const raw = String(headers["content-security-policy"] ?? "");
  return Object.fromEntries(
    raw
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([k, ...v]) => [k, v.join(" ")]),
  );
}

describe("security headers (SECURITY.md 17–18)", () => {
  it("CSP forbids plugins, <base> and framing; nosniff; a Referrer-Policy; no HSTS over plain HTTP", async () => {
    for (const url of ["/api/health", `${API}/auth/me`, "/.well-known/security.txt", `${API}/no-such-route`]) {
      const r = await admin.get(url);
      const policy = csp(r.headers);
      expect(policy["object-src"], url).toBe("'none'");
      expect(policy["base-uri"], url).toBe("'none'");
      expect(policy["frame-ancestors"], url).toBe("'none'");
      expect(policy["default-src"], url).toBe("'self'");
      expect(policy["script-src"], url).not.toContain("unsafe");
      expect(r.headers["x-content-type-options"], url).toBe("nosniff");
      expect(String(r.headers["referrer-policy"]), url).toMatch(/^(no-referrer|strict-origin-when-cross-origin|same-origin)$/);
      expect(r.headers["strict-transport-security"], url).toBeUndefined();
      expect(r.headers["x-powered-by"]).toBeUndefined();
    }
  });

  it("sends HSTS when served over HTTPS", async () => {
    const https = await createTestApp({ publicUrl: "https://khcn.haiphong.gov.vn", secureCookies: true });
    try {
      const r = await https.app.inject({ method: "GET", url: "/api/health" });
      expect(String(r.headers["strict-transport-security"])).toMatch(/max-age=\d{7,}/);
    } finally {
      await https.close();
    }
  });

  it("API answers are Cache-Control: no-store — successes, refusals and errors alike", async () => {
    const anon = new Client(t, nextIp());
    const answers = [
      await admin.get(`${API}/auth/me`),
      await admin.get(`${API}/organisations`),
      await anon.get(`${API}/organisations`),
      await admin.get(`${API}/organisations/not-a-uuid`),
      await admin.get(`${API}/no-such-route`),
      await admin.get(`${API}/organisations/${"x".repeat(500)}`),
      await anon.post(`${API}/auth/login`, { username: "x", password: "y" }),
    ];
    for (const r of answers) expect(r.headers["cache-control"], `${r.status} ${r.raw.raw.req.url}`).toBe("no-store");
  });

  it("no CORS headers for a foreign origin", async () => {
    const r = await t.app.inject({
      method: "OPTIONS",
      url: `${API}/organisations`,
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
    const g = await admin.get(`${API}/organisations`, { origin: "https://evil.example" });
    expect(g.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("cross-site state changes are refused (SECURITY.md 17)", () => {
  const stateChanging = () => apiRoutes(t.app).filter((r) => hasBody(r) || r.method === "DELETE");

  it("every POST/PUT/PATCH/DELETE answers 403 to Origin: https://evil.example and to Sec-Fetch-Site: cross-site", async () => {
    const before = await tablesChecksum();
    const problems: string[] = [];
    for (const r of stateChanging()) {
      const variants: Record<string, string>[] = [
        { origin: "https://evil.example" },
        { origin: "null" },
        { "sec-fetch-site": "cross-site" },
        { origin: "https://evil.example", "sec-fetch-site": "same-origin" },
      ];
      for (const headers of variants) {
        if (!admin.cookie) await signInAdmin();
        const res = await admin.request(r.method, concreteUrl(r), hasBody(r) ? {} : undefined, headers);
        if (res.status !== 403 || res.body?.error?.code !== "CROSS_SITE") problems.push(`${label(r)} ${JSON.stringify(headers)} → ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
    expect(stateChanging().length).toBeGreaterThan(5);
    expect(await tablesChecksum()).toEqual(before);
  });

  it("the same site, the configured public address and same-origin fetches are let through", async () => {
    const body = { username: "hdr_admin", password: TEST_PASSWORD };
    const c = new Client(t, nextIp());
    // app.inject sends Host: localhost:80; a browser on port 80 sends Origin http://localhost (no default port).
    expect((await c.post(`${API}/auth/login`, body, { origin: "http://localhost" })).status).toBe(200);
    expect((await c.post(`${API}/auth/login`, body, { origin: "http://localhost:80", "sec-fetch-site": "same-origin" })).status).toBe(200);
    const proxied = await createTestApp({ publicUrl: "https://khcn.haiphong.gov.vn", secureCookies: true });
    try {
      await buildUser(proxied.database.db, { username: "proxied_user", roles: ["officer"] });
      const r = await proxied.app.inject({
        method: "POST",
        url: `${API}/auth/login`,
        headers: { host: "app:3000", origin: "https://khcn.haiphong.gov.vn", "content-type": "application/json" },
        payload: { username: "proxied_user", password: TEST_PASSWORD },
      });
      expect(r.statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

/** A checksum of every table's content except the session and rate-limit bookkeeping and the audit log. */
async function tablesChecksum(): Promise<Record<string, string>> {
  const tables = await t.database.db.execute<{ name: string }>(sql`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('sessions', 'rate_limits', 'audit_log') ORDER BY table_name`);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await t.database.db.execute<{ sum: string | null }>(
      sql`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM ${sql.identifier(name)} x`,
    );
    out[name] = String(r.rows[0]?.sum);
  }
  return out;
}

describe("GET never changes state (SECURITY.md 17)", () => {
  it("no GET route changes any table; the only audit rows GETs write are exports/views and denied access", async () => {
    for (let i = 0; i < 2; i++) {
      const org = await buildOrganisation(t.database.db);
      await buildPerson(t.database.db, { primaryOrganisationId: org.id });
      await buildUser(t.database.db, { roles: ["pi"] });
    }
    const problems: string[] = [];
    let checked = 0;
    for (const r of apiRoutes(t.app).filter((x) => x.method === "GET")) {
      if (!admin.cookie) await signInAdmin();
      // Aim at a real record where the collection lists one, so the service really runs.
      const values: Record<string, string> = {};
      if (paramNames(r.url).includes("id")) {
        const list = await admin.get(r.url.slice(0, r.url.indexOf("/:id")));
        const id = (list.body?.items ?? (Array.isArray(list.body) ? list.body : []))[0]?.id;
        if (typeof id === "string") values.id = id;
      }
      const before = await tablesChecksum();
      const [{ n: auditBefore }] = (await t.database.db.execute<{ n: number }>(sql`SELECT coalesce(max(id), 0)::int AS n FROM audit_log`)).rows;
      const res = await admin.get(concreteUrl(r, values));
      checked++;
      const after = await tablesChecksum();
      for (const k of Object.keys(after)) if (after[k] !== before[k]) problems.push(`${label(r)} changed table ${k}`);
      const added = await t.database.db.execute<{ action: string }>(sql`SELECT action FROM audit_log WHERE id > ${auditBefore}`);
      for (const { action } of added.rows) {
        const allowed = action === "access.denied" || /(^|\.)(export|view)/.test(action);
        if (!allowed) problems.push(`${label(r)} (${res.status}) wrote audit "${action}"`);
        // an export or view route: named so, or the download of a generated document (e.g. a scientific CV as .docx)
        if (/(export|view)/.test(action) && !/export|view|\.(docx|xlsx|csv)$/.test(r.url) && res.status < 400) {
          problems.push(`${label(r)} wrote "${action}" but is not an export or view route`);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});

describe("security.txt (SECURITY.md 28)", () => {
  it("names a contact and an expiry in the future, as text, without signing in", async () => {
    const r = await t.app.inject({ method: "GET", url: "/.well-known/security.txt" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/plain/);
    expect(r.body).toMatch(/^Contact: (mailto:|https:\/\/)\S+$/m);
    const expires = /^Expires: (\S+)$/m.exec(r.body)?.[1];
    expect(expires && new Date(expires).getTime()).toBeGreaterThan(t.clock.now().getTime());
  });
});

describe("errors carry no internals (SECURITY.md 16)", () => {
  // A test-only app instance over the same database, with routes that fail the way bugs do.
  let app: App;
  beforeAll(async () => {
    app = await buildApp({ config: t.config, database: t.database, migration: "test", clock: t.clock });
    await app.register(
      async (i) => {
        i.get("/boom", { config: { auth: "public" } }, async () => {
          throw new Error("SELECT password_hash FROM users WHERE id = 'x' — at /srv/khcn/src/server/secret.ts:12");
        });
        i.get("/teapot", { config: { auth: "public" } }, async () => {
          throw Object.assign(new Error("internal detail: password_hash"), { statusCode: 418 });
        });
        i.get("/sql", { config: { auth: "public" } }, async (req) => {
          await req.ctx.db.execute(sql`SELECT password_hash FROM no_such_table_xyz`);
          return { ok: true };
        });
      },
      { prefix: "/api/v1/test-only" },
    );
    await app.ready();
  });
  afterAll(async () => app?.close());

  const leaks = /SELECT|password_hash|no_such_table|\brelation\b|secret\.ts|\bat \/|node_modules|stack|Failed query/i;

  it("an unexpected error answers 500 with a generic message and a correlation id only", async () => {
    for (const lang of ["vi", "en"]) {
      const r = await app.inject({ method: "GET", url: "/api/v1/test-only/boom", headers: { "accept-language": lang } });
      expect(r.statusCode).toBe(500);
      const body = JSON.parse(r.body);
      expect(Object.keys(body)).toEqual(["error"]);
      expect(body.error.code).toBe("INTERNAL");
      expect(body.error.details).toEqual({ correlationId: r.headers["x-correlation-id"] });
      expect(body.error.message).toContain(String(r.headers["x-correlation-id"]));
      expect(body.error.message).toMatch(lang === "vi" ? /lỗi hệ thống/ : /went wrong/);
      expect(r.body).not.toMatch(leaks);
      expect(r.headers["cache-control"]).toBe("no-store");
    }
  });

  it("a database error answers 500 without SQL, table names or the driver's message", async () => {
    const r = await app.inject({ method: "GET", url: "/api/v1/test-only/sql" });
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toMatch(leaks);
  });

  it("a thrown client error answers its status with a generic message, not the thrower's text", async () => {
    const r = await app.inject({ method: "GET", url: "/api/v1/test-only/teapot" });
    expect(r.statusCode).toBe(418);
    expect(isErrorBody(JSON.parse(r.body))).toBe(true);
    expect(r.body).not.toMatch(leaks);
  });

  it("router-level errors (an over-long path parameter, a malformed URL) use the same shape and echo nothing", async () => {
    for (const url of [`${API}/organisations/${"ư".repeat(300)}`, `${API}/organisations/%E0%A4%A`]) {
      const r = await app.inject({ method: "GET", url });
      expect(r.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, url).toBeLessThan(500);
      const body = JSON.parse(r.body);
      expect(isErrorBody(body), r.body).toBe(true);
      expect(r.body).not.toContain("organisations");
    }
  });
});
