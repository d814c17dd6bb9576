// The funding plan model (pure), the plan as printed, and the checks of the printed figures.
export * from "./model.js";
export * from "./printed.js";
export * from "./checks.js";
export { Rat, decimalText, ratText } from "./rational.js";
