// Starts the app once for all browser tests and hands its address to them (inject("baseUrl")).
import type { TestProject } from "vitest/node";
import { startApp, type SessionUser } from "./server.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    sessions: Record<SessionUser, string>;
  }
}

export default async function setup(project: TestProject) {
  // The project's own env (E2E_DB) says which database this run of the journeys uses.
  process.env.E2E_DB = String(project.config.env?.E2E_DB ?? "embedded");
  const app = await startApp();
  project.provide("baseUrl", app.baseUrl);
  project.provide("sessions", app.sessions);
  return async () => {
    await app.close();
  };
}
