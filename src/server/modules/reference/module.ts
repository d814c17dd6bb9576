import { defineModule } from "../../platform/module.js";
import { referenceRoutes } from "./reference.routes.js";
import { syncReferenceData } from "./reference.service.js";

export default defineModule({
  name: "reference",
  routes: referenceRoutes,
  sync: (db) => syncReferenceData(db),
});
