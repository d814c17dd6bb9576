// The general abilities the web app is typed against (common/abilities.ts) are the ones the server sends: every policy
// the app's routes name is declared there, with the same names in the same order, and GET /auth/me answers exactly
// that shape. (definePolicy already refuses a policy whose names differ; this catches a policy made another way.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, Client, type TestApp } from "../testing/harness.js";
import { buildUser } from "../testing/factories.js";
import { policiesOfRoutes } from "../modules/policies.js";
import { GENERAL_ABILITIES } from "../../common/abilities.js";
import { API } from "./sweep.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("the declared general abilities", () => {
  it("are those of the policies the app's routes name, resource by resource", () => {
    const routed = Object.fromEntries(policiesOfRoutes(t.app.routeList).map((p) => [p.resource, Object.keys(p.general)]));
    expect(routed).toEqual(Object.fromEntries(Object.entries(GENERAL_ABILITIES).map(([r, names]) => [r, [...names]])));
  });

  it("are what GET /auth/me sends as `can`, every resource and name a boolean", async () => {
    await buildUser(t.database.db, { username: "declared_officer", roles: ["officer"] });
    const c = new Client(t);
    await c.login("declared_officer");
    const me = await c.get(`${API}/auth/me`);
    expect(me.status).toBe(200);
    const can = me.body.can as Record<string, Record<string, unknown>>;
    expect(Object.keys(can)).toEqual(Object.keys(GENERAL_ABILITIES));
    for (const [resource, names] of Object.entries(GENERAL_ABILITIES)) {
      expect(Object.keys(can[resource]!)).toEqual([...names]);
      for (const n of names) expect(typeof can[resource]![n]).toBe("boolean");
    }
    expect(can.inspection).toMatchObject({ create: true });
  });
});
