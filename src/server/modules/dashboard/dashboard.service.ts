// Home dashboard: real counts and breakdowns from the people and organisations registries.
import type { SQL } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { AGE_GROUPS, type AgeGroup, type DashboardSummary } from "../../../common/api/dashboard.js";
import {
  countsQuery,
  organisationsByDistrictQuery,
  organisationsByTypeQuery,
  peopleByAgeGroupQuery,
  peopleByDegreeQuery,
  peopleByFieldQuery,
  peopleByGenderQuery,
} from "./dashboard.queries.js";
import { vietnamDate } from "../../platform/clock.js";

type CodeCount = { code: string | null; count: number };

export async function dashboardSummary(ctx: Ctx): Promise<DashboardSummary> {
  const today = vietnamDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const rows = <T extends Record<string, unknown>>(q: SQL) => ctx.db.execute<T>(q).then((r) => r.rows);
  const codeCounts = (q: SQL) => rows<CodeCount>(q).then((r) => r.map((x) => ({ code: x.code, count: Number(x.count) })));

  const [counts, peopleByDegree, peopleByField, peopleByGender, ages, organisationsByType, organisationsByDistrict] = await Promise.all([
    rows<Record<keyof DashboardSummary["counts"], number>>(countsQuery(today)),
    codeCounts(peopleByDegreeQuery()),
    codeCounts(peopleByFieldQuery()),
    codeCounts(peopleByGenderQuery()),
    rows<{ group: AgeGroup; count: number }>(peopleByAgeGroupQuery(year)),
    codeCounts(organisationsByTypeQuery()),
    codeCounts(organisationsByDistrictQuery()),
  ]);

  const c = counts[0];
  const byAge = new Map(ages.map((a) => [a.group, Number(a.count)]));
  return {
    counts: {
      people: Number(c.people),
      experts: Number(c.experts),
      organisations: Number(c.organisations),
      universities: Number(c.universities),
      laboratories: Number(c.laboratories),
      doctorates: Number(c.doctorates),
    },
    peopleByDegree,
    peopleByField,
    peopleByGender,
    peopleByAgeGroup: AGE_GROUPS.map((group) => ({ group, count: byAge.get(group) ?? 0 })),
    organisationsByType,
    organisationsByDistrict,
  };
}
