// Builds the Fastify application from its plugins. main.ts and the tests build the same app.
import crypto from "node:crypto";
import Fastify, {
  type FastifyContextConfig,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifySchema,
} from "fastify";
import cookie from "@fastify/cookie";
import helmet from "helmet";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { z } from "zod";
import { issueMessage } from "../common/validation-messages.js";
import { serializerCompiler, jsonSchemaTransform, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { FastifySchemaCompiler } from "fastify";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { webDistDir } from "./paths.js";
import { AccessDenied, AppError } from "./platform/errors.js";
import { pickLang, t, type Lang, type MessageKey } from "./platform/messages.js";
import { systemClock, type Clock } from "./platform/clock.js";
import { loggerOptions, type LogDestination } from "./platform/logging.js";
import type { Actor, Ctx } from "./platform/context.js";
import type { Policy } from "./platform/policy.js";
import { loadSession, sessionCookieName } from "./platform/auth/sessions.js";
import { audit } from "./platform/audit.js";
import { multipartRequestSchema, type MultipartDoc } from "./platform/uploads.js";
import { registerCompression, registerWebApp } from "./platform/web-app.js";
import { registerModules, registerPublicAliases } from "./modules/index.js";
import { policiesOfRoutes } from "./modules/policies.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** "public": no sign-in needed. Any other route needs a session and a policy (default deny). */
    auth?: "public" | "user";
    /** The policy and ability that guard the route; record abilities are checked again in the service. */
    policy?: { of: Policy<never>; ability: string };
    /** Sign-in steps reachable before the second factor is given. */
    allowMfaPending?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
    mfaPending: boolean;
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  migration: string;
  /** Log lines go here instead of standard output (tests read the log). */
  logDestination?: LogDestination;
  /** The built web app to serve (default dist/web; tests give their own). */
  webDir?: string;
}

export type App = FastifyInstance;

/** A registered route as the security suites see it (collected by an onRoute hook, in registration order). */
export interface RouteInfo {
  method: string;
  url: string;
  config: FastifyContextConfig;
  schema?: FastifySchema;
}

const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const r = schema.safeParse(data, { reportInput: true });
    if (!r.success) return { error: Object.assign(new Error("validation"), { zodIssues: r.error.issues }) };
    // PostgreSQL text and jsonb cannot hold U+0000: refuse it here (400) instead of failing in the database (500).
    const nulAt = pathOfNul(r.data);
    if (nulAt) {
      const issue = { code: "custom", path: nulAt, message: "NUL character", params: { messageKey: "input.nul_character" } };
      return { error: Object.assign(new Error("validation"), { zodIssues: [issue] }) };
    }
    return { value: r.data };
  };

/** Path of the first string (value or key) containing U+0000 in parsed input, or null. Iterative: no recursion limit. */
function pathOfNul(data: unknown): PropertyKey[] | null {
  type Node = { value: unknown; key?: PropertyKey; parent?: Node };
  const pathOf = (n: Node | undefined): PropertyKey[] => (n?.parent ? [...pathOf(n.parent), n.key!] : []);
  const stack: Node[] = [{ value: data }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === "string") {
      if (v.includes("\u0000")) return pathOf(node);
    } else if (Array.isArray(v)) {
      v.forEach((value, key) => stack.push({ value, key, parent: node }));
    } else if (v !== null && typeof v === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      for (const [key, value] of Object.entries(v)) {
        if (key.includes("\u0000")) return [...pathOf(node), key];
        stack.push({ value, key, parent: node });
      }
    }
  }
  return null;
}

