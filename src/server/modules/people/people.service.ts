// People registry (nhân lực KH&CN, chuyên gia): list with search/filter/sort, read, create, update with optimistic
// concurrency, delete, a person's correction of their own record, and the erasure that completes a deletion request.
// Contact data (email, phone, address) leaves the server only for staff and the person themself.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { organisations, people, personAffiliations } from "../../db/schema/index.js";
import type { Ctx, Executor, Tx } from "../../platform/context.js";
import { AppError, badInput, notFound, staleVersion } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import type { AuditAction } from "../../platform/audit-actions.js";
import { abilitiesOf, authorize, can } from "../../platform/policy.js";
import { Placeholders, countStatement, literal, pageTotal, searchCondition, totalOf, type Bind } from "../../platform/list.js";
import { prepared } from "../../db/prepared.js";
import { parseSort } from "../../../common/list.js";
import { currentList } from "../../../common/reference.js";
import { issueMessage } from "../../../common/validation-messages.js";
import {
  PERSON_SORTS,
  STAFF_MANAGED_PERSON_FIELDS,
  type Person,
  type PersonListQuery,
  type PersonSummary,
  personInput,
  personSelfUpdate,
  personUpdate,
} from "../../../common/api/person.js";
import { assertCodes } from "../reference/reference.service.js";
import { mayManagePersonRegistry, personPolicy } from "./people.policy.js";
import { vietnamDate } from "../../platform/clock.js";
import type { PersonActivities } from "../../../common/api/person-activities.js";
import { personActivitiesFor } from "./people.activities.js";

type Input = z.output<typeof personInput>;
type Update = z.output<typeof personUpdate>;

/** A field of science with all its sub-fields, so a level-1 filter ("2") finds people filed under "201", "202"… */
function fieldWithDescendants(code: string, day: string): string[] {
  const list = currentList("field", day).codes;
  const out = [code];
  for (let i = 0; i < out.length; i++) {
    for (const c of list) if (c.parent === out[i] && !out.includes(c.code)) out.push(c.code);
  }
  return out;
}

/**
 * The list filters as one SQL condition over `people` (also used by the people export); `day` picks the code lists.
 * `bind` puts each value in (platform/list.ts): a parameter, or a placeholder of the prepared list statement.
 */
export function personFilters(q: Omit<PersonListQuery, "page" | "pageSize" | "sort">, day: string, bind: Bind = literal): SQL | undefined {
  return and(
    searchCondition(people.searchText, q.q, bind),
    q.degree ? sql`${people.degree} = ${bind("degree", q.degree)}` : undefined,
    q.title ? sql`${people.title} = ${bind("title", q.title)}` : undefined,
    q.gender ? sql`${people.gender} = ${bind("gender", q.gender)}` : undefined,
    q.field ? sql`${people.fields} && ${bind("fields", fieldWithDescendants(q.field, day))}` : undefined,
    q.organisationId
      ? sql`(${people.primaryOrganisationId} = ${bind("organisationId", q.organisationId)} OR EXISTS (SELECT 1 FROM person_affiliations a WHERE a.person_id = ${people.id} AND a.organisation_id = ${bind("organisationId", q.organisationId)}))`
      : undefined,
    q.isExpert ? sql`${people.isExpert} = ${bind("isExpert", q.isExpert === "true")}` : undefined,
    q.birthYearFrom !== undefined ? sql`${people.birthYear} >= ${bind("birthYearFrom", q.birthYearFrom)}` : undefined,
    q.birthYearTo !== undefined ? sql`${people.birthYear} <= ${bind("birthYearTo", q.birthYearTo)}` : undefined,
  );
}

/**
 * ORDER BY for each sort key (also used by the people export). Names sort the Vietnamese way: given name (last
 * word), then full name. The "organisation" sort needs `organisations` left-joined on the primary organisation.
 */
