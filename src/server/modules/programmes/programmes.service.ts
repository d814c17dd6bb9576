// S&T programmes (chương trình KH&CN): list with search/filter/sort, read, create, update with optimistic concurrency.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { programmes } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, badInput, notFound, staleVersion } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import { parseSort } from "../../../common/list.js";
import { PROGRAMME_SORTS, type Programme, type ProgrammeListQuery, type ProgrammeSummary, programmeInput } from "../../../common/api/programme.js";
import { assertCodes } from "../reference/reference.service.js";
import { programmePolicy } from "./programmes.policy.js";
import type { z } from "zod";
import { vietnamDate } from "../../platform/clock.js";

type Input = z.output<typeof programmeInput>;

// Correlated subqueries name the outer table explicitly (see ARCHITECTURE.md, "Drizzle trap").
const outer = { id: sql.raw(`"programmes"."id"`), org: sql.raw(`"programmes"."managing_organisation_id"`) };
const orgNameSql = sql<string | null>`(SELECT o.name_vi FROM organisations o WHERE o.id = ${outer.org})`;
const callCountSql = sql<number>`(SELECT count(*)::int FROM calls c WHERE c.programme_id = ${outer.id})`;

export function programmeFilters(q: Omit<ProgrammeListQuery, "page" | "pageSize" | "sort">): SQL | undefined {
  return and(
    searchCondition(programmes.searchText, q.q),
    q.status ? eq(programmes.status, q.status) : undefined,
    q.sector ? sql`${q.sector} = ANY(${programmes.sectors})` : undefined,
    q.field ? sql`${q.field} = ANY(${programmes.fields})` : undefined,
    q.year !== undefined ? sql`${programmes.startYear} <= ${q.year} AND ${programmes.endYear} >= ${q.year}` : undefined,
  );
}

export async function listProgrammes(ctx: Ctx, q: ProgrammeListQuery) {
  const where = programmeFilters(q);
  const { key, desc } = parseSort(q.sort, PROGRAMME_SORTS, "code");
  const dir = desc ? sql`DESC` : sql`ASC`;
  const order: Record<(typeof PROGRAMME_SORTS)[number], SQL> = {
    code: sql`${programmes.code} ${dir}`,
    name: sql`${programmes.nameVi} COLLATE vn ${dir}`,
    startYear: sql`${programmes.startYear} ${dir}, ${programmes.code}`,
    updatedAt: sql`${programmes.updatedAt} ${dir}`,
  };
  const [rows, total] = await Promise.all([
    ctx.db
      .select({
        id: programmes.id,
        code: programmes.code,
        nameVi: programmes.nameVi,
        nameEn: programmes.nameEn,
        startYear: programmes.startYear,
        endYear: programmes.endYear,
        managingOrganisationName: orgNameSql,
        totalBudget: programmes.totalBudget,
        sectors: programmes.sectors,
        status: programmes.status,
        updatedAt: programmes.updatedAt,
      })
      .from(programmes)
      .where(where)
      .orderBy(order[key], programmes.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(programmes, where),
  ]);
  const items: ProgrammeSummary[] = rows.map((r) => ({ ...r, totalBudget: Number(r.totalBudget), updatedAt: r.updatedAt.toISOString() }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function loadProgramme(db: Executor, id: string) {
  const [row] = await db.select({ p: programmes, managingOrganisationName: orgNameSql, callCount: callCountSql }).from(programmes).where(eq(programmes.id, id));
  return row ?? null;
}

function present(ctx: Ctx, r: NonNullable<Awaited<ReturnType<typeof loadProgramme>>>): Programme {
  const { p } = r;
  return {
    id: p.id,
    code: p.code,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    objectives: p.objectives,
    startYear: p.startYear,
    endYear: p.endYear,
    managingOrganisationId: p.managingOrganisationId,
    managingOrganisationName: r.managingOrganisationName,
    totalBudget: Number(p.totalBudget),
    sectors: p.sectors,
    fields: p.fields,
    status: p.status,
    callCount: r.callCount,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    abilities: abilitiesOf(ctx.actor, programmePolicy, p),
  };
}

export async function getProgramme(ctx: Ctx, id: string): Promise<Programme> {
  const r = await loadProgramme(ctx.db, id);
  if (!r) throw notFound();
  authorize(ctx.actor, programmePolicy, "read", r.p);
  return present(ctx, r);
}

async function validate(ctx: Ctx, db: Executor, input: Input, selfId?: string) {
  const day = vietnamDate(ctx.clock.now());
  await assertCodes(db, day, "sector", input.sectors, "sectors");
  await assertCodes(db, day, "field", input.fields, "fields");
  if (input.managingOrganisationId) {
    const r = await db.execute<{ ok: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM organisations WHERE id = ${input.managingOrganisationId}) AS ok`);
    if (!r.rows[0]?.ok) throw badInput("error.invalid_reference", {}, [{ path: "managingOrganisationId", code: "not_found", message: "" }]);
  }
  const [dup] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.code, input.code), selfId ? sql`${programmes.id} <> ${selfId}` : undefined));
  if (dup) throw new AppError("DUPLICATE", 409, "error.duplicate", [{ path: "code", code: "duplicate", message: input.code }], { field: "mã / code" });
}

const columns = (input: Input) => ({
  code: input.code,
  nameVi: input.nameVi,
  nameEn: input.nameEn,
  objectives: input.objectives,
  startYear: input.startYear,
  endYear: input.endYear,
  managingOrganisationId: input.managingOrganisationId,
  totalBudget: input.totalBudget,
  sectors: input.sectors,
  fields: input.fields,
  status: input.status,
});

function snapshot(p: typeof programmes.$inferSelect) {
  const { id: _id, searchText: _s, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, version: _v, ...content } = p;
  return content;
}

export async function createProgramme(ctx: Ctx, input: Input): Promise<Programme> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    await validate(ctx, tx, input);
    const [row] = await tx
      .insert(programmes)
      .values({ ...columns(input), createdAt: now, updatedAt: now, createdBy: ctx.actor!.userId, updatedBy: ctx.actor!.userId })
      .returning({ id: programmes.id });
    await audit(tx, ctx, { action: "programme.create", entityType: "programme", entityId: row.id, after: input });
    return row.id;
  });
  return getProgramme(ctx, id);
}

export async function updateProgramme(ctx: Ctx, id: string, input: Input & { version: number }): Promise<Programme> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await loadProgramme(tx, id);
    if (!before) throw notFound();
    authorize(ctx.actor, programmePolicy, "update", before.p);
    await validate(ctx, tx, input, id);
    const updated = await tx
      .update(programmes)
      .set({ ...columns(input), updatedAt: now, updatedBy: ctx.actor!.userId, version: sql`${programmes.version} + 1` })
      .where(and(eq(programmes.id, id), eq(programmes.version, input.version)))
      .returning({ id: programmes.id });
    if (!updated.length) throw staleVersion(present(ctx, (await loadProgramme(tx, id)) ?? before));
    const { version: _v, ...after } = input;
    await audit(tx, ctx, { action: "programme.update", entityType: "programme", entityId: id, before: snapshot(before.p), after });
  });
  return getProgramme(ctx, id);
}
