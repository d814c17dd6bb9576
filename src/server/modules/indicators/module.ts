import { defineModule } from "../../platform/module.js";
import { indicatorRoutes, publicIndicatorRoutes } from "./indicators.routes.js";
import { syncIndicators } from "./indicators.sync.js";
import { refreshRegistryFigures } from "./registry-figures.js";
import { insertDemoIndicators } from "./indicators.demo.js";

export default defineModule({
  name: "indicators",
  routes: indicatorRoutes,
  // The public indicator routes are also at /api/public/indicators…: the same handlers as /api/v1/public/indicators.
  publicAlias: publicIndicatorRoutes,
  sync: syncIndicators,
  // Recounts the registry figures behind the computed indicators (registry-figures.ts).
  upkeep: (db, _config, clock) => refreshRegistryFigures(db, clock),
  demo: (tx, seed) => insertDemoIndicators(tx, seed.now),
});
