// The public results pages' API (no sign-in): their query keys and query factories. Kept apart from results-api.ts so
// that a public page loads no command dialogs or task modules of the signed-in app.
import type { PublicResult, PublicResultItem } from "../../../common/api/result";
import { api, type ListResult, type Query } from "../../app/api";

/** the public list's search, filters and page, as the URL holds them */
export type PublicResultsParams = Query;

export const publicResultKeys = {
  all: ["public-results"] as const,
  list: (query: object) => ["public-results", query] as const,
  one: (id: string) => ["public-results", "one", id] as const,
};

export const publicResultsQuery = (query: PublicResultsParams) => ({
  queryKey: publicResultKeys.list(query),
  queryFn: () => api.get<ListResult<PublicResultItem>>("/public/results", query),
});

export const publicResultQuery = (id: string) => ({
  queryKey: publicResultKeys.one(id),
  queryFn: () => api.get<PublicResult>(`/public/results/${id}`),
});
