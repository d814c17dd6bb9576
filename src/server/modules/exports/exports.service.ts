// Exports of the registries to Excel (.xlsx) or CSV with the same filters as the list pages (SECURITY.md 14, 19):
// formula injection neutralised, at most MAX_EXPORT_ROWS rows, every export audited with its filters and row count.
// Column headers are the import template's labels and codes are written as labels, so an export imports back.
// A large export must not hold the server (ARCHITECTURE.md, "Imports, exports and files"): one short transaction
// counts, takes the ids in the list's order and writes the audit row; the rows are then read in pages of
// EXPORT_PAGE ids and written to the file in slices, with turns of the event loop in between.
// Correlated subqueries name the outer table explicitly ("organisations"."id"): in a single-table select Drizzle
// writes bare column names, which inside a subquery would bind to the subquery's own table.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { organisations, people, personAffiliations } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { hasRole } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { t, type Lang } from "../../platform/messages.js";
import { dateOnly, writeCsv, type ExportCell } from "../../platform/csv.js";
import { writeWorkbook, XLSX_MEDIA_TYPE, type TableColumn } from "../../platform/xlsx.js";
import { parseSort } from "../../../common/list.js";
import { ORGANISATION_SORTS, type OrganisationListQuery } from "../../../common/api/organisation.js";
import { PERSON_SORTS, type PersonListQuery } from "../../../common/api/person.js";
import { organisationFilters } from "../organisations/organisations.service.js";
import { personFilters, personOrder } from "../people/people.service.js";
import { loadCodeLists, type ImportKind } from "../imports/columns.js";
import { organisationsImport } from "../imports/kinds/organisations.js";
import { peopleImport } from "../imports/kinds/people.js";
import { vietnamDate } from "../../platform/clock.js";

export const MAX_EXPORT_ROWS = 100_000;
/** Rows read per query while a file is written. */
export const EXPORT_PAGE = 2_000;
export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

interface ExportColumn<R> extends TableColumn {
  value(row: R): ExportCell;
}

