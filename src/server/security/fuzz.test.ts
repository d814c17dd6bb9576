// Bad input never gives a 500 (SECURITY.md 26). Every route, as a signed-in administrator (so requests get past
// sign-in and role checks to the validation and the service), is sent generated input derived from its own schemas:
//   invalid params / query / bodies (wrong types, nulls, arrays for objects, extra or missing fields, huge strings,
//   unicode, invalid uuids), malformed JSON and wrong content types → 4xx with {error:{code,message}}, the message
//   non-empty and localised in Vietnamese and English;
//   schema-shaped input (NUL characters, impossible dates, out-of-range numbers, SQL/LIKE metacharacters…) → never 5xx.
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import type { RouteInfo } from "../app.js";
import { createTestApp } from "../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser, TEST_PASSWORD } from "../testing/factories.js";
import { Client } from "../testing/harness.js";
import { asQuery, conform, invalid, junk, malformedJson, nastyStrings, nearValid, queryString, sampleValid } from "./arbitraries.js";
import {
  API,
  actorOf,
  apiRoutes,
  concreteUrl,
  hasBody,
  isErrorBody,
  keepSignedIn,
  label,
  nextIp,
  paramNames,
  shapeOf,
  validParamValues,
  type RoleUser,
} from "./sweep.js";

const RUNS = 25;
const NEAR_RUNS = 15;

const t = await createTestApp();
afterAll(async () => t.close());
await buildUser(t.database.db, { username: "fuzz_admin", roles: ["admin"] });
const client = new Client(t, nextIp());
const admin: RoleUser = { role: "admin", username: "fuzz_admin", client, actor: actorOf((await client.login("fuzz_admin", TEST_PASSWORD)).body) };

// Records to aim at, so generated input reaches the services and the database, not only "404 not found".
for (let i = 0; i < 3; i++) {
  const org = await buildOrganisation(t.database.db);
  const person = await buildPerson(t.database.db, { primaryOrganisationId: org.id });
  await buildUser(t.database.db, { roles: ["pi"], personId: person.id, organisationId: org.id });
}
const routeExists = (method: string, url: string) => apiRoutes(t.app).some((r) => r.method === method && r.url === url);
if (routeExists("POST", `${API}/me/deletion-requests`)) {
  const person = await buildPerson(t.database.db);
  await buildUser(t.database.db, { username: "fuzz_pi", roles: ["pi"], personId: person.id });
  const pi = new Client(t, nextIp());
  await pi.login("fuzz_pi", TEST_PASSWORD);
  await pi.post(`${API}/me/deletion-requests`, { reason: "fuzz" });
}

/** The id of a real record for a `/:id` route (from its collection list), never the fuzzing administrator's own. */
async function realId(url: string): Promise<string | null> {
  const at = url.indexOf("/:id");
  if (at < 0) return null;
  const collection = url.slice(0, at);
  if (!routeExists("GET", collection)) return null;
  await keepSignedIn(admin, t);
  const res = await client.get(collection);
  const items: unknown[] = Array.isArray(res.body?.items) ? res.body.items : Array.isArray(res.body) ? res.body : [];
  const ids = items.map((i) => (i as { id?: unknown }).id).filter((id): id is string => typeof id === "string" && id !== admin.actor.userId);
  return ids[0] ?? null;
}

/**
 * A body the route accepts, built from a real record read back (so every field is valid and the version current):
 * the detail of the same id, or for a creation route the detail of any record of the collection.
 */
