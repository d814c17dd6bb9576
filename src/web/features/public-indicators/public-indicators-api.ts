// The public indicators pages' addresses (no sign-in), kept apart from the indicators feature's API module so that a
// public page loads nothing of the signed-in app (command dialogs, forms).
export const publicIndicatorApi = {
  list: "/public/indicators",
  one: (code: string) => `/public/indicators/${encodeURIComponent(code)}`,
  /** open data: absolute paths for plain links */
  dataJson: (code: string) => `/api/v1/public/indicators/${encodeURIComponent(code)}/data.json`,
  dataCsv: (code: string) => `/api/v1/public/indicators/${encodeURIComponent(code)}/data.csv`,
  dataXlsx: (code: string) => `/api/v1/public/indicators/${encodeURIComponent(code)}/data.xlsx`,
};
