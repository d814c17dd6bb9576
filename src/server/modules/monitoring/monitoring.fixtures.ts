// The task in progress the monitoring tests build is the shared factory `buildTaskInProgress`
// (src/server/testing/factories.ts), imported from there; this name stays while boundaries.json lists it.
export { buildTaskInProgress, type TaskInProgress as TaskFixture } from "../../testing/factories.js";
