import { and, eq, sql } from "drizzle-orm";
import { CODE_LISTS, type CodeListKey } from "../../../common/reference.js";
import { codeListVersions, codes } from "../../db/schema/index.js";
import type { Db, Executor } from "../../platform/context.js";
import { badInput } from "../../platform/errors.js";

/** Loads the code-list versions defined in src/common/reference.ts that the database does not have yet. */
export async function syncReferenceData(db: Db) {
  await db.transaction(async (tx) => {
    for (const list of CODE_LISTS) {
      const inserted = await tx
        .insert(codeListVersions)
        .values({
          listKey: list.key,
          version: list.version,
          effectiveFrom: list.effectiveFrom,
          legalBasis: list.legalBasis,
          note: list.note ?? null,
        })
        .onConflictDoNothing()
        .returning();
      if (!inserted.length) continue;
      await tx.insert(codes).values(
        list.codes.map((c, i) => ({
          listKey: list.key,
          version: list.version,
          code: c.code,
          parentCode: c.parent ?? null,
          level: c.level ?? 1,
          labelVi: c.vi,
          labelEn: c.en,
          sortOrder: i,
        })),
      );
    }
  });
}

export interface CodeRow {
  code: string;
  parentCode: string | null;
  level: number;
  labelVi: string;
  labelEn: string;
}

/** The version of a list in force on `day` (a Vietnamese calendar date, YYYY-MM-DD): the newest whose effective date has
 *  come. The day comes from the request's clock (`vietnamDate(ctx.clock.now())`), never the database's `current_date`,
 *  which is the server's UTC day and ignores the test clock. */
export async function currentCodes(db: Executor, key: CodeListKey, day: string): Promise<{ version: number; codes: CodeRow[] }> {
  const v = await db
    .select({ version: codeListVersions.version })
    .from(codeListVersions)
    .where(and(eq(codeListVersions.listKey, key), sql`${codeListVersions.effectiveFrom} <= ${day}::date`))
    .orderBy(sql`${codeListVersions.version} DESC`)
    .limit(1);
  const version = v[0]?.version ?? 1;
  const rows = await db
    .select({
      code: codes.code,
      parentCode: codes.parentCode,
      level: codes.level,
      labelVi: codes.labelVi,
      labelEn: codes.labelEn,
    })
    .from(codes)
    .where(and(eq(codes.listKey, key), eq(codes.version, version)))
    .orderBy(codes.sortOrder);
  return { version, codes: rows };
}

export async function listVersions(db: Executor) {
  return db.select().from(codeListVersions).orderBy(codeListVersions.listKey, codeListVersions.version);
}

const cache = new Map<string, { at: number; set: Set<string> }>();

/** Throws a 400 naming the first code that is not in the list in force on `day`. Cached for 30 s per process and day. */
export async function assertCodes(db: Executor, day: string, key: CodeListKey, values: (string | null | undefined)[], path: string) {
  const present = values.filter((v): v is string => !!v);
  if (!present.length) return;
  const cacheKey = `${key}@${day}`;
  let entry = cache.get(cacheKey);
  if (!entry || Date.now() - entry.at > 30_000) {
    if (cache.size > 64) cache.clear();
    entry = { at: Date.now(), set: new Set((await currentCodes(db, key, day)).codes.map((c) => c.code)) };
    cache.set(cacheKey, entry);
  }
  for (const v of present) {
    if (!entry.set.has(v)) {
      throw badInput("reference.unknown_code", { code: v, list: key }, [{ path, code: "unknown_code", message: v }]);
    }
  }
}
