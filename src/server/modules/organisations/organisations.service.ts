// Organisations registry: list with search/filter/sort, read, create, update with optimistic concurrency, delete.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { laboratories, organisations } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, badInput, notFound, staleVersion } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { Placeholders, countStatement, literal, pageTotal, searchCondition, totalOf, type Bind } from "../../platform/list.js";
import { prepared } from "../../db/prepared.js";
import { parseSort } from "../../../common/list.js";
import {
  ORGANISATION_SORTS,
  type Organisation,
  type OrganisationListQuery,
  type OrganisationSummary,
  organisationInput,
} from "../../../common/api/organisation.js";
import { assertCodes } from "../reference/reference.service.js";
import { organisationPolicy } from "./organisations.policy.js";
import type { z } from "zod";
import { vietnamDate } from "../../platform/clock.js";

type Input = z.output<typeof organisationInput>;

/** The list filters as one SQL condition (also used by the export); `bind` puts each value in (platform/list.ts). */
export function organisationFilters(q: Omit<OrganisationListQuery, "page" | "pageSize" | "sort">, bind: Bind = literal): SQL | undefined {
  return and(
    searchCondition(organisations.searchText, q.q, bind),
    q.type ? sql`${organisations.type} = ${bind("type", q.type)}` : undefined,
    q.commune === "none" ? sql`${organisations.commune} IS NULL` : q.commune ? sql`${organisations.commune} = ${bind("commune", q.commune)}` : undefined,
    q.district ? sql`${organisations.district} = ${bind("district", q.district)}` : undefined,
    q.governance ? sql`${organisations.governance} = ${bind("governance", q.governance)}` : undefined,
    q.field ? sql`${bind("field", q.field)} = ANY(${organisations.fields})` : undefined,
    q.hasLab === "true" ? sql`EXISTS (SELECT 1 FROM laboratories l WHERE l.organisation_id = ${outer.id})` : undefined,
    q.hasLab === "false" ? sql`NOT EXISTS (SELECT 1 FROM laboratories l WHERE l.organisation_id = ${outer.id})` : undefined,
  );
}

// Correlated subqueries name the outer table explicitly: in a single-table select Drizzle renders a column as a
// bare name, which inside the subquery would bind to the subquery's own table.
const outer = { id: sql.raw(`"organisations"."id"`), parentId: sql.raw(`"organisations"."parent_id"`) };
const peopleCountSql = sql<number>`(SELECT count(*)::int FROM people p WHERE p.primary_organisation_id = ${outer.id})`;
const labCountSql = sql<number>`(SELECT count(*)::int FROM laboratories l WHERE l.organisation_id = ${outer.id})`;

// The list's statements, prepared per shape (which filters are given, the sort): db/prepared.ts. The page carries
// the total (platform/list.ts totalOf); `count` answers only for a page past the end.
function organisationListStatements(db: Executor, where: SQL | undefined, order: SQL, name: string) {
  const page = db
    .select({
      id: organisations.id,
      type: organisations.type,
      nameVi: organisations.nameVi,
      nameEn: organisations.nameEn,
      abbreviation: organisations.abbreviation,
      taxCode: organisations.taxCode,
      commune: organisations.commune,
      district: organisations.district,
      governance: organisations.governance,
      labCount: labCountSql,
      peopleCount: peopleCountSql,
      updatedAt: organisations.updatedAt,
      total: totalOf(organisations, where),
    })
    .from(organisations)
    .where(where)
    .orderBy(order, organisations.id)
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare(name && `${name}_page`);
  return { page, count: countStatement(db, organisations, where, name) };
}

