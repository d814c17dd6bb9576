// Request and response schemas of /imports (the web app's import page reads the same shapes).
import { z } from "zod";
import { IMPORT_KINDS } from "./columns.js";

export const importKindParams = z.object({ kind: z.enum(IMPORT_KINDS) }).strict();
export const importIdParams = z.object({ id: z.string().uuid() }).strict();

export const importError = z.object({
  /** Row number as Excel shows it */
  row: z.number().int(),
  /** Column key */
  column: z.string(),
  /** Column header in the caller's language */
  columnLabel: z.string(),
  value: z.string().nullable(),
  message: z.string(),
});

export const importView = z.object({
  id: z.string().uuid(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(["invalid", "ready", "committed"]),
  fileName: z.string().nullable(),
  totalRows: z.number().int(),
  errorCount: z.number().int(),
  /** The first errors (at most 1,000), by row then column; errorCount has them all. */
  errors: z.array(importError),
  /** Columns of the kind, in template order, labelled in the caller's language. */
  columns: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  /** The first 20 parsed rows: `row` (Excel row number) and one value per column key; codes as codes. */
  preview: z.array(z.record(z.string(), z.unknown())),
  /** Records created by the commit (null before). */
  created: z.number().int().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  abilities: z.object({ read: z.boolean(), commit: z.boolean() }),
});
export type ImportView = z.infer<typeof importView>;

export const commitResult = z.object({
  id: z.string().uuid(),
  status: z.literal("committed"),
  created: z.number().int(),
});
export type CommitResult = z.infer<typeof commitResult>;
