// The public results pages' API (no sign-in): their query keys and query factories. Kept apart from results-api.ts so
// that a public page loads no command dialogs or task modules of the signed-in app.
import type { PublicResult, PublicResultItem } from "../../../common/api/result";
import { api, withQuery, type ListResult, type Query } from "../../app/api";
import { codeListRequest } from "../../components/reference";

/** the public list's search, filters and page, as the URL holds them */
export type PublicResultsParams = Query;

export const publicResultKeys = {
  all: ["public-results"] as const,
  list: (query: object) => ["public-results", query] as const,
  one: (id: string) => ["public-results", "one", id] as const,
};

/** The list's search, filters and page from the page's address (the page and its rendering on the server read it so). */
export const publicResultsParams = (sp: URLSearchParams) => ({
  q: sp.get("q") ?? undefined,
  fieldCode: sp.get("fieldCode") ?? undefined,
  sectorCode: sp.get("sectorCode") ?? undefined,
  year: sp.get("year") ?? undefined,
  page: Number(sp.get("page") ?? 1) || 1,
  pageSize: 20,
});

export const publicResultsQuery = (query: PublicResultsParams) => ({
  queryKey: publicResultKeys.list(query),
  queryFn: () => api.get<ListResult<PublicResultItem>>("/public/results", query),
});

/**
 * What the list page reads at its first render, as query keys and the API addresses (under /api/v1) that answer them:
 * the server renders the page with them (app/prerender.tsx `liveQueries`).
 */
export const publicResultsPageQueries = (sp: URLSearchParams) => {
  const query = publicResultsParams(sp);
  return [{ queryKey: publicResultKeys.list(query), path: withQuery("/public/results", query) }, codeListRequest("field"), codeListRequest("sector")];
};

export const publicResultQuery = (id: string) => ({
  queryKey: publicResultKeys.one(id),
  queryFn: () => api.get<PublicResult>(`/public/results/${id}`),
});

/** What a result's public page reads at its first render (its record and the code lists it labels with). */
export const publicResultPageQueries = (id: string) => [
  { queryKey: publicResultKeys.one(id), path: `/public/results/${encodeURIComponent(id)}` },
  codeListRequest("field"),
  codeListRequest("sector"),
];