function localiseIssue(lang: Lang, issue: z.core.$ZodIssue): string {
  const messageKey = issue.code === "custom" ? (issue.params as { messageKey?: MessageKey } | undefined)?.messageKey : undefined;
  if (messageKey) return t(lang, messageKey);
  return issueMessage(issue, lang);
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: loggerOptions(config, deps.logDestination),
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: config.uploadMaxBytes + 1024 * 1024,
    ajv: undefined,
    // Errors the router raises before any hook runs (a malformed URL, a path parameter over the length limit): the
    // same error shape and language as every other error, without echoing the URL back.
    frameworkErrors: (err, req, reply) => {
      const lang = pickLang(req.headers["accept-language"]);
      const tooLong = err.code === "FST_ERR_MAX_PARAM_LENGTH";
      void (reply as FastifyReply)
        .status(tooLong ? 414 : 400)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .send({ error: { code: tooLong ? "URI_TOO_LONG" : "BAD_URL", message: t(lang, tooLong ? "error.uri_too_long" : "error.bad_request"), details: null } });
    },
  }).withTypeProvider<ZodTypeProvider>();

  // Every route, as registered: security/routes.test.ts and the other sweeps read this list (default deny, fuzzing).
  const routeList: RouteInfo[] = [];
  app.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) {
      if (method !== "HEAD") routeList.push({ method, url: r.url, config: (r.config ?? {}) as FastifyContextConfig, schema: r.schema });
    }
  });
  app.decorate("routeList", routeList);
  // The policies of the mounted routes make the abilities in GET /auth/me; collecting them once at start-up makes an
  // app whose routes name two different policies under one resource name fail to start.
  app.addHook("onReady", async () => {
    policiesOfRoutes(routeList);
  });

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("deps", { ...deps, clock });

  await app.register(cookie);
  // Security headers (helmet), built once: @fastify/helmet would build helmet's middleware again on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", (req, reply, done) => securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)));
  // Text answers compressed when the client accepts it (platform/web-app.ts); added before any route so it reaches all.
  registerCompression(app);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "KHCN API", version: "1.0.0", description: "Science, technology and innovation management platform" },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: sessionCookieName(config) } } },
    },
    // zod schemas → JSON schema; a multipart route's `schema.multipart` → its multipart/form-data request body
    // (platform/uploads.ts), with the configured size limit.
    transform: (doc) => {
      const out = jsonSchemaTransform(doc);
      const multipart = (doc.schema as { multipart?: MultipartDoc } | undefined)?.multipart;
      const schema = out.schema as Record<string, unknown>;
      if (multipart && !schema.hide) {
        delete schema.multipart;
        schema.body = multipartRequestSchema(multipart, config.uploadMaxBytes);
        schema.consumes = ["multipart/form-data"];
      }
      return out;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    // The docs page gets the same strict policy as the rest of the app (no third-party validator badge).
    staticCSP:
      "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; img-src 'self' data:; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:",
    uiConfig: { validatorUrl: null },
  });

  // ─── Request context ───
  app.addHook("onRequest", async (req, reply) => {
    req.ctx = {
      actor: null,
      lang: pickLang(req.headers["accept-language"]),
      ip: req.ip ?? null,
      correlationId: req.id,
      clock,
      config,
      db: database.db,
    };
    req.mfaPending = false;
    reply.header("x-correlation-id", req.id);
  });

  // ─── Cross-site request refusal, sign-in and default deny for API routes ───
  // Runs on request, before the body is read or validated: a cross-site, anonymous or unauthorised caller is refused
  // (403/401/403) whatever they send, and never makes the server parse their payload.
  app.addHook("onRequest", async (req, reply) => {
    if (!req.url.startsWith("/api/")) return;
    reply.header("cache-control", "no-store");
    if (!req.url.startsWith("/api/v1")) return;
    if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) refuseCrossSite(req, config);
    const rc = req.routeOptions.config;
    const token = req.cookies[sessionCookieName(config)];
    if (token) {
      const s = await loadSession(database.db, config, token, clock.now());
      if (s) {
        req.ctx.actor = s.actor;
        req.mfaPending = s.mfaPending;
      }
    }
    if (rc.auth === "public" || req.is404) return; // no such route: the not-found handler answers 404
    const actor = req.ctx.actor;
    if (!actor) throw new AppError("UNAUTHENTICATED", 401, "error.unauthenticated");
    if (req.mfaPending && !rc.allowMfaPending) throw new AppError("MFA_REQUIRED", 401, "auth.totp_required");
    // Default deny: no policy, or an ability the policy does not define (a typo), refuses everyone.
    if (!rc.policy) throw new AppError("FORBIDDEN", 403, "error.forbidden");
    const { of: policy, ability } = rc.policy;
    const general = Object.hasOwn(policy.general, ability) ? policy.general[ability] : undefined;
    if (!general && !Object.hasOwn(policy.record, ability)) throw new AppError("FORBIDDEN", 403, "error.forbidden");
    if (general && !general(actor)) throw new AppError("FORBIDDEN", 403, "error.forbidden");
  });

  // ─── Errors: one shape, the caller's language, no internals ───
  app.setErrorHandler(async (err: FastifyError & { zodIssues?: z.core.$ZodIssue[] }, req, reply) => {
    const lang = req.ctx?.lang ?? "vi";
    const validation = err.zodIssues ?? (err.validation as unknown as { zodIssues?: z.core.$ZodIssue[] } | undefined)?.zodIssues;
    const cause = (err as { cause?: { zodIssues?: z.core.$ZodIssue[] } }).cause;
    const issues = validation ?? cause?.zodIssues ?? (err.validation?.[0] as { zodIssues?: z.core.$ZodIssue[] } | undefined)?.zodIssues;
    if (issues) {
      return reply.status(400).send({
        error: {
          code: "VALIDATION_FAILED",
          message: t(lang, "error.validation"),
          details: issues.map((i) => ({
            path: [err.validationContext, ...i.path]
              .filter((p) => p !== undefined)
              .map(String)
              .join("."),
            code: i.code,
            message: localiseIssue(lang, i),
          })),
        },
      });
    }
    if (err instanceof AppError) {
      if (err instanceof AccessDenied || err.status === 403) await auditDenied(req, err.status);
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      return reply.status(err.status).send({
        error: { code: err.code, message: t(lang, err.messageKey, err.params), details: err.details ?? null },
      });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const key =
        status === 413 ? "error.payload_too_large" : status === 415 ? "error.unsupported_media" : status === 404 ? "error.not_found" : "error.bad_request";
      const code = status === 413 ? "PAYLOAD_TOO_LARGE" : (err.code ?? "BAD_REQUEST");
      if (status === 413) reply.header("connection", "close"); // the rest of an oversize body is not read
      return reply.status(status).send({ error: { code, message: t(lang, key), details: null } });
    }
    // Database errors arrive wrapped by Drizzle (DrizzleQueryError, the driver's error as `cause`).
    const dbError = databaseError(err);
    const refused = dbError ? refusedValue(dbError) : null;
    if (refused) {
      req.log.warn({ correlationId: req.id, db: { code: dbError!.code, constraint: dbError!.constraint } }, "database refused a value");
      const message = refused.status === 409 && refused.code === "DUPLICATE" ? t(lang, "error.duplicate", { field: "" }) : t(lang, refused.key);
      return reply.status(refused.status).send({ error: { code: refused.code, message, details: null } });
    }
    // The log gets the database's own error (code, message), never Drizzle's text with the query parameters.
    req.log.error({ err: dbError ?? err, correlationId: req.id }, "unhandled error");
    return reply.status(500).send({
      error: { code: "INTERNAL", message: t(lang, "error.internal", { correlationId: req.id }), details: { correlationId: req.id } },
    });
  });

  async function auditDenied(req: FastifyRequest, status: number) {
    const actor: Actor | null = req.ctx?.actor ?? null;
    if (!actor) return;
    try {
      await database.db.transaction(async (tx) =>
        audit(tx, req.ctx, {
          action: "access.denied",
          outcome: "denied",
          details: { method: req.method, route: req.routeOptions.url ?? null, status },
        }),
      );
    } catch (e) {
      req.log.error({ err: e }, "could not audit a denied access");
    }
  }

  // ─── Health, security.txt, API docs ───
  app.get(
    "/api/health",
    {
      config: { auth: "public" },
      schema: {
        tags: ["platform"],
        response: {
          200: z.object({ status: z.literal("ok"), database: z.enum(["embedded", "server"]), migration: z.string() }),
        },
      },
    },
    async () => ({ status: "ok" as const, database: database.mode, migration: deps.migration }),
  );
  app.get("/api/openapi.json", { config: { auth: "public" }, schema: { hide: true } }, async () => app.swagger());
  app.get("/.well-known/security.txt", { config: { auth: "public" }, schema: { hide: true } }, async (_req, reply) => {
    const expires = new Date(clock.now().getTime() + 365 * 86400_000).toISOString();
    reply.type("text/plain; charset=utf-8");
    return `Contact: ${config.securityContact}\nExpires: ${expires}\nPreferred-Languages: vi, en\n`;
  });

  await app.register(registerModules, { prefix: "/api/v1" });
  // The open-data addresses of the public portal (/api/public/…): the same handlers as under /api/v1.
  await app.register(registerPublicAliases, { prefix: "/api" });

  // ─── Web app (production build, platform/web-app.ts) with client-side routes ───
  const sendIndex = await registerWebApp(app, deps.webDir ?? webDistDir);
  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith("/api/") || !sendIndex || req.method !== "GET") {
      return reply.status(404).send({
        error: { code: "ROUTE_NOT_FOUND", message: t(req.ctx?.lang ?? "vi", "error.route_not_found"), details: null },
      });
    }
    return sendIndex(req, reply.status(200));
  });

  return app;
}

