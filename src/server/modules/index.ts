// Every feature's routes, mounted under /api/v1. A new feature adds one line here.
import type { FastifyPluginAsync } from "fastify";
import { authRoutes } from "./auth/auth.routes.js";
import { referenceRoutes } from "./reference/reference.routes.js";
import { organisationRoutes } from "./organisations/organisations.routes.js";
import { userRoutes } from "./users/users.routes.js";
import { auditRoutes } from "./audit/audit.routes.js";
import { dashboardRoutes } from "./dashboard/dashboard.routes.js";
import { peopleRoutes } from "./people/people.routes.js";
import { meRoutes } from "./me/me.routes.js";
import { deletionRequestRoutes } from "./deletion-requests/deletion-requests.routes.js";
import { importRoutes } from "./imports/imports.routes.js";
import { exportRoutes } from "./exports/exports.routes.js";
import { programmeRoutes } from "./programmes/programmes.routes.js";
import { callRoutes } from "./calls/calls.routes.js";
import { processTemplateRoutes } from "./process-templates/process-templates.routes.js";

export const registerModules: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(referenceRoutes);
  await app.register(organisationRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(dashboardRoutes);
  await app.register(peopleRoutes);
  await app.register(meRoutes);
  await app.register(deletionRequestRoutes);
  await app.register(importRoutes);
  await app.register(exportRoutes);
  await app.register(programmeRoutes);
  await app.register(callRoutes);
  await app.register(processTemplateRoutes);
};
