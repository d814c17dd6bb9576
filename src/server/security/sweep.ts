// Shared by the security suites: the registered routes of the real app, the expected answer of a route's policy for
// an actor (derived from the policy functions themselves), URLs with path parameters filled in, and one signed-in
// client per role. Routes are discovered from app.routeList, so modules added later are swept too.
import crypto from "node:crypto";
import type { z } from "zod";
import type { App, RouteInfo } from "../app.js";
import type { Actor } from "../platform/context.js";
import { ROLES, type Role } from "../../common/roles.js";
import { Client, type TestApp } from "../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser, TEST_PASSWORD } from "../testing/factories.js";

export const API = "/api/v1";

export const apiRoutes = (app: App): RouteInfo[] => app.routeList.filter((r) => r.url.startsWith(API + "/"));
export const isPublic = (r: RouteInfo) => r.config.auth === "public";
export const label = (r: RouteInfo) => `${r.method} ${r.url}`;
export const hasBody = (r: RouteInfo) => !["GET", "HEAD", "DELETE", "OPTIONS"].includes(r.method);

/** The policy ability a route names, and whether the policy defines it (general or per record). */
export function routeAbility(r: RouteInfo): { resource: string; ability: string; general: boolean; record: boolean } | null {
  const p = r.config.policy;
  if (!p) return null;
  return {
    resource: p.of.resource,
    ability: p.ability,
    general: Object.hasOwn(p.of.general, p.ability) && typeof p.of.general[p.ability] === "function",
    record: Object.hasOwn(p.of.record, p.ability) && typeof (p.of.record as Record<string, unknown>)[p.ability] === "function",
  };
}

/**
 * What the route's record-independent (general) ability says about the actor: true or false, or undefined when the
 * route names a record ability only (the service decides per record).
 */
export function generalAllows(r: RouteInfo, actor: Actor): boolean | undefined {
  const p = r.config.policy;
  if (!p) return false;
  const fn = Object.hasOwn(p.of.general, p.ability) ? p.of.general[p.ability] : undefined;
  return fn ? fn(actor) : undefined;
}

export const paramNames = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);

type AnyZod = z.ZodType & { _zod: { def: Record<string, unknown> } };

/** Peels optional/default/nullable/pipe wrappers off a zod schema. */
export function unwrap(s: unknown): AnyZod | undefined {
  let cur = s as AnyZod | undefined;
  for (let i = 0; cur && i < 10; i++) {
    const def = cur._zod?.def;
    if (!def) return cur;
    if (["optional", "default", "nullable", "prefault", "catch", "readonly", "nonoptional"].includes(def.type as string)) {
      cur = def.innerType as AnyZod;
    } else if (def.type === "pipe") {
      cur = def.in as AnyZod;
    } else return cur;
  }
  return cur;
}

/** The fields of an object schema (params, querystring, body), or null when it is not an object. */
export function shapeOf(s: unknown): Record<string, AnyZod> | null {
  const u = unwrap(s);
  return u && u._zod?.def?.type === "object" ? ((u._zod.def.shape as Record<string, AnyZod>) ?? null) : null;
}

/** Values a path parameter's schema accepts: a fresh uuid, or each option of an enum. */
export function validParamValues(r: RouteInfo, name: string): string[] {
  const s = shapeOf(r.schema?.params)?.[name];
  if (!s) return [crypto.randomUUID()];
  const u = unwrap(s);
  const entries = u?._zod.def.entries as Record<string, string> | undefined;
  const candidates = [crypto.randomUUID(), ...(entries ? Object.values(entries) : []), "1", "x"];
  const ok = candidates.filter((c) => s.safeParse(c).success);
  return ok.length ? ok : [crypto.randomUUID()];
}

/** The route's URL with every path parameter filled with a valid value (or the given one). */
export function concreteUrl(r: RouteInfo, values: Record<string, string> = {}): string {
  return r.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? validParamValues(r, name)[0]));
}

export interface RoleUser {
  role: Role;
  username: string;
  client: Client;
  actor: Actor;
}

let ipSeq = 0;
/** A distinct client address per client, so per-IP sign-in limits of one test never meet another's. */
export const nextIp = () => {
  ipSeq++;
  return `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
};

/** Creates one account per role (org_rep/enterprise linked to an organisation, pi/expert to a person) and signs each in. */
export async function signInEveryRole(t: TestApp, tag = crypto.randomBytes(3).toString("hex")): Promise<Record<Role, RoleUser>> {
  const org = await buildOrganisation(t.database.db);
  const out = {} as Record<Role, RoleUser>;
  for (const role of ROLES) {
    const person = ["pi", "expert", "officer"].includes(role) ? await buildPerson(t.database.db) : null;
    const username = `${role}_${tag}`;
    await buildUser(t.database.db, {
      username,
      roles: [role],
      personId: person?.id ?? null,
      organisationId: ["org_rep", "enterprise"].includes(role) ? org.id : null,
    });
    const client = new Client(t, nextIp());
    const r = await client.login(username, TEST_PASSWORD);
    out[role] = { role, username, client, actor: actorOf(r.body) };
  }
  return out;
}

export function actorOf(me: { id: string; username: string; roles: Role[]; personId: string | null; organisationId: string | null }): Actor {
  return { userId: me.id, username: me.username, roles: me.roles, personId: me.personId, organisationId: me.organisationId, sessionId: "" };
}

/**
 * Signs the client in again when a swept route (logout…) ended its session: from a fresh address, and past the
 * per-account sign-in limit by moving the test clock to the next minute when it bites.
 */
export async function keepSignedIn(u: RoleUser, t?: TestApp) {
  if (u.client.cookie) return;
  u.client.ip = nextIp();
  const r = await u.client.post("/api/v1/auth/login", { username: u.username, password: TEST_PASSWORD });
  if (r.status === 429 && t) {
    t.clock.advance(61_000);
    await u.client.login(u.username, TEST_PASSWORD);
  } else if (r.status !== 200) throw new Error(`sign-in again as ${u.username}: ${r.status}`);
}

/** The error shape every failure answers with. */
export function isErrorBody(body: unknown): body is { error: { code: string; message: string; details: unknown } } {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return !!e && typeof e.code === "string" && e.code.length > 0 && typeof e.message === "string" && e.message.trim().length > 0;
}

/** A multipart/form-data body with one file field, as a browser sends an upload. */
export function multipartBody(field: string, filename: string, content: Buffer, contentType: string) {
  const boundary = "----khcn" + crypto.randomBytes(8).toString("hex");
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
