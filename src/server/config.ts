// Environment → typed configuration. The only module that reads process.env.
import { z } from "zod";
import path from "node:path";

const bool = z.union([z.boolean(), z.string()]).transform((v) => (typeof v === "boolean" ? v : ["1", "true", "yes", "on"].includes(v.toLowerCase())));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  /** Connections of each app process to the PostgreSQL server (BENCHMARKS.md: fewer on a database host with few CPUs). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(16),
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
  DOC_PARENT_BODY: z.string().trim().min(1).default("ỦY BAN NHÂN DÂN|THÀNH PHỐ HẢI PHÒNG"),
  DOC_ISSUING_BODY: z.string().trim().min(1).default("SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
  DOC_SEPARATE_REGISTERS: z.string().trim().default(""),
  DOC_AUTHORITY_BASES: z.string().trim().default(""),
  DOC_CONTACTS: z.string().trim().default("Phòng Quản lý khoa học, Sở Khoa học và Công nghệ thành phố Hải Phòng"),
  DOC_SYMBOL: z.string().trim().min(1).default("SKHCN"),
  DOC_PLACE: z.string().trim().min(1).default("Hải Phòng"),
  /** Authority and position lines of the default signer, separated by "|". */
  DOC_SIGNER_AUTHORITY: z.string().default("KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC"),
  DOC_SIGNER_NAME: z.string().trim().default(""),
  DOC_ARCHIVE_UNIT: z.string().trim().default("QLKH"),
  DOC_OFFICE_NAME: z.string().trim().min(1).default("Sở Khoa học và Công nghệ thành phố Hải Phòng"),
  /** smtp://user:pass@host:587 or smtps://…; e-mail copies of notifications are off without it. */
  SMTP_URL: z.string().trim().optional(),
  MAIL_FROM: z.string().trim().default("KHCN <no-reply@khcn.example.vn>"),
  /** Progress reports of a task in progress: one every N months from its start date, plus the final report. */
  REPORT_INTERVAL_MONTHS: z.coerce.number().int().min(1).max(24).default(6),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl?: string;
  /** connections to the PostgreSQL server per process (the embedded database's pool is fixed) */
  databasePoolSize: number;
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
  /** The issuing body of official documents (NĐ 30/2020) and its default signer. */
  documents: {
    /** the names in one line, and as printed in the header of a document: line by line ("|" in the setting) */
    parentBody: string;
    parentBodyLines: string[];
    issuingBody: string;
    issuingBodyLines: string[];
    symbol: string;
    place: string;
    signerAuthority: string[];
    signerName: string;
    archiveUnit: string;
    /** the Department's name as a party (Bên A of task contracts) */
    officeName: string;
    /** the Department's own authority cited first by its decisions: the act on its functions, duties and powers, and
     *  any delegation it acts under, each a whole "Căn cứ …" line */
    authorityBases: string[];
    /** document types (abbreviations, e.g. "QĐ") numbered in a register of their own; the others share one */
    separateRegisters: string[];
    /** whom to ask about a call, one line each (unit, telephone, e-mail), printed in call notices */
    contacts: string[];
  };
  /** E-mail copies of notifications: sent only when smtpUrl is set. */
  mail: { smtpUrl?: string; from: string };
  monitoring: { reportIntervalMonths: number };
};

/** A body's name as printed in a document's header: lines separated by "|". */
const headerLines = (value: string) =>
  value
    .split("|")
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter(Boolean);

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
    databasePoolSize: e.DATABASE_POOL_SIZE,
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
    corsOrigins: e.CORS_ORIGINS.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    securityContact: e.SECURITY_CONTACT,
    documents: {
      parentBody: headerLines(e.DOC_PARENT_BODY).join(" "),
      parentBodyLines: headerLines(e.DOC_PARENT_BODY),
      issuingBody: headerLines(e.DOC_ISSUING_BODY).join(" "),
      issuingBodyLines: headerLines(e.DOC_ISSUING_BODY),
      symbol: e.DOC_SYMBOL,
      place: e.DOC_PLACE,
      signerAuthority: e.DOC_SIGNER_AUTHORITY.split("|")
        .map((s) => s.trim())
        .filter(Boolean),
      signerName: e.DOC_SIGNER_NAME,
      archiveUnit: e.DOC_ARCHIVE_UNIT,
      officeName: e.DOC_OFFICE_NAME,
      contacts: headerLines(e.DOC_CONTACTS),
      authorityBases: headerLines(e.DOC_AUTHORITY_BASES),
      separateRegisters: e.DOC_SEPARATE_REGISTERS.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    },
    mail: { smtpUrl: e.SMTP_URL || undefined, from: e.MAIL_FROM },
    monitoring: { reportIntervalMonths: e.REPORT_INTERVAL_MONTHS },
  };
  return { ...cfg, ...overrides };
}
