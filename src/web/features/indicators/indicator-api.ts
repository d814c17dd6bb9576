// The indicator API as the web app uses it: the endpoints (the server's routes: src/server/modules/indicators), the
// query keys and query factories, and the command hooks of an indicator and of the input series. No indicator page
// writes a URL.
import type {
  ComputationItem,
  Indicator,
  IndicatorInput,
  IndicatorUpdate,
  IndicatorValueInput,
  RegistryFigures,
  Series,
  SeriesValueInput,
} from "../../../common/api/indicator";
import { api, type Query } from "../../app/api";
import { useRecordCommand } from "../../components/CommandDialog";

export const indicatorApi = {
  list: "/indicators",
  export: "/indicators/export",
  computations: "/indicators/computations",
  recount: "/indicators/computations/refresh",
  one: (id: string) => `/indicators/${id}`,
  exportOne: (id: string) => `/indicators/${id}/export`,
  value: (id: string, year: number) => `/indicators/${id}/values/${year}`,
  publish: (id: string) => `/indicators/${id}/publish`,
  unpublish: (id: string) => `/indicators/${id}/unpublish`,
  series: "/indicators/series",
  seriesValue: (key: string, year: number) => `/indicators/series/${encodeURIComponent(key)}/values/${year}`,
};

/** Public (no sign-in) endpoints, relative to /api/v1. */
export const indicatorKeys = {
  /** everything about indicators (values of input series feed computed indicators) */
  all: ["indicators"] as const,
  /** the list page (ListView keys it ["indicators", "list", query]) */
  lists: ["indicators", "list"] as const,
  one: (id: string) => ["indicators", "one", id] as const,
  series: ["indicators", "series"] as const,
  computations: ["indicators", "computations"] as const,
};

/** the list answers arrays, or { items } */
const items = <T>(d: T[] | { items: T[] }) => (Array.isArray(d) ? d : d.items);

export const indicatorsApi = {
  get: (id: string) => api.get<Indicator>(indicatorApi.one(id)),
  create: (body: IndicatorInput) => api.post<Indicator>(indicatorApi.list, body),
  update: (id: string, body: IndicatorUpdate) => api.put<Indicator>(indicatorApi.one(id), body),
  saveValue: (id: string, year: number, body: IndicatorValueInput) => api.put<Indicator>(indicatorApi.value(id, year), body),
  deleteValue: (id: string, year: number, version: number | null) => api.delete<Indicator>(indicatorApi.value(id, year), { version }),
  publish: (id: string, version: number) => api.post<Indicator>(indicatorApi.publish(id), { version }),
  unpublish: (id: string, version: number) => api.post<Indicator>(indicatorApi.unpublish(id), { version }),
  recount: () => api.post<RegistryFigures>(indicatorApi.recount, {}),
  computations: async () => items(await api.get<ComputationItem[] | { items: ComputationItem[] }>(indicatorApi.computations)),
  series: async () => items(await api.get<Series[] | { items: Series[] }>(indicatorApi.series)),
  saveSeriesValue: (key: string, year: number, body: SeriesValueInput) => api.put<Series>(indicatorApi.seriesValue(key, year), body),
  deleteSeriesValue: (key: string, year: number, version: number) => api.delete<Series>(indicatorApi.seriesValue(key, year), { version }),
};

export const indicatorQuery = (id: string) => ({
  queryKey: indicatorKeys.one(id),
  queryFn: () => indicatorsApi.get(id),
});

export const seriesQuery = () => ({ queryKey: indicatorKeys.series, queryFn: indicatorsApi.series });

export const computationsQuery = () => ({ queryKey: indicatorKeys.computations, queryFn: indicatorsApi.computations });

/** Commands on one indicator (values, publish): the answered indicator replaces the cached one; the list refreshes. */
export function useIndicatorCommand(id: string) {
  return useRecordCommand(indicatorKeys.one(id), { lists: [indicatorKeys.lists] });
}

/** Commands on the input series (values): the series reload, and every indicator, since computed ones use them. */
export function useSeriesCommand() {
  return useRecordCommand(indicatorKeys.series, { lists: [indicatorKeys.all] });
}

export type { Query };
