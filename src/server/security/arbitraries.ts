// fast-check arbitraries derived from a route's zod schemas (zod 4 internals: schema._zod.def), so the fuzz suite
// covers every route, including modules added later, without a hand-written generator per route.
//   nearValid(schema)  values shaped like the schema (most pass it): unicode, boundaries, huge-but-allowed numbers…
//   invalid(schema)    values the schema refuses: wrong types, nulls, arrays for objects, extra/missing fields…
import fc from "fast-check";
import type { z } from "zod";

type Def = { type: string; [k: string]: unknown };
type Schema = z.ZodType;
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const checksOf = (s: unknown): Record<string, unknown>[] =>
  ((defOf(s).checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Strings a careless server mishandles: SQL and LIKE metacharacters, markup, Vietnamese, emoji, RTL, combining marks. */
export const nastyStrings = [
  "'; DROP TABLE users; --",
  "%_\\",
  "<script>alert(1)</script>",
  "Nguyễn Văn Ánh – Đại học Hải Phòng",
  "🧪🔬💥",
  "\u202Eevil",
  "e\u0301\u0301\u0301",
  "=cmd|' /C calc'!A0",
  "  ",
  "null",
  "undefined",
  "0",
  "-1",
  "9999-99-99",
  "2024-02-30",
  "0000-00-00",
  "1e309",
  "NaN",
  "00000000-0000-0000-0000-000000000000",
  "a\u0000b",
  "\u0000",
  "Hải\u0000Phòng",
];

function stringArb(s: Schema): fc.Arbitrary<string> {
  const d = defOf(s);
  let min = 0;
  let max = 300;
  const patterns: RegExp[] = [];
  let format = d.format as string | undefined;
  if (d.pattern instanceof RegExp) patterns.push(d.pattern);
  for (const c of checksOf(s)) {
    if (c.check === "min_length") min = Math.max(min, c.minimum as number);
    if (c.check === "max_length") max = Math.min(max, c.maximum as number);
    if (c.check === "length_equals") min = max = c.length as number;
    if (c.check === "string_format") {
      format = (c.format as string) ?? format;
      if (c.pattern instanceof RegExp) patterns.push(c.pattern);
    }
  }
  if (format === "uuid" || format === "guid") return fc.uuid();
  if (format === "email") return fc.emailAddress().filter((e) => e.length <= max);
  if (patterns.length) {
    try {
      return fc.stringMatching(patterns[0]).filter((v) => v.length >= min && v.length <= max && patterns.every((p) => p.test(v)));
    } catch {
      // a pattern fast-check cannot generate from: fall back to free text
    }
  }
  const nasty = nastyStrings.filter((v) => v.length >= min && v.length <= max);
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, min + 40) }) },
    { weight: nasty.length ? 3 : 0, arbitrary: nasty.length ? fc.constantFrom(...nasty) : fc.constant("") },
    { weight: 1, arbitrary: fc.constant("x".repeat(Math.max(min, 1)).slice(0, max)) },
    { weight: 1, arbitrary: fc.constant("Ư".repeat(max)) },
  );
}