export function personOrder(sort: string | undefined, day: string, bind: Bind = literal): SQL[] {
  const { key, desc } = parseSort(sort, PERSON_SORTS, "name");
  const dir = desc ? sql`DESC` : sql`ASC`;
  const byName = sql`${people.givenName} COLLATE vn ${dir}, ${people.fullName} COLLATE vn ${dir}`;
  const nameAsc = sql`${people.givenName} COLLATE vn, ${people.fullName} COLLATE vn`;
  const order: Record<(typeof PERSON_SORTS)[number], () => SQL> = {
    name: () => byName,
    birthYear: () => sql`${people.birthYear} ${dir} NULLS LAST, ${nameAsc}`,
    // Degrees in the order of their code list (TSKH, TS, ThS, ĐH, CĐ, khác), not alphabetically by code.
    degree: () =>
      sql`array_position(${bind(
        "degreeRank",
        currentList("degree", day).codes.map((c) => c.code),
      )}::text[], ${people.degree}) ${dir} NULLS LAST, ${nameAsc}`,
    organisation: () => sql`${organisations.nameVi} COLLATE vn ${dir} NULLS LAST, ${nameAsc}`,
    updatedAt: () => sql`${people.updatedAt} ${dir}`,
  };
  // The id breaks ties in the same direction, so the name sort reads the (given_name, full_name, id) index either way.
  return [order[key](), sql`${people.id} ${dir}`];
}

// The list's statements, prepared per shape (which filters are given, the sort): db/prepared.ts. The page carries
// the total (platform/list.ts totalOf); `count` answers only for a page past the end.
function peopleListStatements(db: Executor, where: SQL | undefined, order: SQL[], byOrganisation: boolean, name: string) {
  // The page's ids first, then their rows ("deferred join"): the id query can be answered from the covering sort
  // index (migration 0004) without visiting the table for every row it skips.
  let pageIds = db.select({ id: people.id }).from(people).$dynamic();
  if (byOrganisation) pageIds = pageIds.leftJoin(organisations, eq(organisations.id, people.primaryOrganisationId));
  pageIds = pageIds
    .where(where)
    .orderBy(...order)
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"));
  const page = db
    .select({
      id: people.id,
      fullName: people.fullName,
      birthYear: people.birthYear,
      gender: people.gender,
      degree: people.degree,
      title: people.title,
      fields: people.fields,
      isExpert: people.isExpert,
      orcid: people.orcid,
      primaryOrganisationId: people.primaryOrganisationId,
      primaryOrganisationName: organisations.nameVi,
      updatedAt: people.updatedAt,
      total: totalOf(people, where),
    })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.primaryOrganisationId))
    .where(inArray(people.id, pageIds))
    .orderBy(...order)
    .prepare(name && `${name}_page`);
  return { page, count: countStatement(db, people, where, name) };
}

export async function listPeople(ctx: Ctx, q: PersonListQuery) {
  const day = vietnamDate(ctx.clock.now());
  const p = new Placeholders();
  const where = personFilters(q, day, p.bind);
  const order = personOrder(q.sort, day, p.bind);
  const { key, desc } = parseSort(q.sort, PERSON_SORTS, "name");
  const byOrganisation = key === "organisation";
  const statements = prepared(
    ctx.db,
    `people_list:${key}:${desc ? "d" : "a"}:${p.shape}`,
    (db, name) => peopleListStatements(db, where, order, byOrganisation, name),
    { named: false }, // planned for the search phrase and filters of each request (db/prepared.ts)
  );
  const values = { ...p.values, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const { rows, total } = await pageTotal(await statements.page.execute(values), q.page, () => statements.count.execute(values));
  // Built field by field: contact data is not in a list item, whoever asks.
  const items: PersonSummary[] = rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function loadPerson(db: Executor, id: string) {
  const [row] = await db
    .select({ p: people, primaryOrganisationName: organisations.nameVi })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.primaryOrganisationId))
    .where(eq(people.id, id));
  if (!row) return null;
  const affiliations = await db
    .select({ a: personAffiliations, organisationName: organisations.nameVi })
    .from(personAffiliations)
    .innerJoin(organisations, eq(organisations.id, personAffiliations.organisationId))
    .where(eq(personAffiliations.personId, id))
    .orderBy(sql`${personAffiliations.endDate} DESC NULLS FIRST`, sql`${personAffiliations.startDate} DESC NULLS LAST`, personAffiliations.id);
  return { ...row, affiliations };
}
type Loaded = NonNullable<Awaited<ReturnType<typeof loadPerson>>>;

