import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyReply } from "fastify";
import type { RouteInfo } from "../../app.js";
import { eq } from "drizzle-orm";
import type { Role } from "../../../common/roles.js";
import { changePasswordInput, loginInput, me, type Me } from "../../../common/api/auth.js";
import { generalAbilities, policiesOfRoutes } from "../policies.js";
import { people, users } from "../../db/schema/index.js";
import type { Executor } from "../../platform/context.js";
import { cookieOptions, sessionCookieName } from "../../platform/auth/sessions.js";
import type { Config } from "../../config.js";
import { beginTotpSetup, changePassword, login, logout, logoutEverywhere, needsTotp, verifySecondFactor } from "./auth.service.js";
import { authPolicy } from "./auth.policy.js";
import { policyGuard } from "../../platform/policy.js";

type UserRow = typeof users.$inferSelect;

/** The signed-in user as GET /auth/me and sign-in answer it: the account, the linked person's name, abilities. */
async function presentMe(routes: readonly RouteInfo[], db: Executor, u: UserRow, mfa: Me["mfa"]): Promise<Me> {
  const [person] = u.personId ? await db.select({ fullName: people.fullName }).from(people).where(eq(people.id, u.personId)) : [];
  const actor = { userId: u.id, username: u.username, roles: u.roles as Role[], personId: u.personId, organisationId: u.organisationId, sessionId: "" };
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    fullName: person?.fullName ?? null,
    roles: actor.roles,
    personId: u.personId,
    organisationId: u.organisationId,
    mfa,
    totpEnabled: u.totpEnabled,
    can: generalAbilities(actor, policiesOfRoutes(routes)),
  };
}

const setCookie = (reply: FastifyReply, config: Config, token: string) => reply.setCookie(sessionCookieName(config), token, cookieOptions(config));

const self = policyGuard(authPolicy, "self");

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = app.deps.config;

  app.post(
    "/auth/login",
    {
      config: { auth: "public" },
      schema: {
        tags: ["auth"],
        summary: "Sign in; sets the session cookie. mfa tells whether a second factor is still needed.",
        body: loginInput,
        response: { 200: me },
      },
    },
    async (req, reply) => {
      const r = await login(req.ctx, { ...req.body, userAgent: req.headers["user-agent"] ?? null });
      setCookie(reply, config, r.token);
      return presentMe(app.routeList, req.ctx.db, r.user, r.mfa);
    },
  );

  app.post("/auth/logout", { config: { auth: "public" }, schema: { tags: ["auth"], summary: "Sign out", response: { 204: z.null() } } }, async (req, reply) => {
    await logout(req.ctx);
    reply.clearCookie(sessionCookieName(config), cookieOptions(config));
    return reply.status(204).send(null);
  });

  app.post(
    "/auth/logout-all",
    {
      config: self,
      schema: {
        tags: ["auth"],
        summary: "Sign out everywhere: ends every session of the signed-in user, in all browsers and devices",
        body: z.object({}).strict().optional(),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await logoutEverywhere(req.ctx);
      reply.clearCookie(sessionCookieName(config), cookieOptions(config));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/auth/me",
    {
      config: { ...self, allowMfaPending: true },
      schema: { tags: ["auth"], summary: "The signed-in user", response: { 200: me } },
    },
    async (req) => {
      const [u] = await req.ctx.db.select().from(users).where(eq(users.id, req.ctx.actor!.userId));
      return presentMe(app.routeList, req.ctx.db, u, req.mfaPending ? (u.totpEnabled ? "verify" : "setup") : "none");
    },
  );

  app.post(
    "/auth/totp/setup",
    {
      config: { ...self, allowMfaPending: true },
      schema: {
        tags: ["auth"],
        summary: "Start enrolling an authenticator app",
        body: z.object({}).strict().optional(),
        response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
      },
    },
    async (req) => beginTotpSetup(req.ctx, req.mfaPending),
  );

  app.post(
    "/auth/totp/verify",
    {
      config: { ...self, allowMfaPending: true },
      schema: {
        tags: ["auth"],
        summary: "Give a code from the authenticator app (completes sign-in or enrolment)",
        body: z.object({ code: z.string().regex(/^\d{6}$/) }).strict(),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      const r = await verifySecondFactor(req.ctx, req.body.code, req.headers["user-agent"] ?? null);
      setCookie(reply, config, r.token);
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/password",
    {
      config: self,
      schema: {
        tags: ["auth"],
        summary: "Change own password",
        body: changePasswordInput,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await changePassword(req.ctx, req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/auth/totp/required",
    {
      config: { ...self, allowMfaPending: true },
      schema: { tags: ["auth"], summary: "Whether the signed-in user's roles require a second factor", response: { 200: z.object({ required: z.boolean() }) } },
    },
    async (req) => ({ required: needsTotp(req.ctx, req.ctx.actor!.roles) }),
  );
};
