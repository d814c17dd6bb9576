// Test fixtures of the monitoring tests: the task in progress is the shared factory's (src/server/testing/factories.ts).
export { buildTaskInProgress, type TaskInProgress as TaskFixture } from "../../testing/factories.js";