function present(ctx: Ctx, r: Loaded): Person {
  const { p } = r;
  return {
    id: p.id,
    fullName: p.fullName,
    givenName: p.givenName ?? p.fullName,
    birthYear: p.birthYear,
    gender: p.gender,
    degree: p.degree,
    title: p.title,
    fields: p.fields,
    keywords: p.keywords,
    orcid: p.orcid,
    contact: can(ctx.actor, personPolicy, "viewContact", p) ? { email: p.email, phone: p.phone, address: p.address } : null,
    isExpert: p.isExpert,
    expertSince: p.expertSince,
    primaryOrganisationId: p.primaryOrganisationId,
    primaryOrganisationName: r.primaryOrganisationName,
    affiliations: r.affiliations.map(({ a, organisationName }) => ({
      id: a.id,
      organisationId: a.organisationId,
      organisationName,
      position: a.position,
      startDate: a.startDate,
      endDate: a.endDate,
    })),
    education: p.education,
    languages: p.languages,
    awards: p.awards,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    abilities: abilitiesOf(ctx.actor, personPolicy, p),
  };
}

/** Reads one person as the actor may see it, through the given executor (a transaction's, when inside one). */
export async function readPerson(ctx: Ctx, db: Executor, id: string): Promise<Person> {
  const r = await loadPerson(db, id);
  if (!r) throw notFound();
  authorize(ctx.actor, personPolicy, "read", r.p);
  return present(ctx, r);
}

export const getPerson = (ctx: Ctx, id: string) => readPerson(ctx, ctx.db, id);

/** The person's activities (people.activities.ts) for whoever may read the person; 404 for a person that does not exist. */
export async function getPersonActivities(ctx: Ctx, id: string): Promise<PersonActivities> {
  const [row] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.id, id));
  if (!row) throw notFound();
  authorize(ctx.actor, personPolicy, "read", row);
  return personActivitiesFor(ctx, ctx.db, id);
}

async function validateReferences(ctx: Ctx, db: Executor, input: Input) {
  const day = vietnamDate(ctx.clock.now());
  await assertCodes(db, day, "degree", [input.degree], "degree");
  await assertCodes(db, day, "title", [input.title], "title");
  await assertCodes(db, day, "field", input.fields, "fields");
  // Each degree of the training history is a level of the same code list as the current degree.
  for (const [i, e] of input.education.entries()) await assertCodes(db, day, "degree", [e.level], `education.${i}.level`);
  const wanted = [
    ...(input.primaryOrganisationId ? [{ id: input.primaryOrganisationId, path: "primaryOrganisationId" }] : []),
    ...input.affiliations.map((a, i) => ({ id: a.organisationId, path: `affiliations.${i}.organisationId` })),
  ];
  if (!wanted.length) return;
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(wanted.map((w) => w.id))]));
  const known = new Set(found.map((f) => f.id));
  const missing = wanted.find((w) => !known.has(w.id));
  if (missing) {
    throw badInput("person.unknown_organisation", {}, [{ path: missing.path, code: "not_found", message: missing.id }]);
  }
}

const orcidTaken = (orcid: string) => new AppError("DUPLICATE", 409, "person.orcid_taken", [{ path: "orcid", code: "duplicate", message: orcid }], { orcid });

async function assertUniqueOrcid(db: Executor, orcid: string | null, selfId?: string) {
  if (!orcid) return;
  const [dup] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orcid, orcid), selfId ? sql`${people.id} <> ${selfId}` : undefined));
  if (dup) throw orcidTaken(orcid);
}