export async function listOrganisations(ctx: Ctx, q: OrganisationListQuery) {
  const p = new Placeholders();
  const where = organisationFilters(q, p.bind);
  const { key, desc } = parseSort(q.sort, ORGANISATION_SORTS, "name");
  const dir = desc ? sql`DESC` : sql`ASC`;
  const order: Record<(typeof ORGANISATION_SORTS)[number], SQL> = {
    name: sql`${organisations.nameVi} COLLATE vn ${dir}`,
    type: sql`${organisations.type} ${dir}, ${organisations.nameVi} COLLATE vn`,
    district: sql`${organisations.district} ${dir} NULLS LAST, ${organisations.nameVi} COLLATE vn`,
    updatedAt: sql`${organisations.updatedAt} ${dir}`,
    peopleCount: sql`${peopleCountSql} ${dir}, ${organisations.nameVi} COLLATE vn`,
  };
  const statements = prepared(
    ctx.db,
    // hasLab and commune=none add SQL but no value, so the placeholders alone do not tell their statements apart.
    `organisation_list:${key}:${desc ? "d" : "a"}:${p.shape}:${q.hasLab ?? ""}:${q.commune === "none" ? "none" : ""}`,
    (db, name) => organisationListStatements(db, where, order[key], name),
    { named: false }, // planned for the search phrase and filters of each request (db/prepared.ts)
  );
  const values = { ...p.values, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const { rows, total } = await pageTotal(await statements.page.execute(values), q.page, () => statements.count.execute(values));
  const items: OrganisationSummary[] = rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

// An organisation with its parent's name, its people count and its laboratories (by name), in one prepared statement
// (db/prepared.ts): the detail page is one round trip after the session lookup.
type LabRow = typeof laboratories.$inferSelect;
const labsSql = sql<LabRow[]>`(SELECT coalesce(json_agg(json_build_object('id', l.id, 'organisationId', l.organisation_id,
  'name', l.name, 'scheme', l.scheme, 'accreditationNumber', l.accreditation_number, 'expiresOn', l.expires_on,
  'fields', l.fields) ORDER BY l.name), '[]'::json) FROM laboratories l WHERE l.organisation_id = ${outer.id})`;
const organisationRow = (db: Executor, name: string) =>
  db
    .select({
      o: organisations,
      parentName: sql<string | null>`(SELECT name_vi FROM organisations p WHERE p.id = ${outer.parentId})`,
      peopleCount: peopleCountSql,
      labs: labsSql,
    })
    .from(organisations)
    .where(eq(organisations.id, sql.placeholder("id")))
    .prepare(name);

async function loadOrganisation(db: Executor, id: string) {
  const [row] = await prepared(db, "organisation_row", organisationRow).execute({ id });
  return row ?? null;
}

function present(ctx: Ctx, r: NonNullable<Awaited<ReturnType<typeof loadOrganisation>>>): Organisation {
  const { o } = r;
  return {
    id: o.id,
    type: o.type,
    nameVi: o.nameVi,
    nameEn: o.nameEn,
    abbreviation: o.abbreviation,
    taxCode: o.taxCode,
    orgIdCode: o.orgIdCode,
    ror: o.ror,
    parentId: o.parentId,
    parentName: r.parentName,
    address: o.address,
    commune: o.commune,
    district: o.district,
    governance: o.governance,
    fields: o.fields,
    website: o.website,
    email: o.email,
    phone: o.phone,
    foundedYear: o.foundedYear,
    laboratories: r.labs.map((l) => ({
      id: l.id,
      name: l.name,
      scheme: l.scheme,
      accreditationNumber: l.accreditationNumber,
      expiresOn: l.expiresOn,
      fields: l.fields,
    })),
    peopleCount: r.peopleCount,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    abilities: abilitiesOf(ctx.actor, organisationPolicy, o),
  };
}

export async function getOrganisation(ctx: Ctx, id: string): Promise<Organisation> {
  const r = await loadOrganisation(ctx.db, id);
  if (!r) throw notFound();
  authorize(ctx.actor, organisationPolicy, "read", r.o);
  return present(ctx, r);
}

async function validateReferences(ctx: Ctx, db: Executor, input: Input, selfId?: string) {
  const day = vietnamDate(ctx.clock.now());
  await assertCodes(db, day, "org_type", [input.type], "type");
  await assertCodes(db, day, "admin_unit", [input.commune], "commune");
  await assertCodes(db, day, "district", [input.district], "district");
  await assertCodes(db, day, "field", input.fields, "fields");
  await assertCodes(
    db,
    day,
    "field",
    input.laboratories.flatMap((l) => l.fields),
    "laboratories.fields",
  );
  if (input.parentId) {
    // The parent must exist and must not be this organisation or one of its descendants.
    const r = await db.execute<{ ok: boolean; cyc: boolean }>(sql`
      WITH RECURSIVE up AS (
        SELECT id, parent_id FROM organisations WHERE id = ${input.parentId}
        UNION SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id
      )
      SELECT EXISTS (SELECT 1 FROM organisations WHERE id = ${input.parentId}) AS ok,
             ${selfId ?? null}::uuid IN (SELECT id FROM up) AS cyc`);
    if (!r.rows[0]?.ok) throw badInput("error.not_found", {}, [{ path: "parentId", code: "not_found", message: "" }]);
    if (r.rows[0]?.cyc) throw badInput("org.parent_cycle", {}, [{ path: "parentId", code: "cycle", message: "" }]);
  }
}

async function assertUniqueTaxCode(db: Executor, taxCode: string | null, selfId?: string) {
  if (!taxCode) return;
  const [dup] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.taxCode, taxCode), selfId ? sql`${organisations.id} <> ${selfId}` : undefined));
  if (dup) {
    throw new AppError("DUPLICATE", 409, "error.duplicate", [{ path: "taxCode", code: "duplicate", message: taxCode }], {
      field: "mã số thuế / tax code",
    });
  }
}

