// The indicator endpoints the pages call (the server's routes: src/server/modules/indicators), in one place.
import type { Query } from "../../app/api";

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
export const publicIndicatorApi = {
  list: "/public/indicators",
  one: (code: string) => `/public/indicators/${encodeURIComponent(code)}`,
  /** open data: absolute paths for plain links */
  dataJson: (code: string) => `/api/v1/public/indicators/${encodeURIComponent(code)}/data.json`,
  dataCsv: (code: string) => `/api/v1/public/indicators/${encodeURIComponent(code)}/data.csv`,
  dataXlsx: (code: string) => `/api/v1/public/indicators/${encodeURIComponent(code)}/data.xlsx`,
};

export type { Query };