async function validBodyFromRecord(r: RouteInfo, id: string | null): Promise<Record<string, unknown> | null> {
  const body = schemasOf(r).body;
  if (!body) return null;
  let detail: string | null = null;
  if (id) detail = `${r.url.slice(0, r.url.indexOf("/:id"))}/${id}`;
  else if (r.method === "POST" && routeExists("GET", `${r.url}/:id`)) {
    const anyId = await realId(`${r.url}/:id`);
    if (anyId) detail = `${r.url}/${anyId}`;
  }
  if (detail && !routeExists("GET", detail.replace(/\/[^/]+$/, "/:id"))) detail = null;
  await keepSignedIn(admin, t);
  const record = detail ? (await client.get(detail)).body : undefined;
  const sample = sampleValid(body)?.value as Record<string, unknown> | undefined;
  const fromRecord = record ? (conform(record, body) as Record<string, unknown>) : undefined;
  const candidates = [fromRecord && sample ? { ...sample, ...fromRecord } : undefined, fromRecord, sample];
  return (candidates.find((c) => c && typeof c === "object" && body.safeParse(c).success) as Record<string, unknown>) ?? null;
}

type Schemas = { params?: z.ZodType; querystring?: z.ZodType; body?: z.ZodType };
const schemasOf = (r: RouteInfo) => (r.schema ?? {}) as Schemas;

interface Sent {
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: unknown;
  raw?: { payload: Buffer; contentType: string };
}

async function send(r: RouteInfo, s: Sent, lang: "vi" | "en" = "vi") {
  await keepSignedIn(admin, t);
  const url = concreteUrl(r, s.params) + (s.query ? queryString(s.query) : "");
  const headers: Record<string, string> = { "accept-language": lang };
  if (s.raw) return client.request(r.method, url, s.raw.payload, { ...headers, "content-type": s.raw.contentType });
  return client.request(r.method, url, hasBody(r) ? (s.body === undefined ? {} : s.body) : undefined, headers);
}

