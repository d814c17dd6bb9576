// The service-level ("medium") test layer: a request context for an actor over the test app's database, clock and
// configuration, as the app builds `req.ctx` (app.ts) for a signed-in request — so a test calls a service function
// directly, without HTTP. The route's general ability check (the onRequest hook) is not run: a test of who may call
// a route at all belongs to the HTTP tests and the route sweeps; the record checks inside the service (404 unseen,
// 403, 409 INVALID_STATE / LOCKED / VERSION_CONFLICT) run as they do for a request.
import crypto from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { auditLog, type users } from "../db/schema/index.js";
import { AppError } from "../platform/errors.js";
import type { Actor, Ctx } from "../platform/context.js";
import type { Lang } from "../platform/messages.js";
import type { Role } from "../../common/roles.js";
import { buildOrganisation, buildPerson, buildUser } from "./factories.js";
import type { TestApp } from "./harness.js";

type UserRow = typeof users.$inferSelect;

/** The context of a request by `user` (lang vi unless said), with the test app's clock, configuration and database. */
export function ctxOf(t: TestApp, user: Pick<UserRow, "id" | "username" | "roles" | "personId" | "organisationId">, lang: Lang = "vi"): Ctx {
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    roles: user.roles as Role[],
    personId: user.personId,
    organisationId: user.organisationId,
    sessionId: crypto.randomUUID(),
  };
  return { actor, lang, ip: "127.0.0.1", correlationId: `test-${crypto.randomBytes(4).toString("hex")}`, clock: t.clock, config: t.config, db: t.database.db };
}

/** The same request in the other language (messages of errors, labels of states). */
export const inLang = (ctx: Ctx, lang: Lang): Ctx => ({ ...ctx, lang });

/** A context without a signed-in user (what a public route's service sees). */
export const anonymousCtx = (t: TestApp, lang: Lang = "vi"): Ctx => ({
  ...ctxOf(t, { id: "", username: "", roles: [], personId: null, organisationId: null }, lang),
  actor: null,
});

export interface TestActor {
  user: UserRow;
  ctx: Ctx;
  userId: string;
  personId: string | null;
  organisationId: string | null;
}

/**
 * A user with the given roles and the context of their requests. Like the HTTP fixtures' actors, the user is a person
 * of the people registry and belongs to an organisation of their own unless said: `person: false` for none (or a
 * person's id), `organisationId: null` for none (or an organisation's id).
 */
export async function actorFor(
  t: TestApp,
  roles: Role[],
  o: { person?: boolean | string; organisationId?: string | null; lang?: Lang } & Omit<
    Parameters<typeof buildUser>[1],
    "personId" | "organisationId" | "roles"
  > = {},
): Promise<TestActor> {
  const { person, organisationId: org, lang, ...over } = o;
  const db = t.database.db;
  const personId = typeof person === "string" ? person : person === false ? null : (await buildPerson(db)).id;
  const organisationId = org === undefined ? (await buildOrganisation(db)).id : org;
  const user = await buildUser(db, { username: `${roles[0] ?? "user"}_${crypto.randomBytes(3).toString("hex")}`, ...over, roles, personId, organisationId });
  return { user, ctx: ctxOf(t, user, lang), userId: user.id, personId, organisationId };
}

/**
 * The refusal a service call ends with: the AppError it throws, for the test to check its code, status and details.
 * Fails the test when the call succeeds or throws anything else.
 */
export async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the call to be refused, and it succeeded");
}

/** The audit rows of a record (by entity id), oldest first; only those of `action` when given. */
export function auditRows(t: TestApp, entityId: string, action?: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)) : eq(auditLog.entityId, entityId))
    .orderBy(asc(auditLog.id));
}
