// Every feature's routes, mounted under /api/v1. A new feature adds one line here.
import type { FastifyPluginAsync } from "fastify";
import { authRoutes } from "./auth/auth.routes.js";
import { referenceRoutes } from "./reference/reference.routes.js";
import { organisationRoutes } from "./organisations/organisations.routes.js";

export const registerModules: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(referenceRoutes);
  await app.register(organisationRoutes);
};