/** The unique index catches a race the check above cannot; drizzle wraps the driver's error in `cause`. */
function rethrowOrcidRace(orcid: string | null) {
  return (e: unknown): never => {
    const err = e as { code?: string; cause?: { code?: string; constraint?: string } };
    if ((err.code ?? err.cause?.code) === "23505" && orcid) throw orcidTaken(orcid);
    throw e;
  };
}

const columns = (input: Omit<Input, "affiliations">) => ({
  fullName: input.fullName,
  birthYear: input.birthYear,
  gender: input.gender,
  degree: input.degree,
  title: input.title,
  fields: input.fields,
  keywords: input.keywords,
  orcid: input.orcid,
  email: input.email,
  phone: input.phone,
  address: input.address,
  isExpert: input.isExpert,
  expertSince: input.expertSince,
  primaryOrganisationId: input.primaryOrganisationId,
  education: input.education,
  languages: input.languages,
  awards: input.awards,
});

/** The editable content of a stored person, for the audit trail and for merging a person's own corrections. */
function snapshot(r: Loaded): Input {
  const p = r.p;
  return {
    ...columns(p),
    affiliations: r.affiliations.map(({ a }) => ({
      organisationId: a.organisationId,
      position: a.position,
      startDate: a.startDate,
      endDate: a.endDate,
    })),
  };
}

async function replaceAffiliations(tx: Executor, personId: string, list: Input["affiliations"]) {
  await tx.delete(personAffiliations).where(eq(personAffiliations.personId, personId));
  if (list.length) await tx.insert(personAffiliations).values(list.map((a) => ({ ...a, personId })));
}

export async function createPerson(ctx: Ctx, input: Input): Promise<Person> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    await validateReferences(ctx, tx, input);
    await assertUniqueOrcid(tx, input.orcid);
    const [row] = await tx
      .insert(people)
      .values({ ...columns(input), createdAt: now, updatedAt: now, createdBy: ctx.actor!.userId, updatedBy: ctx.actor!.userId })
      .returning({ id: people.id })
      .catch(rethrowOrcidRace(input.orcid));
    await replaceAffiliations(tx, row.id, input.affiliations);
    await audit(tx, ctx, { action: "person.create", entityType: "person", entityId: row.id, after: input });
    return row.id;
  });
  return getPerson(ctx, id);
}

/**
 * One write path for staff edits and a person's own corrections: load, authorise, check the version, build the new
 * content from the stored one, validate, update WHERE version matches, replace affiliations, audit — one transaction.
 */
async function writePerson(ctx: Ctx, id: string, action: AuditAction, build: (current: Input) => Update): Promise<Person> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await loadPerson(tx, id);
    if (!before) throw notFound();
    authorize(ctx.actor, personPolicy, "update", before.p);
    const current = snapshot(before);
    const input = build(current);
    if (input.version !== before.p.version) throw staleVersion(present(ctx, before));
    if (!mayManagePersonRegistry(ctx.actor!)) {
      const changed = STAFF_MANAGED_PERSON_FIELDS.filter((f) => input[f] !== current[f]);
      if (changed.length) {
        throw new AppError(
          "FORBIDDEN",
          403,
          "person.staff_managed_fields",
          changed.map((f) => ({ path: f, code: "staff_managed", message: f })),
          { fields: changed.join(", ") },
        );
      }
    }
    await validateReferences(ctx, tx, input);
    await assertUniqueOrcid(tx, input.orcid, id);
    const updated = await tx
      .update(people)
      .set({ ...columns(input), updatedAt: now, updatedBy: ctx.actor!.userId, version: sql`${people.version} + 1` })
      .where(and(eq(people.id, id), eq(people.version, input.version)))
      .returning({ id: people.id })
      .catch(rethrowOrcidRace(input.orcid));
    if (!updated.length) throw staleVersion(present(ctx, (await loadPerson(tx, id)) ?? before));
    await replaceAffiliations(tx, id, input.affiliations);
    const { version: _v, ...after } = input;
    await audit(tx, ctx, { action, entityType: "person", entityId: id, before: current, after });
  });
  return getPerson(ctx, id);
}