/** A column headed with the import template's label of `key`. */
function col<R>(kind: ImportKind, key: string, lang: Lang, value: (row: R) => ExportCell): ExportColumn<R> {
  const c = kind.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no import column ${key}`);
  return { header: c.label[lang], width: c.width, text: c.text, value };
}

/** code → label in the reader's language, for each list. */
async function labeller(ctx: Ctx, lists: Parameters<typeof loadCodeLists>[2]) {
  const loaded = await loadCodeLists(ctx.db, vietnamDate(ctx.clock.now()), lists);
  const maps = Object.fromEntries(
    Object.entries(loaded).map(([k, v]) => [k, new Map(v!.rows.map((r) => [r.code, ctx.lang === "en" ? r.labelEn : r.labelVi]))]),
  );
  return (list: string, code: string | null) => (code === null ? null : (maps[list]?.get(code) ?? code));
}

const joinList = (values: string[] | null) => (values?.length ? values.join("; ") : null);

function tooMany(count: number) {
  return new AppError("EXPORT_TOO_LARGE", 400, "export.too_many_rows", null, { count, max: MAX_EXPORT_ROWS });
}

/**
 * The ids of the rows to export in the list's order, as ONE text value: 100,000 ids read as rows would be mapped
 * one by one in a single stretch of the event loop. The count is checked first, in the same (repeatable read)
 * transaction, so the list never passes MAX_EXPORT_ROWS.
 */
const orderedIds = (id: AnyPgColumn, order: SQL[]) => sql<string | null>`string_agg(${id}::text, ',' ORDER BY ${sql.join(order, sql`, `)})`;
const idList = (joined: string | null | undefined) => (joined ? joined.split(",") : []);

/**
 * The rows of `ids`, in that order, read EXPORT_PAGE at a time with `read` (which may return them in any order; an id
 * whose row is gone since the ids were taken is skipped), each turned into the export's cells.
 */
async function* pagesOf<R>(ids: string[], read: (ids: string[]) => Promise<R[]>, idOf: (row: R) => string, columns: ExportColumn<R>[]) {
  for (let at = 0; at < ids.length; at += EXPORT_PAGE) {
    const pageIds = ids.slice(at, at + EXPORT_PAGE);
    const byId = new Map((await read(pageIds)).map((r) => [idOf(r), r]));
    yield pageIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [columns.map((c) => c.value(row))] : [];
    });
  }
}

async function render(ctx: Ctx, format: ExportFormat, title: string, columns: TableColumn[], pages: AsyncIterable<ExportCell[][]>): Promise<ExportFile> {
  const yesNo: [string, string] = [t(ctx.lang, "import.yes"), t(ctx.lang, "import.no")];
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  if (format === "csv") {
    return {
      fileName: `${title} ${stamp}.csv`,
      mediaType: "text/csv; charset=utf-8",
      content: await writeCsv(
        columns.map((c) => c.header),
        pages,
        { yesNo },
      ),
    };
  }
  return {
    fileName: `${title} ${stamp}.xlsx`,
    mediaType: XLSX_MEDIA_TYPE,
    content: await writeWorkbook([{ name: title, columns, rows: pages, yesNo }]),
  };
}

// ─── Organisations ───

export type OrganisationExportQuery = Omit<OrganisationListQuery, "page" | "pageSize"> & { format: ExportFormat };

function organisationOrder(sort: string | undefined): SQL {
  const { key, desc } = parseSort(sort, ORGANISATION_SORTS, "name");
  const dir = desc ? sql`DESC` : sql`ASC`;
  const byName = sql`${organisations.nameVi} COLLATE vn`;
  const order: Record<(typeof ORGANISATION_SORTS)[number], SQL> = {
    name: sql`${byName} ${dir}`,
    type: sql`${organisations.type} ${dir}, ${byName}`,
    district: sql`${organisations.district} ${dir} NULLS LAST, ${byName}`,
    updatedAt: sql`${organisations.updatedAt} ${dir}`,
    peopleCount: sql`(SELECT count(*) FROM people p WHERE p.primary_organisation_id = "organisations"."id") ${dir}, ${byName}`,
  };
  return order[key];
}

export async function exportOrganisations(ctx: Ctx, q: OrganisationExportQuery): Promise<ExportFile> {
  const { format, sort, ...filters } = q;
  const where = organisationFilters(filters);
  const label = await labeller(ctx, ["org_type", "admin_unit", "district", "governance"]);
  const ids = await ctx.db.transaction(
    async (tx) => {
      const count = await tx.$count(organisations, where);
      if (count > MAX_EXPORT_ROWS) throw tooMany(count);
      const [found] = await tx
        .select({ ids: orderedIds(organisations.id, [organisationOrder(sort), sql`${organisations.id}`]) })
        .from(organisations)
        .where(where);
      const list = idList(found?.ids);
      await audit(tx, ctx, {
        action: "organisation.export",
        entityType: "organisation",
        details: { format, filters: { ...filters, sort: sort ?? null }, rows: list.length },
      });
      return list;
    },
    { isolationLevel: "repeatable read" },
  );
  const read = (page: string[]) =>
    ctx.db
      .select({
        o: organisations,
        parentName: sql<string | null>`(SELECT p.name_vi FROM organisations p WHERE p.id = "organisations"."parent_id")`,
        labCount: sql<number>`(SELECT count(*)::int FROM laboratories l WHERE l.organisation_id = "organisations"."id")`,
      })
      .from(organisations)
      .where(inArray(organisations.id, page));

  type Row = Awaited<ReturnType<typeof read>>[number];
  const k = organisationsImport;
  const lang = ctx.lang;
  const columns: ExportColumn<Row>[] = [
    col(k, "nameVi", lang, (r) => r.o.nameVi),
    col(k, "nameEn", lang, (r) => r.o.nameEn),
    col(k, "abbreviation", lang, (r) => r.o.abbreviation),
    col(k, "type", lang, (r) => label("org_type", r.o.type)),
    col(k, "taxCode", lang, (r) => r.o.taxCode),
    col(k, "orgIdCode", lang, (r) => r.o.orgIdCode),
    col(k, "ror", lang, (r) => r.o.ror),
    col(k, "parent", lang, (r) => r.parentName),
    col(k, "address", lang, (r) => r.o.address),
    col(k, "commune", lang, (r) => label("admin_unit", r.o.commune)),
    col(k, "district", lang, (r) => label("district", r.o.district)),
    col(k, "governance", lang, (r) => label("governance", r.o.governance)),
    col(k, "fields", lang, (r) => joinList(r.o.fields)),
    col(k, "website", lang, (r) => r.o.website),
    col(k, "email", lang, (r) => r.o.email),
    col(k, "phone", lang, (r) => r.o.phone),
    col(k, "foundedYear", lang, (r) => r.o.foundedYear),
    { header: t(lang, "export.col.labCount"), value: (r) => r.labCount },
    { header: t(lang, "export.col.updatedAt"), width: 18, value: (r) => r.o.updatedAt },
  ];
  return render(
    ctx,
    format,
    t(lang, "export.title.organisations"),
    columns,
    pagesOf(ids, read, (r) => r.o.id, columns),
  );
}

// ─── People ───

export type PersonExportQuery = Omit<PersonListQuery, "page" | "pageSize"> & { format: ExportFormat };

/** Contact data (personal data) leaves the server only for the Department's staff. */
export const mayExportContact = (ctx: Ctx) => hasRole(ctx.actor, "admin", "officer");

export async function exportPeople(ctx: Ctx, q: PersonExportQuery): Promise<ExportFile> {
  const { format, sort, ...filters } = q;
  const where = personFilters(filters, vietnamDate(ctx.clock.now()));
  const withContact = mayExportContact(ctx);
  const label = await labeller(ctx, ["gender", "degree", "title"]);
  const byOrganisation = parseSort(sort, PERSON_SORTS, "name").key === "organisation";
  const ids = await ctx.db.transaction(
    async (tx) => {
      const count = await tx.$count(people, where);
      if (count > MAX_EXPORT_ROWS) throw tooMany(count);
      let query = tx
        .select({ ids: orderedIds(people.id, personOrder(sort, vietnamDate(ctx.clock.now()))) })
        .from(people)
        .$dynamic();
      // The "organisation" sort orders by the primary organisation's name.
      if (byOrganisation) query = query.leftJoin(organisations, eq(organisations.id, people.primaryOrganisationId));
      const [found] = await query.where(where);
      const list = idList(found?.ids);
      await audit(tx, ctx, {
        action: "person.export",
        entityType: "person",
        details: { format, filters: { ...filters, sort: sort ?? null }, rows: list.length, contact: withContact },
      });
      return list;
    },
    { isolationLevel: "repeatable read" },
  );
  const read = (page: string[]) => {
    // The position held at the primary organisation (the latest affiliation there), joined in one pass.
    const a = personAffiliations;
    const pos = ctx.db
      .selectDistinctOn([a.personId, a.organisationId], { personId: a.personId, organisationId: a.organisationId, position: a.position })
      .from(a)
      .where(inArray(a.personId, page))
      .orderBy(a.personId, a.organisationId, sql`${a.endDate} DESC NULLS FIRST`, sql`${a.startDate} DESC NULLS LAST`)
      .as("pos");
    return ctx.db
      .select({ p: people, organisationName: organisations.nameVi, position: pos.position })
      .from(people)
      .leftJoin(organisations, eq(organisations.id, people.primaryOrganisationId))
      .leftJoin(pos, and(eq(pos.personId, people.id), eq(pos.organisationId, people.primaryOrganisationId)))
      .where(inArray(people.id, page));
  };

  type Row = Awaited<ReturnType<typeof read>>[number];
  const k = peopleImport;
  const lang = ctx.lang;
  const columns: ExportColumn<Row>[] = [
    col(k, "fullName", lang, (r) => r.p.fullName),
    col(k, "birthYear", lang, (r) => r.p.birthYear),
    col(k, "gender", lang, (r) => label("gender", r.p.gender)),
    col(k, "degree", lang, (r) => label("degree", r.p.degree)),
    col(k, "title", lang, (r) => label("title", r.p.title)),
    col(k, "fields", lang, (r) => joinList(r.p.fields)),
    col(k, "keywords", lang, (r) => joinList(r.p.keywords)),
    col(k, "orcid", lang, (r) => r.p.orcid),
    ...(withContact
      ? [col<Row>(k, "email", lang, (r) => r.p.email), col<Row>(k, "phone", lang, (r) => r.p.phone), col<Row>(k, "address", lang, (r) => r.p.address)]
      : []),
    col(k, "isExpert", lang, (r) => r.p.isExpert),
    { header: t(lang, "export.col.expertSince"), width: 14, value: (r) => dateOnly(r.p.expertSince) },
    col(k, "organisation", lang, (r) => r.organisationName),
    col(k, "position", lang, (r) => r.position),
    { header: t(lang, "export.col.updatedAt"), width: 18, value: (r) => r.p.updatedAt },
  ];
  return render(
    ctx,
    format,
    t(lang, "export.title.people"),
    columns,
    pagesOf(ids, read, (r) => r.p.id, columns),
  );
}
