import { defineModule } from "../../platform/module.js";
import { processTemplateRoutes } from "./process-templates.routes.js";
import { syncProcessTemplates } from "./process-templates.service.js";

export default defineModule({
  name: "process-templates",
  routes: processTemplateRoutes,
  sync: syncProcessTemplates,
});
