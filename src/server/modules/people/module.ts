import { defineModule } from "../../platform/module.js";
import { peopleRoutes } from "./people.routes.js";

export default defineModule({
  name: "people",
  routes: peopleRoutes,
});
