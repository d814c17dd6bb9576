// Councils as configuration (rule sets) and their counting rules (pure functions).
export * from "./rules.js";
export * from "./scoring.js";