function numberArb(s: Schema): fc.Arbitrary<number> {
  let min = -Number.MAX_SAFE_INTEGER;
  let max = Number.MAX_SAFE_INTEGER;
  let int = false;
  for (const c of checksOf(s)) {
    if (c.check === "number_format" && ["safeint", "int32", "uint32"].includes(c.format as string)) int = true;
    if (c.check === "greater_than") min = Math.max(min, (c.value as number) + (c.inclusive ? 0 : int ? 1 : 1e-9));
    if (c.check === "less_than") max = Math.min(max, (c.value as number) - (c.inclusive ? 0 : int ? 1 : 1e-9));
  }
  if (int) {
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    return fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(lo, hi));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values shaped like the schema; most of them pass it. */
export function nearValid(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(s);
  const inner = (x: unknown) => nearValid(x as Schema, depth + 1);
  if (depth > 8) return fc.constant(undefined);
  switch (d.type) {
    case "string":
      return stringArb(s);
    case "number":
      return numberArb(s);
    case "int":
      return numberArb(s);
    case "bigint":
      return fc.bigInt();
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ noInvalidDate: true });
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
    case "never":
      return fc.constant(undefined);
    case "literal":
      return fc.constantFrom(...(d.values as unknown[]));
    case "enum":
      return fc.constantFrom(...Object.values(d.entries as Record<string, unknown>));
    case "optional":
      return fc.option(inner(d.innerType), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(inner(d.innerType), { nil: null, freq: 4 });
    case "default":
    case "prefault":
      return fc.option(inner(d.innerType), { nil: undefined, freq: 3 });
    case "nonoptional":
    case "readonly":
    case "catch":
      return inner(d.innerType);
    case "pipe":
      return inner(d.in);
    case "lazy":
      return inner((d.getter as () => unknown)());
    case "union":
      return fc.oneof(...(d.options as unknown[]).map(inner));
    case "intersection":
      return inner(d.left);
    case "array": {
      let min = 0;
      let max = 4;
      for (const c of checksOf(s)) {
        if (c.check === "min_length") min = c.minimum as number;
        if (c.check === "max_length") max = Math.min(c.maximum as number, Math.max(min, 4));
      }
      return fc.array(inner(d.element), { minLength: min, maxLength: Math.max(min, max) });
    }
    case "tuple":
      return fc.tuple(...(d.items as unknown[]).map(inner));
    case "record":
      return fc.dictionary(fc.string({ maxLength: 10 }), inner(d.valueType), { maxKeys: 3 });
    case "object": {
      const shape = d.shape as Record<string, Schema>;
      const required = Object.keys(shape).filter((k) => !isOptional(shape[k]));
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(shape)) rec[k] = inner(v);
      return fc.record(rec, { requiredKeys: required });
    }
    default:
      // any, unknown, custom, transform… : anything JSON can carry
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function isOptional(s: Schema): boolean {
  const t = defOf(s).type;
  if (t === "optional" || t === "default" || t === "prefault") return true;
  if (t === "pipe") return isOptional(defOf(s).in as Schema);
  return s.safeParse(undefined).success;
}

/** Values of the wrong kind for any field. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(true),
  fc.integer(),
  fc.double(),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant(-1),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constant("Ư".repeat(20_000)),
  fc.constantFrom(...nastyStrings),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.uuid(),
);

type Path = (string | number)[];
function paths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}
function setAt(v: unknown, path: Path, value: unknown, op: "replace" | "drop" | "extra" | "wrap"): unknown {
  if (path.length === 0) {
    if (op === "wrap") return [v];
    if (op === "extra" && v && typeof v === "object" && !Array.isArray(v)) return { ...v, unexpected_field: value };
    return op === "drop" ? undefined : value;
  }
  const [head, ...rest] = path;
  if (Array.isArray(v)) {
    const copy = [...v];
    const next = setAt(copy[head as number], rest, value, op);
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const obj = { ...(v as Record<string, unknown>) };
  const next = setAt(obj[head as string], rest, value, op);
  if (next === undefined) delete obj[head as string];
  else obj[head as string] = next;
  return obj;
}

/** Values the schema refuses: a valid-looking value with one part broken, or junk in its place. */
export function invalid(s: Schema): fc.Arbitrary<unknown> {
  const mutated = fc
    .tuple(nearValid(s), junk, fc.nat(), fc.constantFrom("replace", "drop", "extra", "wrap") as fc.Arbitrary<"replace" | "drop" | "extra" | "wrap">)
    .map(([base, j, i, op]) => {
      const all = paths(base);
      return setAt(base, all[i % all.length], j, op);
    });
  return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: junk }).filter((v) => !s.safeParse(v).success);
}

/** Query-string form of a value: {key: string | string[]} (what Fastify's parser hands the validator), or null. */
export function asQuery(v: unknown): Record<string, string | string[]> | null {
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const out: Record<string, string | string[]> = {};
  const str = (x: unknown) => (typeof x === "string" ? x : x === null ? "" : typeof x === "object" ? JSON.stringify(x) : String(x));
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    // A key given once parses as a plain string: arrays are sent as at least two repetitions.
    out[k] = Array.isArray(x) ? (x.length >= 2 ? x.map(str) : [str(x[0] ?? ""), str(x[0] ?? "")]) : str(x);
  }
  return out;
}

export function queryString(q: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    for (const x of [v].flat()) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(x)}`);
  }
  return parts.length ? "?" + parts.join("&") : "";
}

/** Bodies that are not JSON at all, sent with a JSON content type. */
export const malformedJson = fc.oneof(
  fc.constantFrom(
    "{",
    '{"a":',
    "[1,2",
    "nul",
    '{"a":1}}',
    "{'a':1}",
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '"\\ud800"',
    "\u0000",
  ),
  fc.string({ unit: "binary", minLength: 1, maxLength: 100 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

/** A value that passes the schema (searching generated ones), in query-string form when `asQueryString`. */
export function sampleValid(s: Schema, opts: { asQueryString?: boolean; seed?: number } = {}): { value: unknown } | null {
  const values = fc.sample(nearValid(s), { numRuns: 300, seed: opts.seed ?? 42 });
  for (const v of values) {
    const candidate = opts.asQueryString ? asQuery(v) : v;
    if (candidate !== null && s.safeParse(candidate).success) return { value: candidate };
  }
  return null;
}

/** Keeps only what the schema's objects declare (e.g. a record read back, as a write body); values are untouched. */
export function conform(value: unknown, s: Schema): unknown {
  const u = defOf(s).type === "pipe" || ["optional", "nullable", "default", "prefault"].includes(defOf(s).type) ? unwrapAll(s) : s;
  const d = defOf(u);
  if (d.type === "object" && value && typeof value === "object" && !Array.isArray(value)) {
    const shape = d.shape as Record<string, Schema>;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k in shape)
        .map(([k, v]) => [k, conform(v, shape[k])]),
    );
  }
  if (d.type === "array" && Array.isArray(value)) return value.map((v) => conform(v, d.element as Schema));
  return value;
}

function unwrapAll(s: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(d.type)) cur = d.innerType as Schema;
    else if (d.type === "pipe") cur = d.in as Schema;
    else break;
  }
  return cur;
}
