// API schema of the home dashboard (trang tổng quan): real counts from the people and organisations registries.
import { z } from "zod";

/** Age bands of R&D people, by age reached this year (current year − birth year); "unknown" = no birth year. */
export const AGE_GROUPS = ["under_30", "30_39", "40_49", "50_59", "60_plus", "unknown"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** A slice of a breakdown: a code of the matching code list, or null where the record has none. */
export const codeCount = z.object({ code: z.string().nullable(), count: z.number().int() });

export const dashboardSummary = z.object({
  counts: z.object({
    people: z.number().int(),
    /** people in the expert pool */
    experts: z.number().int(),
    organisations: z.number().int(),
    /** organisations of type "university" */
    universities: z.number().int(),
    /** laboratories whose accreditation (VILAS / ISO/IEC 17025) is in force today */
    laboratories: z.number().int(),
    /** people holding a doctorate (TS or TSKH) */
    doctorates: z.number().int(),
  }),
  peopleByDegree: z.array(codeCount),
  /** level-1 fields of science; a person working in two level-1 fields counts in both */
  peopleByField: z.array(codeCount),
  peopleByGender: z.array(codeCount),
  /** always all AGE_GROUPS, in that order */
  peopleByAgeGroup: z.array(z.object({ group: z.enum(AGE_GROUPS), count: z.number().int() })),
  organisationsByType: z.array(codeCount),
  organisationsByDistrict: z.array(codeCount),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;