interface DatabaseErrorLike {
  code: string;
  message: string;
  constraint?: string;
}

function databaseError(err: unknown): DatabaseErrorLike | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    // SQLSTATE: five characters, digits and upper-case letters.
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && "severity" in e) return e as unknown as DatabaseErrorLike;
  }
  return null;
}

/**
 * A value the database refuses because of what the caller sent — out of range, an impossible date, a reference to a
 * record that does not exist, a failed check, a duplicate — answers 4xx. Everything else stays a 500.
 */
function refusedValue(e: DatabaseErrorLike): { status: number; code: string; key: MessageKey } | null {
  if (e.code === "23505") return { status: 409, code: "DUPLICATE", key: "error.duplicate" };
  if (e.code === "23503") {
    return /^update or delete/i.test(e.message)
      ? { status: 409, code: "IN_USE", key: "error.in_use" }
      : { status: 400, code: "INVALID_REFERENCE", key: "error.invalid_reference" };
  }
  if (e.code === "23514" || e.code.startsWith("22")) return { status: 400, code: "INVALID_VALUE", key: "error.invalid_value" };
  return null;
}

function refuseCrossSite(req: FastifyRequest, config: Config) {
  const refused = () => new AppError("CROSS_SITE", 403, "error.cross_site");
  if (req.headers["sec-fetch-site"] === "cross-site") throw refused();
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw refused(); // "null" (sandboxed frames, some redirects) and garbage
  }
  // The same host as the request (a default port counts as none on both sides), the configured public address
  // (behind a proxy that rewrites Host), or an allow-listed origin.
  let requestHost: string | null = null;
  try {
    requestHost = new URL(`${url.protocol}//${req.host}`).host;
  } catch {
    requestHost = null;
  }
  let publicOrigin: string | null = null;
  try {
    publicOrigin = config.publicUrl ? new URL(config.publicUrl).origin : null;
  } catch {
    publicOrigin = null;
  }
  if (url.host === requestHost || url.origin === publicOrigin || config.corsOrigins.includes(origin)) return;
  throw refused();
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps & { clock: Clock };
    /** Every route registered on this app (see RouteInfo). */
    routeList: readonly RouteInfo[];
  }
}
