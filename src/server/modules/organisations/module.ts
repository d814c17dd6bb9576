import { defineModule } from "../../platform/module.js";
import { organisationRoutes } from "./organisations.routes.js";

export default defineModule({
  name: "organisations",
  routes: organisationRoutes,
});
