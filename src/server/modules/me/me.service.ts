// Self-service for personal data (SECURITY.md 27, Law 91/2025/QH15): a person sees, corrects and exports their own
// data, records consent per purpose, and asks for deletion (deletion-requests module). Everything here is selected
// by the signed-in user's own ids; there is no id in the URL to tamper with.
import { desc, eq, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { consents, deletionRequests, people, users } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { t, type MessageKey } from "../../platform/messages.js";
import { dateOnly, type ExportCell } from "../../platform/csv.js";
import { XLSX_MEDIA_TYPE, writeWorkbook, type SheetSpec } from "../../platform/xlsx.js";
import {
  CONSENT_NOTICE_VERSION,
  CONSENT_PURPOSES,
  type Consent,
  type ConsentPurpose,
  type ConsentState,
  type LanguageLevel,
  type Person,
  personSelfUpdate,
} from "../../../common/api/person.js";
import { correctOwnPerson, getPerson, readPerson } from "../people/people.service.js";
import { codeLabel, type CodeListKey } from "../../../common/reference.js";
import { vietnamDate } from "../../platform/clock.js";

const noPerson = () => new AppError("NO_PERSON", 404, "me.no_person");

function ownPersonId(ctx: Ctx): string {
  const id = ctx.actor?.personId;
  if (!id) throw noPerson();
  return id;
}

export const getOwnPerson = (ctx: Ctx) => getPerson(ctx, ownPersonId(ctx));

export const correctOwnData = (ctx: Ctx, patch: z.output<typeof personSelfUpdate>) => correctOwnPerson(ctx, ownPersonId(ctx), patch);

// ─── Consents ───

async function consentHistory(db: Executor, personId: string): Promise<Consent[]> {
  const rows = await db.select().from(consents).where(eq(consents.personId, personId)).orderBy(desc(consents.recordedAt), desc(consents.id));
  return rows.map((r) => ({
    purpose: r.purpose as ConsentPurpose,
    noticeVersion: r.noticeVersion,
    granted: r.granted,
    recordedAt: r.recordedAt.toISOString(),
  }));
}

/** The current state is the latest record per purpose; purposes never asked about show null. */
function consentStateOf(history: Consent[]): ConsentState {
  return {
    noticeVersion: CONSENT_NOTICE_VERSION,
    current: CONSENT_PURPOSES.map((purpose) => {
      const last = history.find((h) => h.purpose === purpose);
      return {
        purpose,
        granted: last?.granted ?? null,
        noticeVersion: last?.noticeVersion ?? null,
        recordedAt: last?.recordedAt ?? null,
      };
    }),
    history,
  };
}

export async function getOwnConsents(ctx: Ctx): Promise<ConsentState> {
  const personId = ownPersonId(ctx);
  const [p] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.id, personId));
  if (!p) throw noPerson();
  return consentStateOf(await consentHistory(ctx.db, personId));
}

/** Records a grant or a withdrawal with the time and the notice version shown; history is never rewritten. */
export async function recordOwnConsent(ctx: Ctx, input: { purpose: ConsentPurpose; granted: boolean }): Promise<Consent> {
  const personId = ownPersonId(ctx);
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId)).for("update");
    if (!p) throw noPerson();
    // "Latest per purpose" must be unambiguous: each new record of a person is strictly later than the previous one.
    const [last] = await tx
      .select({ at: sql<Date | null>`max(${consents.recordedAt})`.mapWith((v: string | Date | null) => (v ? new Date(v) : null)) })
      .from(consents)
      .where(eq(consents.personId, personId));
    const now = ctx.clock.now();
    const recordedAt = last?.at && last.at >= now ? new Date(last.at.getTime() + 1) : now;
    await tx.insert(consents).values({
      personId,
      purpose: input.purpose,
      noticeVersion: CONSENT_NOTICE_VERSION,
      granted: input.granted,
      recordedAt,
      recordedBy: ctx.actor!.userId,
    });
    const record = { purpose: input.purpose, noticeVersion: CONSENT_NOTICE_VERSION, granted: input.granted };
    await audit(tx, ctx, { action: input.granted ? "consent.grant" : "consent.withdraw", entityType: "person", entityId: personId, after: record });
    return { ...record, recordedAt: recordedAt.toISOString() };
  });
}

