// The kinds of data that can be imported from Excel. A new kind: write kinds/<kind>.ts and add it here.
import type { ImportKind, ImportKindKey } from "../columns.js";
import { organisationsImport } from "./organisations.js";
import { peopleImport } from "./people.js";
import { historicalTasksImport } from "./historical-tasks.js";

export const importKinds: Record<ImportKindKey, ImportKind> = {
  organisations: organisationsImport,
  people: peopleImport,
  "historical-tasks": historicalTasksImport,
};
