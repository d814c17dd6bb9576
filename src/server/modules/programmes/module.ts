import { defineModule } from "../../platform/module.js";
import { programmeRoutes } from "./programmes.routes.js";
import { insertDemoProgrammesAndCalls } from "./programmes.demo.js";

export default defineModule({
  name: "programmes",
  routes: programmeRoutes,
  demo: (tx, seed) => insertDemoProgrammesAndCalls(tx, seed.now),
});