// ─── Export of one's own data ───

export interface OwnDataExport {
  exportedAt: string;
  account: {
    username: string;
    displayName: string;
    email: string | null;
    roles: string[];
    createdAt: string;
    lastLoginAt: string | null;
  };
  person: Omit<Person, "abilities"> | null;
  consents: Consent[];
  deletionRequests: {
    requestedAt: string;
    status: string;
    reason: string | null;
    resolution: string | null;
    resolvedAt: string | null;
  }[];
}

/** Everything the platform holds about the signed-in user, read in one transaction with its audit row. */
export async function collectOwnData(ctx: Ctx, format: "json" | "xlsx"): Promise<OwnDataExport> {
  const actor = ctx.actor!;
  return ctx.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, actor.userId));
    if (!u) throw notFound();
    let person: Omit<Person, "abilities"> | null = null;
    if (u.personId) {
      const { abilities: _a, ...rest } = await readPerson(ctx, tx, u.personId);
      person = rest;
    }
    const history = u.personId ? await consentHistory(tx, u.personId) : [];
    const requests = await tx
      .select()
      .from(deletionRequests)
      .where(or(eq(deletionRequests.requestedBy, u.id), u.personId ? eq(deletionRequests.personId, u.personId) : undefined))
      .orderBy(desc(deletionRequests.requestedAt));
    await audit(tx, ctx, {
      action: "person.export_self",
      entityType: u.personId ? "person" : "user",
      entityId: u.personId ?? u.id,
      details: { format },
    });
    return {
      exportedAt: ctx.clock.now().toISOString(),
      account: {
        username: u.username,
        displayName: u.displayName,
        email: u.email,
        roles: u.roles,
        createdAt: u.createdAt.toISOString(),
        lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      },
      person,
      consents: history,
      deletionRequests: requests.map((r) => ({
        requestedAt: r.requestedAt.toISOString(),
        status: r.status,
        reason: r.reason,
        resolution: r.resolution,
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
      })),
    };
  });
}

