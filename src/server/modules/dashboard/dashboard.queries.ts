// The dashboard's aggregate SQL, in one place so a reviewer reads exactly what runs.
// Each breakdown is one GROUP BY over one table, largest first, ties by code in byte order (the same in both
// database modes) with "not recorded" (null) last. Counts come back as bigint (parsed to numbers by db/client.ts).
import { sql } from "drizzle-orm";

/** Headline counts: one pass over each table. `today` is a Vietnam-time calendar day (YYYY-MM-DD). */
export const countsQuery = (today: string) => sql`
  WITH p AS (
    SELECT count(*)                                        AS people,
           count(*) FILTER (WHERE is_expert)               AS experts,
           count(*) FILTER (WHERE degree IN ('TS', 'TSKH')) AS doctorates
    FROM people
  ), o AS (
    SELECT count(*)                                        AS organisations,
           count(*) FILTER (WHERE type = 'university')     AS universities
    FROM organisations
  ), l AS (
    -- accredited laboratories: accreditation without an expiry date, or not yet expired
    SELECT count(*) AS laboratories
    FROM laboratories
    WHERE expires_on IS NULL OR expires_on >= ${today}::date
  )
  SELECT p.people, p.experts, p.doctorates, o.organisations, o.universities, l.laboratories
  FROM p, o, l`;

/** People by highest degree (code of the "degree" list; null = not recorded). */
export const peopleByDegreeQuery = () => sql`
  SELECT degree AS code, count(*) AS count
  FROM people
  GROUP BY degree
  ORDER BY count DESC, degree COLLATE "C" NULLS LAST`;

/** People by gender ("male" | "female" | "other"; null = not recorded). */
export const peopleByGenderQuery = () => sql`
  SELECT gender AS code, count(*) AS count
  FROM people
  GROUP BY gender
  ORDER BY count DESC, gender COLLATE "C" NULLS LAST`;

/**
 * People by level-1 field of science. People store level-2 codes ("102"); the level-1 code is the first digit.
 * A person counts once per level-1 field they work in; people with no field count under null.
 */
export const peopleByFieldQuery = () => sql`
  SELECT f.code, count(*) AS count
  FROM people p
  LEFT JOIN LATERAL (SELECT DISTINCT left(x, 1) AS code FROM unnest(p.fields) AS x) f ON true
  GROUP BY f.code
  ORDER BY count DESC, f.code COLLATE "C" NULLS LAST`;

/** People by age band; the age is the one reached in `year` (year − birth_year), as statistics reports count it. */
export const peopleByAgeGroupQuery = (year: number) => sql`
  SELECT CASE
           WHEN birth_year IS NULL               THEN 'unknown'
           WHEN ${year}::int - birth_year < 30   THEN 'under_30'
           WHEN ${year}::int - birth_year < 40   THEN '30_39'
           WHEN ${year}::int - birth_year < 50   THEN '40_49'
           WHEN ${year}::int - birth_year < 60   THEN '50_59'
           ELSE '60_plus'
         END AS "group",
         count(*) AS count
  FROM people
  GROUP BY 1`;

/** Organisations by type (code of the "org_type" list). */
export const organisationsByTypeQuery = () => sql`
  SELECT type AS code, count(*) AS count
  FROM organisations
  GROUP BY type
  ORDER BY count DESC, type COLLATE "C" NULLS LAST`;

/** Organisations by district (code of the "district" list; null = not recorded). */
export const organisationsByDistrictQuery = () => sql`
  SELECT district AS code, count(*) AS count
  FROM organisations
  GROUP BY district
  ORDER BY count DESC, district COLLATE "C" NULLS LAST`;
