// Authorization sweep (SECURITY.md 6–7): every route × every role. Expected answers come from the policy functions
// themselves (no hand-written table that could drift): a role the route's general ability refuses gets 403; nothing
// ever answers 5xx. IDOR: another user's import, deletion request or (for non-admins) account answers 404/403 and
// carries no data.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteInfo } from "../app.js";
import { ROLES, type Role } from "../../common/roles.js";
import { Client, createTestApp, type TestApp } from "../testing/harness.js";
import { buildPerson, buildUser, TEST_PASSWORD } from "../testing/factories.js";
import { queryString, sampleValid } from "./arbitraries.js";
import {
  API,
  apiRoutes,
  concreteUrl,
  generalAllows,
  hasBody,
  isErrorBody,
  isPublic,
  keepSignedIn,
  label,
  multipartBody,
  nextIp,
  signInEveryRole,
  type RoleUser,
} from "./sweep.js";

let t: TestApp;
let users: Record<Role, RoleUser>;

beforeAll(async () => {
  t = await createTestApp();
  users = await signInEveryRole(t);
});
afterAll(async () => t?.close());

/** A request the route's schemas accept (so the answer reflects authorization, not validation), when one can be made. */
function validRequest(r: RouteInfo, params: Record<string, string> = {}) {
  const schema = r.schema as { body?: import("zod").ZodType; querystring?: import("zod").ZodType } | undefined;
  const query = schema?.querystring ? sampleValid(schema.querystring, { asQueryString: true }) : null;
  const body = schema?.body ? sampleValid(schema.body) : null;
  const url = concreteUrl(r, params) + (query ? queryString(query.value as Record<string, string>) : "");
  return { url, body: hasBody(r) ? (body ? body.value : {}) : undefined, valid: (!schema?.querystring || !!query) && (!schema?.body || !!body) };
}

