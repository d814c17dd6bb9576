// Environment → typed configuration. The only module that reads process.env.
import { z } from "zod";
import path from "node:path";

const bool = z
  .union([z.boolean(), z.string()])
  .transform((v) => (typeof v === "boolean" ? v : ["1", "true", "yes", "on"].includes(v.toLowerCase())));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default("./data"),
  DEMO_MODE: bool.optional(),
  PUBLIC_URL: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(15),
  SESSION_IDLE_MINUTES_ADMIN: z.coerce.number().positive().default(5),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_RATE_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(30),
  INACTIVE_DISABLE_DAYS: z.coerce.number().int().positive().default(45),
  REQUIRE_TOTP: bool.optional(),
  TRUST_PROXY: bool.default(false),
  CORS_ORIGINS: z.string().default(""),
  UPLOAD_MAX_MB: z.coerce.number().positive().default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SECURITY_CONTACT: z.string().default("mailto:security@khcn.example.vn"),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demoMode: boolean;
  publicUrl?: string;
  secureCookies: boolean;
  session: { idleMinutes: number; idleMinutesAdmin: number; absoluteHours: number };
  login: { maxFailures: number; lockoutMinutes: number; ratePerIpPerMinute: number; inactiveDisableDays: number };
  requireTotp: boolean;
  trustProxy: boolean;
  corsOrigins: string[];
  uploadMaxBytes: number;
  logLevel: string;
  securityContact: string;
};

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const e = schema.parse(env);
  // Demo mode (demo data, demo accounts, no TOTP requirement) is on for the embedded database unless told otherwise.
  const demoMode = e.DEMO_MODE ?? (!e.DATABASE_URL && e.NODE_ENV !== "production");
  const secure = (e.PUBLIC_URL ?? "").startsWith("https://");
  const cfg: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: path.resolve(e.DATA_DIR),
    demoMode,
    publicUrl: e.PUBLIC_URL,
    secureCookies: secure,
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      idleMinutesAdmin: e.SESSION_IDLE_MINUTES_ADMIN,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
    },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockoutMinutes: e.LOCKOUT_MINUTES,
      ratePerIpPerMinute: e.LOGIN_RATE_PER_IP_PER_MINUTE,
      inactiveDisableDays: e.INACTIVE_DISABLE_DAYS,
    },
    // TOTP for privileged roles is required everywhere except demo mode, where it can only be switched off.
    requireTotp: demoMode ? (e.REQUIRE_TOTP ?? false) : true,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS.split(",").map((s) => s.trim()).filter(Boolean),
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    securityContact: e.SECURITY_CONTACT,
  };
  return { ...cfg, ...overrides };
}