const columns = (input: Input) => ({
  type: input.type,
  nameVi: input.nameVi,
  nameEn: input.nameEn,
  abbreviation: input.abbreviation,
  taxCode: input.taxCode,
  orgIdCode: input.orgIdCode,
  ror: input.ror,
  parentId: input.parentId,
  address: input.address,
  commune: input.commune,
  district: input.district,
  governance: input.governance,
  fields: input.fields,
  website: input.website,
  email: input.email,
  phone: input.phone,
  foundedYear: input.foundedYear,
});

/** The editable content of a stored organisation, for the audit trail. */
function snapshot(r: NonNullable<Awaited<ReturnType<typeof loadOrganisation>>>) {
  const { id: _id, searchText: _s, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, version: _v, ...content } = r.o;
  return { ...content, laboratories: r.labs.map(({ id: _i, organisationId: _o, ...l }) => l) };
}

async function replaceLaboratories(tx: Executor, organisationId: string, labs: Input["laboratories"]) {
  await tx.delete(laboratories).where(eq(laboratories.organisationId, organisationId));
  if (labs.length) await tx.insert(laboratories).values(labs.map((l) => ({ ...l, organisationId })));
}

export async function createOrganisation(ctx: Ctx, input: Input): Promise<Organisation> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    await validateReferences(ctx, tx, input);
    await assertUniqueTaxCode(tx, input.taxCode);
    const [row] = await tx
      .insert(organisations)
      .values({ ...columns(input), createdAt: now, updatedAt: now, createdBy: ctx.actor!.userId, updatedBy: ctx.actor!.userId })
      .returning();
    await replaceLaboratories(tx, row.id, input.laboratories);
    await audit(tx, ctx, { action: "organisation.create", entityType: "organisation", entityId: row.id, after: input });
    return row.id;
  });
  return getOrganisation(ctx, id);
}

export async function updateOrganisation(ctx: Ctx, id: string, input: Input & { version: number }): Promise<Organisation> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await loadOrganisation(tx, id);
    if (!before) throw notFound();
    authorize(ctx.actor, organisationPolicy, "update", before.o);
    await validateReferences(ctx, tx, input, id);
    await assertUniqueTaxCode(tx, input.taxCode, id);
    const updated = await tx
      .update(organisations)
      .set({ ...columns(input), updatedAt: now, updatedBy: ctx.actor!.userId, version: sql`${organisations.version} + 1` })
      .where(and(eq(organisations.id, id), eq(organisations.version, input.version)))
      .returning({ id: organisations.id });
    if (!updated.length) throw staleVersion(present(ctx, (await loadOrganisation(tx, id)) ?? before));
    await replaceLaboratories(tx, id, input.laboratories);
    const { version: _v, ...after } = input;
    await audit(tx, ctx, {
      action: "organisation.update",
      entityType: "organisation",
      entityId: id,
      before: snapshot(before),
      after,
    });
  });
  return getOrganisation(ctx, id);
}

export async function deleteOrganisation(ctx: Ctx, id: string, version: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await loadOrganisation(tx, id);
    if (!before) throw notFound();
    authorize(ctx.actor, organisationPolicy, "delete", before.o);
    if (before.o.version !== version) throw staleVersion(present(ctx, before));
    const [use] = await tx
      .execute<{ n: number }>(
        sql`
      SELECT (SELECT count(*) FROM people WHERE primary_organisation_id = ${id})
           + (SELECT count(*) FROM person_affiliations WHERE organisation_id = ${id})
           + (SELECT count(*) FROM organisations WHERE parent_id = ${id})
           + (SELECT count(*) FROM users WHERE organisation_id = ${id}) AS n`,
      )
      .then((r) => r.rows);
    if (Number(use?.n) > 0) throw new AppError("IN_USE", 409, "error.in_use");
    await tx.delete(organisations).where(eq(organisations.id, id));
    await audit(tx, ctx, { action: "organisation.delete", entityType: "organisation", entityId: id, before: snapshot(before) });
  });
}
