// The list contract shared by every list endpoint and the web table: ?q=&page=&pageSize=&sort=
// answered with { items, total, page, pageSize }. sort is "field" or "-field" (descending).
import { z } from "zod";

export const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/)
    .optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const listResponse = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export function parseSort<K extends string>(sort: string | undefined, allowed: readonly K[], fallback: K) {
  const desc = !!sort && sort.startsWith("-");
  const key = (sort ?? "").replace(/^-/, "") as K;
  return { key: allowed.includes(key) ? key : fallback, desc: allowed.includes(key) ? desc : false };
}

/** Accent- and case-insensitive form of a search term, matching the database's f_fold(). */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}