/** The export as a workbook: key/value sheets for the account and the profile, tables for the rest. */
async function toWorkbook(ctx: Ctx, d: OwnDataExport): Promise<Buffer> {
  const L = (key: MessageKey) => t(ctx.lang, key);
  const yesNo: [string, string] = [L("me.export.yes"), L("me.export.no")];
  const instant = (iso: string | null) => (iso ? new Date(iso) : null);
  const list = (v: string[]) => v.join(", ");
  const keyValue = (name: MessageKey, rows: [MessageKey, ExportCell][]): SheetSpec => ({
    name: L(name),
    columns: [
      { header: L("me.export.col.item"), width: 30 },
      { header: L("me.export.col.value"), width: 60 },
    ],
    rows: rows.map(([k, v]) => [L(k), v]),
    yesNo,
  });
  const table = (name: MessageKey, headers: MessageKey[], rows: ExportCell[][]): SheetSpec => ({
    name: L(name),
    columns: headers.map((h) => ({ header: L(h), width: 26 })),
    rows,
    yesNo,
  });

  // Codes as their labels in the export's language, from the lists in force on the export's day.
  const day = vietnamDate(new Date(d.exportedAt));
  const label = (key: CodeListKey, code: string | null) => codeLabel(key, code, day, ctx.lang);
  const level = (l: LanguageLevel) => L(`me.export.level.${l}`);

  const a = d.account;
  const sheets: SheetSpec[] = [
    keyValue("me.export.sheet.account", [
      ["me.export.f.username", a.username],
      ["me.export.f.displayName", a.displayName],
      ["me.export.f.email", a.email],
      ["me.export.f.roles", list(a.roles)],
      ["me.export.f.createdAt", instant(a.createdAt)],
      ["me.export.f.lastLoginAt", instant(a.lastLoginAt)],
      ["me.export.f.exportedAt", instant(d.exportedAt)],
    ]),
  ];
  const p = d.person;
  if (p) {
    sheets.push(
      keyValue("me.export.sheet.person", [
        ["me.export.f.fullName", p.fullName],
        ["me.export.f.birthYear", p.birthYear],
        ["me.export.f.gender", p.gender ? L(`me.export.gender.${p.gender}`) : null],
        ["me.export.f.degree", label("degree", p.degree)],
        ["me.export.f.title", label("title", p.title)],
        ["me.export.f.fields", list(p.fields.map((f) => label("field", f)!))],
        ["me.export.f.keywords", list(p.keywords)],
        ["me.export.f.orcid", p.orcid],
        ["me.export.f.email", p.contact?.email],
        ["me.export.f.phone", p.contact?.phone],
        ["me.export.f.address", p.contact?.address],
        ["me.export.f.isExpert", p.isExpert],
        ["me.export.f.expertSince", dateOnly(p.expertSince)],
        ["me.export.f.primaryOrganisation", p.primaryOrganisationName],
        ["me.export.f.createdAt", instant(p.createdAt)],
        ["me.export.f.updatedAt", instant(p.updatedAt)],
      ]),
      table(
        "me.export.sheet.affiliations",
        ["me.export.f.organisation", "me.export.f.position", "me.export.f.startDate", "me.export.f.endDate"],
        p.affiliations.map((x) => [x.organisationName, x.position, dateOnly(x.startDate), dateOnly(x.endDate)]),
      ),
      // The scientific CV's lists (items 8, 9 and 14 of the form; docs/scientific-cv.md).
      table(
        "me.export.sheet.education",
        ["me.export.f.level", "me.export.f.institution", "me.export.f.speciality", "me.export.f.year"],
        p.education.map((e) => [label("degree", e.level), e.institution, e.field, e.year]),
      ),
      table(
        "me.export.sheet.languages",
        ["me.export.f.language", "me.export.f.listening", "me.export.f.speaking", "me.export.f.writing", "me.export.f.reading"],
        p.languages.map((l) => [l.language, level(l.listening), level(l.speaking), level(l.writing), level(l.reading)]),
      ),
      table(
        "me.export.sheet.awards",
        ["me.export.f.award", "me.export.f.year", "me.export.f.awardedBy"],
        p.awards.map((x) => [x.name, x.year, x.awardedBy]),
      ),
    );
  }
  sheets.push(
    table(
      "me.export.sheet.consents",
      ["me.export.f.purpose", "me.export.f.granted", "me.export.f.noticeVersion", "me.export.f.recordedAt"],
      d.consents.map((c) => [c.purpose, c.granted, c.noticeVersion, instant(c.recordedAt)]),
    ),
    table(
      "me.export.sheet.deletionRequests",
      ["me.export.f.requestedAt", "me.export.f.status", "me.export.f.reason", "me.export.f.resolution", "me.export.f.resolvedAt"],
      d.deletionRequests.map((r) => [instant(r.requestedAt), r.status, r.reason, r.resolution, instant(r.resolvedAt)]),
    ),
  );
  // writeWorkbook neutralises text cells a spreadsheet would run as formulas (SECURITY.md 14).
  return writeWorkbook(sheets);
}

/** GET /me/export: the download and its headers. The file name carries no personal data, only the date. */
export async function exportOwnData(ctx: Ctx, format: "json" | "xlsx") {
  const data = await collectOwnData(ctx, format);
  const day = data.exportedAt.slice(0, 10).replace(/-/g, "");
  const filename = `khcn-du-lieu-ca-nhan-${day}.${format}`;
  if (format === "json") {
    return { filename, contentType: "application/json; charset=utf-8", body: Buffer.from(JSON.stringify(data, null, 2), "utf8") };
  }
  return {
    filename,
    contentType: XLSX_MEDIA_TYPE,
    body: await toWorkbook(ctx, data),
  };
}
