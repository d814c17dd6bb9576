// The funding plan model (pure) and the plan as printed.
export * from "./model.js";
export * from "./printed.js";
