// Figures the computed indicators take from the registries, kept in `registry_figures` (migration 0023).
// Counting the S&T workforce walks the whole people registry and its affiliations; the upkeep recomputes it every 15
// minutes (platform/maintenance.ts), staff may recompute at once (POST /indicators/computations/refresh), and reads take
// the stored row. A read finds no row of the current year only before the first upkeep run after start-up or after
// New Year: it then counts live without storing (reads never write).
//
// The S&T workforce: people whose degree is TSKH, TS, ThS or ĐH (DSc, PhD, master, bachelor) and who work at an
// organisation of type university, college, rd_institute, st_service or st_enterprise — their primary organisation
// or an affiliation current on the day (no end date or ending that day or later; no start date or started by then);
// each person counted once. Postgraduates are those of them with TSKH, TS or ThS.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import { type Clock, vietnamDate } from "../../platform/clock.js";

export const RD_ORG_TYPES = ["university", "college", "rd_institute", "st_service", "st_enterprise"] as const;
export const GRADUATE_DEGREES = ["TSKH", "TS", "ThS", "DH"] as const;
export const POSTGRADUATE_DEGREES = ["TSKH", "TS", "ThS"] as const;

export interface WorkforceFigures {
  total: number;
  postgraduate: number;
}
export interface RegistryFigures {
  /** the Vietnam date (YYYY-MM-DD) the figures describe */
  asOf: string;
  /** when they were counted and stored; null when counted live for this read */
  computedAt: string | null;
  workforce: WorkforceFigures;
}

const inList = (values: readonly string[]) => sql`(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** Counts the S&T workforce on a Vietnam date (YYYY-MM-DD). Two hashed semi-joins: by primary organisation, then by a
 *  current affiliation. */
export async function countWorkforce(db: Executor, today: string): Promise<WorkforceFigures> {
  const r = await db.execute<{ total: number; postgraduate: number }>(sql`
    WITH rd_org AS (
      SELECT id FROM organisations WHERE type IN ${inList(RD_ORG_TYPES)}
    ), staff AS (
      SELECT p.degree FROM people p
       WHERE p.degree IN ${inList(GRADUATE_DEGREES)}
         AND p.id IN (SELECT q.id FROM people q WHERE q.primary_organisation_id IN (SELECT id FROM rd_org)
                      UNION
                      SELECT a.person_id FROM person_affiliations a
                       WHERE a.organisation_id IN (SELECT id FROM rd_org)
                         AND (a.end_date IS NULL OR a.end_date >= ${today}::date)
                         AND (a.start_date IS NULL OR a.start_date <= ${today}::date))
    )
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE degree IN ${inList(POSTGRADUATE_DEGREES)})::int AS postgraduate
      FROM staff`);
  const row = r.rows[0];
  return { total: Number(row?.total ?? 0), postgraduate: Number(row?.postgraduate ?? 0) };
}

/** Counts the figures now and stores them (idempotent; on several servers at once the latest count stays). */
export async function refreshRegistryFigures(db: Executor, clock: Clock): Promise<RegistryFigures> {
  const now = clock.now();
  const asOf = vietnamDate(now);
  const workforce = await countWorkforce(db, asOf);
  await db.execute(sql`
    INSERT INTO registry_figures (key, as_of, figures, computed_at)
    VALUES ('workforce', ${asOf}::date, ${JSON.stringify(workforce)}::jsonb, ${now.toISOString()}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET as_of = EXCLUDED.as_of, figures = EXCLUDED.figures, computed_at = EXCLUDED.computed_at
     WHERE registry_figures.computed_at <= EXCLUDED.computed_at`);
  return { asOf, computedAt: now.toISOString(), workforce };
}

/** The stored figures when they are of today's year (YYYY-MM-DD in Vietnam), else a live count (not stored). */
export async function readRegistryFigures(db: Executor, today: string): Promise<RegistryFigures> {
  const r = await db.execute<{ as_of: string; figures: WorkforceFigures; computed_at: string | Date }>(sql`
    SELECT as_of::text AS as_of, figures, computed_at FROM registry_figures WHERE key = 'workforce'`);
  const row = r.rows[0];
  if (row && row.as_of.slice(0, 4) === today.slice(0, 4)) {
    return {
      asOf: row.as_of,
      computedAt: new Date(row.computed_at).toISOString(),
      workforce: { total: Number(row.figures.total ?? 0), postgraduate: Number(row.figures.postgraduate ?? 0) },
    };
  }
  return { asOf: today, computedAt: null, workforce: await countWorkforce(db, today) };
}
