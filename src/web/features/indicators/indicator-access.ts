// What the indicator pages offer to whom: the server's general abilities (`me.can`) of the "indicator" and
// "statisticalSeries" policies (src/server/modules/indicators/indicators.policy.ts). Record actions (edit, enter
// values, publish, export) follow the record's own `abilities`.
import { ability } from "../../app/permissions";

export const indicatorAccess = {
  list: ability("indicator", "read"),
  create: ability("indicator", "create"),
  edit: ability("indicator", "edit"),
  export: ability("indicator", "export"),
  /** recount the people-registry figures behind computed indicators now */
  recount: ability("indicator", "refreshComputed"),
  /** the input series page (population, GDP, city spending) */
  series: ability("statisticalSeries", "read"),
};
