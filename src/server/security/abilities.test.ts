// The abilities the web app is given (GET /auth/me → can) cover every policy a route names: for every role, each
// route's general ability is in `can` with the answer the server's own hook gives. A module whose policy were left
// out would show users no menu or button for what the server allows (officers were once offered no "new inspection").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import type { Policy } from "../platform/policy.js";
import { createTestApp, type TestApp } from "../testing/harness.js";
import { ROLES } from "../../common/roles.js";
import { API, apiRoutes, generalAllows, isPublic, label, signInEveryRole, type RoleUser } from "./sweep.js";
import type { Role } from "../../common/roles.js";

let t: TestApp;
let users: Record<Role, RoleUser>;
beforeAll(async () => {
  t = await createTestApp();
  users = await signInEveryRole(t);
});
afterAll(async () => t?.close());

describe("GET /auth/me → can", () => {
  it("holds every general ability of every route's policy, with the answer the server enforces, for every role", async () => {
    const routes = apiRoutes(t.app).filter((r) => !isPublic(r) && r.config.policy);
    // Guard against a vacuous pass: the monitoring, inspection, report and notification routes are among them.
    const resources = new Set(routes.map((r) => r.config.policy!.of.resource));
    for (const r of ["inspection", "monitoring", "progressReport", "notification", "task", "person"]) expect(resources).toContain(r);

    const problems: string[] = [];
    for (const role of ROLES) {
      const u = users[role];
      const me = await u.client.get(`${API}/auth/me`);
      expect(me.status).toBe(200);
      const can = me.body.can as Record<string, Record<string, boolean>>;
      for (const r of routes) {
        const { of: policy, ability } = r.config.policy!;
        const expected = generalAllows(r, u.actor);
        if (expected === undefined) continue; // a record ability: decided per record, sent with each record
        const got = can[policy.resource]?.[ability];
        if (got !== expected) problems.push(`${role}: ${label(r)} → can.${policy.resource}.${ability} = ${got}, server says ${expected}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("offers officers a new inspection and progress-report review, and not a principal investigator", async () => {
    const officer = (await users.officer.client.get(`${API}/auth/me`)).body.can;
    expect(officer.inspection).toMatchObject({ create: true, list: true });
    expect(officer.progressReport).toMatchObject({ review: true });
    expect(officer.notification).toMatchObject({ list: true });
    const pi = (await users.pi.client.get(`${API}/auth/me`)).body.can;
    expect(pi.inspection).toMatchObject({ create: false, list: true });
    // …and what `can` says is what the server does: an officer's inspection form reaches validation, a PI's is refused.
    const byOfficer = await users.officer.client.post(`${API}/monitoring/inspections`, {});
    expect(byOfficer.status).toBe(400);
    const byPi = await users.pi.client.post(`${API}/monitoring/inspections`, {});
    expect(byPi.status).toBe(403);
  });

  it("an app whose routes name two different policies under one resource name does not start", async () => {
    const a: Policy<unknown, "read"> = { resource: "probe_twice", general: { list: () => true }, record: { read: () => true } };
    const b: Policy<unknown, "read"> = { resource: "probe_twice", general: { list: () => false }, record: { read: () => true } };
    const app = await buildApp({ config: t.config, database: t.database, migration: "test", clock: t.clock });
    await app.register(
      async (i) => {
        i.get("/probe/a", { config: { policy: { of: a, ability: "list" } } }, async () => ({}));
        i.get("/probe/b", { config: { policy: { of: b, ability: "list" } } }, async () => ({}));
      },
      { prefix: API },
    );
    await expect(app.ready()).rejects.toThrow(/probe_twice/);
    await app.close().catch(() => undefined);
  });
});