const show = (res: { status: number; body: unknown }) => `${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;

/** Invalid input: 4xx, the error shape, a message in each language. */
async function expectRefused(r: RouteInfo, s: Sent) {
  const vi = await send(r, s, "vi");
  const en = await send(r, s, "en");
  for (const res of [vi, en]) {
    if (res.status < 400 || res.status >= 500) throw new Error(`expected 4xx, got ${show(res)}`);
    if (!isErrorBody(res.body)) throw new Error(`no {error:{code,message}} body: ${show(res)}`);
  }
  if (vi.body.error.code === en.body.error.code && vi.body.error.message === en.body.error.message) {
    throw new Error(`message not localised: "${vi.body.error.message}"`);
  }
}

/** Input shaped like the schema: anything but a server error; failures carry the error shape. */
async function expectNoServerError(r: RouteInfo, s: Sent) {
  const res = await send(r, s);
  if (res.status >= 500) throw new Error(`server error: ${show(res)}`);
  if (res.status >= 400 && !isErrorBody(res.body)) throw new Error(`no {error:{code,message}} body: ${show(res)}`);
}

const prop = <T>(arb: fc.Arbitrary<T>, check: (v: T) => Promise<void>, numRuns = RUNS) =>
  fc.assert(fc.asyncProperty(arb, check), { numRuns, endOnFailure: false, interruptAfterTimeLimit: 60_000 });

/** A strings-only stand-in for a path parameter. */
const paramString = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
  fc.constantFrom(...nastyStrings.filter((s) => s.trim())),
  fc.uuid().map((u) => u.toUpperCase() + "0"),
  fc.uuid().map((u) => u.replace(/-/g, "")),
  fc.constant("Ư".repeat(5000)),
  fc.integer().map(String),
);

describe("every route declares schemas for what it reads", () => {
  it("a route with path parameters validates them", () => {
    const missing = apiRoutes(t.app).filter((r) => paramNames(r.url).length && !schemasOf(r).params);
    expect(missing.map(label)).toEqual([]);
  });
});

describe("fuzz: invalid input answers 4xx with a message in vi and en; nothing answers 5xx", () => {
  for (const r of apiRoutes(t.app)) {
    const sc = schemasOf(r);
    it(label(r), { timeout: 180_000 }, async () => {
      const validParams = () => Object.fromEntries(paramNames(r.url).map((n) => [n, validParamValues(r, n)[0]]));

      // Path parameters the schema refuses.
      const paramShape = shapeOf(sc.params);
      for (const name of paramNames(r.url)) {
        const schema = paramShape?.[name];
        if (!schema) continue;
        await prop(
          paramString.filter((v) => !schema.safeParse(v).success),
          (v) => expectRefused(r, { params: { ...validParams(), [name]: v } }),
        );
      }

      // Query strings the schema refuses, and schema-shaped ones.
      if (sc.querystring) {
        const qs = sc.querystring;
        await prop(
          invalid(qs)
            .map(asQuery)
            .filter((q): q is Record<string, string | string[]> => q !== null && !qs.safeParse(q).success),
          (q) => expectRefused(r, { params: validParams(), query: q }),
        );
        await prop(
          nearValid(qs)
            .map(asQuery)
            .filter((q): q is Record<string, string | string[]> => q !== null),
          (q) => expectNoServerError(r, { params: validParams(), query: q }),
          NEAR_RUNS,
        );
      }

      if (hasBody(r) && sc.body) {
        const body = sc.body;
        // JSON bodies the schema refuses (wrong types, nulls, arrays for objects, extra or missing fields…).
        await prop(
          invalid(body).filter((b) => b !== undefined),
          (b) => expectRefused(r, { params: validParams(), body: b }),
        );
        // Not JSON at all, or not a content type the API reads.
        await prop(malformedJson, (text) => expectRefused(r, { params: validParams(), raw: { payload: Buffer.from(text), contentType: "application/json" } }));
        await prop(
          fc.string({ minLength: 1, maxLength: 50 }),
          (text) => expectRefused(r, { params: validParams(), raw: { payload: Buffer.from(text), contentType: "text/plain" } }),
          5,
        );
        // Schema-shaped bodies: accepted or refused, never a server error.
        await prop(nearValid(body), (b) => expectNoServerError(r, { params: validParams(), body: b }), NEAR_RUNS);
      } else if (hasBody(r)) {
        // No JSON schema (uploads, commands without a body): whatever arrives, no server error.
        await prop(
          fc.oneof(
            junk.map((j) => ({ body: j })),
            malformedJson.map((text) => ({ raw: { payload: Buffer.from(text), contentType: "application/json" } })),
            fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({
              raw: { payload: Buffer.from(bytes), contentType: "multipart/form-data; boundary=----fuzz" },
            })),
            fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => {
              const b = "----fuzz" + bytes.length;
              const head = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="f.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
              return {
                raw: {
                  payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${b}--\r\n`)]),
                  contentType: `multipart/form-data; boundary=${b}`,
                },
              };
            }),
          ),
          (s: Sent) => expectNoServerError(r, { params: validParams(), ...s }),
          NEAR_RUNS,
        );
      }

      // A real record's valid body with one field replaced by a schema-shaped value (an impossible date, a NUL,
      // a number past the column's range…): reaches the service and the database; never a server error.
      const id = await realId(r.url);
      const shape = shapeOf(sc.body);
      if (hasBody(r) && shape && Object.keys(shape).length && (await validBodyFromRecord(r, id))) {
        const params = id ? { ...validParams(), id } : validParams();
        await prop(
          fc.constantFrom(...Object.keys(shape)).chain((key) => nearValid(shape[key]).map((value) => [key, value] as const)),
          async ([key, value]) => {
            const base = await validBodyFromRecord(r, id); // read again: the version moves when a write succeeds
            await expectNoServerError(r, { params, body: { ...base, [key]: value } });
          },
          NEAR_RUNS,
        );
      }

      // Schema-shaped path parameters (random ids, each enum value): never a server error.
      if (paramShape) {
        await prop(
          nearValid(sc.params!).filter((p): p is Record<string, string> => !!p && typeof p === "object"),
          (p) => expectNoServerError(r, { params: Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)])) }),
          5,
        );
      }
    });
  }
});
