// Seeding an empty database: the expected counts, the demo accounts, and records the app serves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../testing/harness.js";
import { ROLES } from "../../common/roles.js";
import { seedDemoData } from "./seed.js";
import { DEMO_PASSWORD } from "./demo-accounts.js";

let t: TestApp;
const one = async <T>(q: ReturnType<typeof sql>) => (await t.database.db.execute(q)).rows[0] as T;

beforeAll(async () => {
  t = await createTestApp();
  // The registries and the accounts; the year's S&T work on them has its own test (year/year.test.ts).
  const summary = await seedDemoData(t.database.db, { scale: 1, now: t.clock.now(), year: false });
  expect(summary).toMatchObject({ organisations: 150, laboratories: 20, people: 1500, users: ROLES.length });
});
afterAll(async () => t?.close());

describe("seeding an empty database", () => {
  it("stores the city's registry at scale 1", async () => {
    const c = await one<Record<string, number>>(sql`
      SELECT (SELECT count(*)::int FROM organisations) AS organisations,
             (SELECT count(*)::int FROM organisations WHERE type IN ('university', 'college')) AS universities,
             (SELECT count(*)::int FROM organisations WHERE type IN ('rd_institute', 'st_service')) AS st,
             (SELECT count(*)::int FROM organisations WHERE type IN ('rd_institute', 'st_service') AND governance = 'central') AS central,
             (SELECT count(*)::int FROM laboratories) AS labs,
             (SELECT count(*)::int FROM people) AS people,
             (SELECT count(*)::int FROM people WHERE is_expert) AS experts,
             (SELECT count(*)::int FROM person_affiliations WHERE end_date IS NULL) AS current_affiliations,
             (SELECT count(DISTINCT person_id)::int FROM consents WHERE purpose = 'expert_pool' AND granted) AS expert_consents,
             (SELECT count(*)::int FROM users) AS users`);
    expect(c).toMatchObject({
      organisations: 150,
      universities: 20,
      st: 55,
      central: 8,
      labs: 20,
      people: 1500,
      current_affiliations: 1500,
      users: ROLES.length,
    });
    expect(c.experts).toBeGreaterThan(75);
    expect(c.expert_consents).toBe(c.experts);
  });

  it("makes people findable by accent-free search and sorts them in Vietnamese order", async () => {
    const r = await t.database.db.execute<{ full_name: string }>(
      sql`SELECT full_name FROM people WHERE search_text LIKE '%nguyen van an%' ORDER BY given_name COLLATE vn, full_name COLLATE vn`,
    );
    expect(r.rows.map((x) => x.full_name)).toContain("Nguyễn Văn An");
    const c = new Client(t);
    await c.login("officer", DEMO_PASSWORD);
    const api = await c.get("/api/v1/people?q=nguyen van&sort=name&pageSize=200");
    expect(api.status).toBe(200);
    expect(api.body.total).toBeGreaterThan(50);
    expect(api.body.items.map((p: { fullName: string }) => p.fullName)).toContain("Nguyễn Văn An");
  });

  it("creates one account per role with the demo password, linked to people and organisations", async () => {
    const me: Record<string, { personId: string | null; organisationId: string | null; roles: string[] }> = {};
    for (const role of ROLES) {
      const c = new Client(t);
      const r = await c.login(role, DEMO_PASSWORD);
      expect(r.body.roles).toEqual([role]);
      me[role] = r.body;
    }
    const person = (id: string | null) => one<{ full_name: string }>(sql`SELECT full_name FROM people WHERE id = ${id}`);
    const org = (id: string | null) => one<{ name_vi: string; type: string }>(sql`SELECT name_vi, type FROM organisations WHERE id = ${id}`);
    expect((await person(me.pi.personId)).full_name).toBe("Nguyễn Văn An");
    expect(me.expert.personId).toBeTruthy();
    expect((await org(me.org_rep.organisationId)).name_vi).toBe("Trường Đại học Hàng hải Việt Nam");
    expect((await org(me.enterprise.organisationId)).type).toBe("enterprise");
    expect(me.admin.personId).toBeNull();
  });

  it("serves the seeded organisations through the API: search, detail with laboratories and people", async () => {
    const c = new Client(t);
    await c.login("officer", DEMO_PASSWORD);
    const list = await c.get("/api/v1/organisations?q=hang hai viet nam");
    expect(list.status).toBe(200);
    const vmu = list.body.items.find((o: { nameVi: string }) => o.nameVi === "Trường Đại học Hàng hải Việt Nam");
    expect(vmu).toBeTruthy();
    const detail = await c.get(`/api/v1/organisations/${vmu.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.laboratories).toHaveLength(1);
    expect(detail.body.peopleCount).toBeGreaterThan(50);
    const child = await c.get("/api/v1/organisations?q=vien khoa hoc va cong nghe hang hai");
    const imst = await c.get(`/api/v1/organisations/${child.body.items[0].id}`);
    expect(imst.body.parentName).toBe("Trường Đại học Hàng hải Việt Nam");
  });
});

describe("seeding at a larger scale", () => {
  let big: TestApp;
  afterAll(async () => big?.close());
  it("multiplies people and organisations", async () => {
    big = await createTestApp();
    await seedDemoData(big.database.db, { scale: 3, now: big.clock.now(), year: false });
    const r = await big.database.db.execute<{ o: number; p: number; l: number; a: number }>(sql`
      SELECT (SELECT count(*)::int FROM organisations) AS o, (SELECT count(*)::int FROM people) AS p,
             (SELECT count(*)::int FROM laboratories) AS l, (SELECT count(*)::int FROM person_affiliations) AS a`);
    expect(r.rows[0]).toMatchObject({ o: 450, p: 4500, l: 60 });
    expect(r.rows[0].a).toBeGreaterThan(4500);
  });
});
