// The funding plan API as the web app uses it: every endpoint, the query keys and the query factories. The pages
// call these; no funding-plan page writes a URL.
import type { Actual, ActualInput, ActualUpdate, FundingPlanList, FundingPlanVersion, ScenarioInput, Tracking } from "../../../common/api/funding-plan";
import { api } from "../../app/api";
import { useRecordCommand } from "../../components/CommandDialog";

const base = "/funding-plans";
const one = (id: string) => `${base}/${id}`;
const actual = (id: string) => `${base}/actuals/${id}`;

export const fundingPlanEndpoints = {
  list: base,
  one,
  export: (id: string) => `${one(id)}/export.xlsx`,
  tracking: `${base}/tracking`,
  actuals: `${base}/actuals`,
  actual,
} as const;

export const fundingPlanKeys = {
  /** everything about the funding plan */
  all: ["funding-plans"] as const,
  /** the versions (baseline and scenarios) with the list's abilities */
  list: ["funding-plans", "list"] as const,
  /** one version, in the reader's language (its arithmetic sentences are rendered by the server) */
  one: (id: string, lang: string) => ["funding-plans", "one", id, lang] as const,
  /** the actual allocations tracked against the plan */
  tracking: ["funding-plans", "tracking"] as const,
};

export const fundingPlansApi = {
  list: () => api.get<FundingPlanList>(base),
  get: (id: string) => api.get<FundingPlanVersion>(one(id)),
  createScenario: (body: ScenarioInput) => api.post<FundingPlanVersion>(base, body),
  tracking: () => api.get<Tracking>(fundingPlanEndpoints.tracking),
  createActual: (body: ActualInput) => api.post<Actual>(fundingPlanEndpoints.actuals, body),
  updateActual: (id: string, body: ActualUpdate) => api.put<Actual>(actual(id), body),
  deleteActual: (id: string, version: number) => api.delete(actual(id), { version }),
};

export const fundingPlanListQuery = () => ({ queryKey: fundingPlanKeys.list, queryFn: fundingPlansApi.list });

export const fundingPlanVersionQuery = (id: string, lang: string) => ({
  queryKey: fundingPlanKeys.one(id, lang),
  queryFn: () => fundingPlansApi.get(id),
});

export const trackingQuery = () => ({ queryKey: fundingPlanKeys.tracking, queryFn: fundingPlansApi.tracking });

/** Saving a scenario: a new version; the list of versions reloads. */
export function useScenarioCommand() {
  return useRecordCommand(fundingPlanKeys.list);
}

/** Recording, correcting or deleting a year's actual allocations: the tracking (its record) reloads. */
export function useActualsCommand() {
  return useRecordCommand(fundingPlanKeys.tracking);
}
