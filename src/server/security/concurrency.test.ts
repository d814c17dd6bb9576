// Optimistic concurrency (SECURITY.md 21): of concurrent writers holding the same version exactly one wins; every
// other gets 409 with the record as it is now; the database holds the winner's data, written once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, organisations } from "../db/schema/index.js";
import { Client, createTestApp, testDbMode, type TestApp } from "../testing/harness.js";
import { buildUser, TEST_PASSWORD } from "../testing/factories.js";
import { API, nextIp } from "./sweep.js";

let t: TestApp;
const officers: Client[] = [];

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 5; i++) {
    await buildUser(t.database.db, { username: `conc_officer_${i}`, roles: ["officer"] });
    const c = new Client(t, nextIp());
    await c.login(`conc_officer_${i}`, TEST_PASSWORD);
    officers.push(c);
  }
});
afterAll(async () => t?.close());

const baseOrg = {
  type: "rd_institute",
  nameVi: "Viện Nghiên cứu Hải dương học",
  district: "NGO_QUYEN",
  governance: "local",
  fields: ["105"],
  laboratories: [{ name: "Phòng thí nghiệm Môi trường biển", scheme: "VILAS", accreditationNumber: "VILAS 900", expiresOn: "2029-01-31" }],
};

async function createOrg(nameVi: string) {
  const r = await officers[0].post(`${API}/organisations`, { ...baseOrg, nameVi });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; version: number };
}

/** N writers PUT the same organisation at the same version, all at once, each with its own name and laboratory. */
async function race(n: number) {
  const org = await createOrg(`Viện Đua ${n}`);
  const bodies = Array.from({ length: n }, (_, i) => ({
    ...baseOrg,
    nameVi: `Viện Đua ${n} — người ghi ${i}`,
    laboratories: [{ name: `Phòng thí nghiệm ${i}`, scheme: "ISO17025", accreditationNumber: `ISO ${i}`, expiresOn: "2030-12-31" }],
    version: org.version,
  }));
  const results = await Promise.all(bodies.map((b, i) => officers[i % officers.length].put(`${API}/organisations/${org.id}`, b)));
  return { org, bodies, results };
}

describe(`concurrent writers of one organisation (${testDbMode()} database)`, () => {
  for (const n of [2, 20]) {
    it(`${n} parallel PUTs with the same version: exactly one 200, ${n - 1} × 409, the winner's data stored once`, async () => {
      const { org, bodies, results } = await race(n);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(n - 1);

      const winnerIndex = statuses.indexOf(200);
      const winner = bodies[winnerIndex];
      expect(results[winnerIndex].body).toMatchObject({ nameVi: winner.nameVi, version: org.version + 1 });

      // The stored record is the winner's, including its laboratories (no mix of writers).
      const stored = await officers[0].get(`${API}/organisations/${org.id}`);
      expect(stored.body).toMatchObject({
        nameVi: winner.nameVi,
        version: org.version + 1,
        laboratories: [{ name: winner.laboratories[0].name, accreditationNumber: winner.laboratories[0].accreditationNumber }],
      });
      const [row] = await t.database.db.select().from(organisations).where(eq(organisations.id, org.id));
      expect(row.nameVi).toBe(winner.nameVi);

      // Each loser is told VERSION_CONFLICT with a record in the error's details.
      for (const r of results.filter((x) => x.status === 409)) {
        expect(r.body.error.code).toBe("VERSION_CONFLICT");
        expect(r.body.error.details.current.id).toBe(org.id);
      }

      // One update, one audit row.
      const rows = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "organisation.update"), eq(auditLog.entityId, org.id)));
      expect(rows).toHaveLength(1);
    });
  }

  it("a loser's 409 carries the record as it is now (the winner's version), so the user can compare and retry", async () => {
    const { org, bodies, results } = await race(2);
    const winner = bodies[results.findIndex((r) => r.status === 200)];
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.details.current).toMatchObject({ nameVi: winner.nameVi, version: org.version + 1 });
  });
});