export const updatePerson = (ctx: Ctx, id: string, input: Update) => writePerson(ctx, id, "person.update", () => input);

/**
 * A person corrects their own record (PUT /me/person): the fields sent replace the stored ones, "" or null clears
 * a field, and everything else — affiliations, expert-pool membership — stays as the Department keeps it.
 */
export function correctOwnPerson(ctx: Ctx, id: string, patch: z.output<typeof personSelfUpdate>) {
  return writePerson(ctx, id, "person.update_self", (current) => {
    const merged: Record<string, unknown> = { ...current, affiliations: current.affiliations };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) merged[k] = v === "" ? null : v;
    const r = personUpdate.safeParse(merged);
    if (!r.success) {
      throw badInput(
        "error.validation",
        {},
        r.error.issues.map((i) => ({ path: ["body", ...i.path].join("."), code: i.code, message: issueMessage(i, ctx.lang) })),
      );
    }
    return r.data;
  });
}

export async function deletePerson(ctx: Ctx, id: string, version: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await loadPerson(tx, id);
    if (!before) throw notFound();
    authorize(ctx.actor, personPolicy, "delete", before.p);
    if (before.p.version !== version) throw staleVersion(present(ctx, before));
    // Linked accounts and deletion requests keep their rows (the link is set to null); consents and affiliations go
    // with the person. A record another feature points to (a project, a council seat…) is in use: 409.
    await tx
      .delete(people)
      .where(eq(people.id, id))
      .catch((e: { code?: string; cause?: { code?: string } }) => {
        if ((e.code ?? e.cause?.code) === "23503") throw new AppError("IN_USE", 409, "error.in_use");
        throw e;
      });
    await audit(tx, ctx, { action: "person.delete", entityType: "person", entityId: id, before: snapshot(before) });
  });
}

/**
 * The personal data a completed deletion request erases. Degree, title, gender, fields and affiliations stay (anonymous
 * statistics); the CV's training history, languages and awards go: with their places and years they name the person.
 */
export const ERASED_PERSON_FIELDS = [
  "fullName",
  "birthYear",
  "keywords",
  "orcid",
  "email",
  "phone",
  "address",
  "isExpert",
  "expertSince",
  "education",
  "languages",
  "awards",
] as const;

/** Name given to an erased person: "Đã xoá" and the first 8 characters of the record id. */
export const erasedName = (personId: string) => `Đã xoá ${personId.slice(0, 8)}`;

/**
 * Erases a person's personal data inside the caller's transaction (completing a deletion request). The audit row
 * names the erased fields only: copying their values into the append-only audit log would defeat the erasure.
 */
export async function erasePersonalData(tx: Tx, ctx: Ctx, personId: string, deletionRequestId: string) {
  const [p] = await tx.select().from(people).where(eq(people.id, personId)).for("update");
  if (!p) return null;
  const filled = (f: (typeof ERASED_PERSON_FIELDS)[number]) => {
    const v = p[f];
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== false;
  };
  const erasedFields = ERASED_PERSON_FIELDS.filter(filled);
  await tx
    .update(people)
    .set({
      fullName: erasedName(personId),
      birthYear: null,
      keywords: [],
      orcid: null,
      email: null,
      phone: null,
      address: null,
      isExpert: false,
      expertSince: null,
      education: [],
      languages: [],
      awards: [],
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.actor?.userId ?? null,
      version: sql`${people.version} + 1`,
    })
    .where(eq(people.id, personId));
  await audit(tx, ctx, {
    action: "person.erase",
    entityType: "person",
    entityId: personId,
    details: { deletionRequestId, erasedFields },
  });
  return erasedFields;
}
