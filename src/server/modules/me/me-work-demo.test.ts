// The demo leaves something waiting for the demo roles, so that their home ("Việc của tôi") shows work: the officer's
// steps and councils, the leader an approval, the experts a ballot or a declaration, the PI a progress report overdue,
// the organisation's representative its statistical reports, the enterprise an open call. (The demo has no contracts
// yet, so nothing waits for the finance account.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { seedDemoData } from "../../demo/seed.js";
import { DEMO_PASSWORD } from "../../demo/demo-accounts.js";
import type { MyWork } from "../../../common/api/work.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.database.db, { scale: 1, now: t.clock.now() });
});
afterAll(async () => t?.close());

async function workOf(username: string): Promise<MyWork> {
  const c = new Client(t);
  await c.login(username, DEMO_PASSWORD);
  const r = await c.get("/api/v1/me/work");
  expect(r.status).toBe(200);
  return r.body as MyWork;
}

describe(`demo work per role (${testDbMode()})`, () => {
  it("gives every demo role but finance something waiting, with its next action", async () => {
    const actions = async (u: string) => {
      const w = await workOf(u);
      return new Set(w.items.map((i) => `${i.source}:${i.action}`));
    };
    const officer = await actions("officer");
    for (const a of ["tasks:send_to_identification", "tasks:convene_selection", "tasks:form_council", "councils:conclude", "statistics:review"])
      expect(officer).toContain(a);
    // the call still takes dossiers: nothing waits for the officer there
    expect(officer).not.toContain("tasks:close_without_dossier");
    expect(await actions("leader")).toContain("tasks:approve");
    expect(await actions("expert")).toContain("councils:ballot");
    expect(await actions("expert5")).toContain("councils:declare");
    const pi = await workOf("pi");
    const report = pi.items.find((i) => i.source === "monitoring");
    expect(report).toMatchObject({ action: "submit", overdue: true });
    expect(pi.items[0].overdue).toBe(true);
    expect(await actions("org_rep")).toContain("statistics:submit");
    expect(await actions("enterprise")).toContain("calls:propose");
  });
});