describe("every route × every role", () => {
  for (const role of ROLES) {
    it(`${role}: never 5xx; refused with 403 exactly where the route's general ability says no`, async () => {
      const u = users[role];
      const problems: string[] = [];
      for (const r of apiRoutes(t.app)) {
        await keepSignedIn(u);
        const { url, body } = validRequest(r);
        const res = await u.client.request(r.method, url, body);
        const expected = isPublic(r) ? undefined : generalAllows(r, u.actor);
        if (res.status >= 500 || res.status < 200 || (res.status >= 300 && res.status < 400)) {
          problems.push(`${label(r)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
        } else if (expected === false && res.status !== 403) {
          problems.push(`${label(r)}: policy refuses ${role}, answered ${res.status}`);
        } else if (res.status === 401 && ["UNAUTHENTICATED", "MFA_REQUIRED"].includes(res.body?.error?.code)) {
          problems.push(`${label(r)}: signed-in ${role} got 401`);
        } else if (res.status >= 400 && !isErrorBody(res.body)) {
          problems.push(`${label(r)} → ${res.status} without the error shape`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it("the policy sweep is not vacuous: some route refuses each non-admin role, none refuses admin everywhere", () => {
    for (const role of ROLES) {
      const refused = apiRoutes(t.app).filter((r) => !isPublic(r) && generalAllows(r, users[role].actor) === false);
      if (role === "admin") expect(refused.length).toBeLessThan(apiRoutes(t.app).length / 2);
      else expect(refused.length, role).toBeGreaterThan(0);
    }
  });
});

// ─── IDOR: records owned by one user, asked for by id by others ───

interface Owned {
  id: string;
  /** Strings of the record that must never appear in another user's answer. */
  secrets: string[];
}

const routesOf = (resource: string) => apiRoutes(t.app).filter((r) => r.url === `${API}/${resource}/:id` || r.url.startsWith(`${API}/${resource}/:id/`));
const hasRoute = (method: string, url: string) => apiRoutes(t.app).some((r) => r.method === method && r.url === `${API}${url}`);

async function signInNew(roles: Role[], withPerson: boolean) {
  const person = withPerson ? await buildPerson(t.database.db) : null;
  const username = `owner_${crypto.randomBytes(4).toString("hex")}`;
  await buildUser(t.database.db, { username, roles, personId: person?.id ?? null });
  const client = new Client(t, nextIp());
  await client.login(username, TEST_PASSWORD);
  return client;
}

const owned: Record<string, () => Promise<Owned | null>> = {
  users: async () => {
    const secret = crypto.randomBytes(4).toString("hex");
    const u = await buildUser(t.database.db, { username: `victim_${secret}`, email: `victim.${secret}@example.vn`, roles: ["pi"] });
    return { id: u.id, secrets: [u.username, u.email!] };
  },
  "deletion-requests": async () => {
    if (!hasRoute("POST", "/me/deletion-requests")) return null;
    const owner = await signInNew(["pi"], true);
    const reason = `private reason ${crypto.randomBytes(4).toString("hex")}`;
    const r = await owner.post(`${API}/me/deletion-requests`, { reason });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { id: r.body.id, secrets: [reason, r.body.requestedByUsername].filter(Boolean) };
  },
  imports: async () => {
    const templateRoute = apiRoutes(t.app).find((r) => r.method === "GET" && r.url === `${API}/imports/templates/:kind`);
    if (!templateRoute || !hasRoute("POST", "/imports/:kind")) return null;
    const owner = await signInNew(["officer"], false);
    const kind = "people";
    const template = await owner.get(`${API}/imports/templates/${kind}`);
    expect(template.status).toBe(200);
    const filename = `secret-${crypto.randomBytes(4).toString("hex")}.xlsx`;
    const upload = multipartBody("file", filename, template.raw.rawPayload, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const r = await owner.request("POST", `${API}/imports/${kind}`, upload.body, upload.headers);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return { id: r.body.id, secrets: [filename] };
  },
};

describe("IDOR: another user's id answers 404 (403 where the role may not use the route at all) and no data", () => {
  for (const [resource, create] of Object.entries(owned)) {
    it(`/${resource}/:id…`, async (ctx) => {
      const routes = routesOf(resource);
      const record = routes.length ? await create() : null;
      if (!record) {
        ctx.skip(`no /${resource}/:id routes registered yet`);
        return;
      }
      const problems: string[] = [];
      let checked = 0;
      for (const r of routes) {
        for (const u of Object.values(users)) {
          // Whoever may list every record of this resource sees any id legitimately (staff, administrators).
          const listAll = r.config.policy?.of.general.list;
          if (listAll?.(u.actor)) continue;
          await keepSignedIn(u);
          const req = validRequest(r, { id: record.id });
          const res = await u.client.request(r.method, req.url, req.body);
          const expected = generalAllows(r, u.actor) === false ? 403 : 404;
          const text = JSON.stringify(res.body) ?? "";
          checked++;
          if (res.status !== expected && !(res.status === 400 && !req.valid)) {
            problems.push(`${label(r)} as ${u.role} → ${res.status} (expected ${expected}) ${text.slice(0, 200)}`);
          }
          if (!isErrorBody(res.body) || Object.keys(res.body).join() !== "error") problems.push(`${label(r)} as ${u.role}: not an error body`);
          for (const s of [record.id, ...record.secrets]) {
            if (text.includes(s)) problems.push(`${label(r)} as ${u.role}: answer contains "${s}"`);
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });
  }

  it("the owner still reaches their own deletion request and import (the sweep above would catch a blanket 404)", async (ctx) => {
    let checked = 0;
    if (hasRoute("GET", "/deletion-requests/:id") && hasRoute("POST", "/me/deletion-requests")) {
      const owner = await signInNew(["pi"], true);
      const r = await owner.post(`${API}/me/deletion-requests`, { reason: "mine" });
      expect((await owner.get(`${API}/deletion-requests/${r.body.id}`)).status).toBe(200);
      checked++;
    }
    if (hasRoute("GET", "/imports/:id") && hasRoute("GET", "/imports/templates/:kind")) {
      const owner = await signInNew(["officer"], false);
      const template = await owner.get(`${API}/imports/templates/people`);
      const upload = multipartBody("file", "mine.xlsx", template.raw.rawPayload, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      const r = await owner.request("POST", `${API}/imports/people`, upload.body, upload.headers);
      expect((await owner.get(`${API}/imports/${r.body.id}`)).status).toBe(200);
      checked++;
    }
    if (!checked) ctx.skip("no owned-resource routes yet");
  });
});
