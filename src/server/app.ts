// Builds the Fastify application from its plugins. main.ts and the tests build the same app.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Fastify, { type FastifyInstance, type FastifyError, type FastifyRequest } from "fastify";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fastifyStatic from "@fastify/static";
import { z } from "zod";
import { serializerCompiler, jsonSchemaTransform, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { FastifySchemaCompiler } from "fastify";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { webDistDir } from "./paths.js";
import { AppError } from "./platform/errors.js";
import { pickLang, t, type Lang } from "./platform/messages.js";
import { systemClock, type Clock } from "./platform/clock.js";
import type { Actor, Ctx } from "./platform/context.js";
import type { Policy } from "./platform/policy.js";
import { loadSession, sessionCookieName } from "./platform/auth/sessions.js";
import { audit } from "./platform/audit.js";
import { registerModules } from "./modules/index.js";

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
}

export type App = FastifyInstance;

const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const r = schema.safeParse(data, { reportInput: true });
    if (r.success) return { value: r.data };
    return { error: Object.assign(new Error("validation"), { zodIssues: r.error.issues }) };
  };

function localiseIssue(lang: Lang, issue: z.core.$ZodIssue): string {
  const locale = lang === "en" ? z.locales.en() : z.locales.vi();
  return (locale.localeError as (i: unknown) => string)(issue) ?? issue.message;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: config.env === "test" ? false : { level: config.logLevel, redact: ["req.headers.cookie", "req.headers.authorization"] },
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: config.uploadMaxBytes + 1024 * 1024,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("deps", { ...deps, clock });

  await app.register(cookie);
  await app.register(helmet, {
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
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "KHCN API", version: "1.0.0", description: "Science, technology and innovation management platform" },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: sessionCookieName(config) } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

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

  // ─── Cross-site request refusal and sign-in for API routes ───
  app.addHook("preHandler", async (req, reply) => {
    if (!req.url.startsWith("/api/v1")) return;
    reply.header("cache-control", "no-store");
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
    if (rc.auth === "public") return;
    const actor = req.ctx.actor;
    if (!actor) throw new AppError("UNAUTHENTICATED", 401, "error.unauthenticated");
    if (req.mfaPending && !rc.allowMfaPending) throw new AppError("MFA_REQUIRED", 401, "auth.totp_required");
    if (!rc.policy) throw new AppError("FORBIDDEN", 403, "error.forbidden"); // default deny
    const general = rc.policy.of.general[rc.policy.ability];
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
            path: [err.validationContext, ...i.path].filter((p) => p !== undefined).map(String).join("."),
            code: i.code,
            message: localiseIssue(lang, i),
          })),
        },
      });
    }
    if (err instanceof AppError) {
      if (err.status === 403 || err.status === 404) await auditDenied(req, err.status);
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      return reply.status(err.status).send({
        error: { code: err.code, message: t(lang, err.messageKey, err.params), details: err.details ?? null },
      });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const key =
        status === 413
          ? "error.payload_too_large"
          : status === 415
            ? "error.unsupported_media"
            : status === 404
              ? "error.not_found"
              : "error.bad_request";
      return reply.status(status).send({ error: { code: err.code ?? "BAD_REQUEST", message: t(lang, key), details: null } });
    }
    const pgCode = (err as { code?: string }).code;
    if (pgCode === "23505") {
      return reply.status(409).send({ error: { code: "DUPLICATE", message: t(lang, "error.duplicate", { field: "" }), details: null } });
    }
    req.log.error({ err, correlationId: req.id }, "unhandled error");
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

  // ─── Web app (production build) with client-side routes ───
  const hasWeb = fs.existsSync(path.join(webDistDir, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: false, maxAge: "1h" });
  }
  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith("/api/") || !hasWeb || req.method !== "GET") {
      return reply.status(404).send({
        error: { code: "ROUTE_NOT_FOUND", message: t(req.ctx?.lang ?? "vi", "error.route_not_found"), details: null },
      });
    }
    reply.header("cache-control", "no-cache");
    return reply.type("text/html; charset=utf-8").send(fs.createReadStream(path.join(webDistDir, "index.html")));
  });

  return app;
}

function refuseCrossSite(req: FastifyRequest, config: Config) {
  const site = req.headers["sec-fetch-site"];
  if (site === "cross-site") throw new AppError("CROSS_SITE", 403, "error.cross_site");
  const origin = req.headers.origin;
  if (!origin) return;
  const host = req.headers.host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("CROSS_SITE", 403, "error.cross_site");
  }
  if (originHost !== host && !config.corsOrigins.includes(origin)) throw new AppError("CROSS_SITE", 403, "error.cross_site");
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps & { clock: Clock };
  }
}
