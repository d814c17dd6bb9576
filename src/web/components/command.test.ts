// The command kit's pure parts: the reasons a refusal carries, and field checks from the shared zod bodies on form
// values (a date picker's day is checked as the YYYY-MM-DD the body will carry).
import { describe, expect, it, vi } from "vitest";
import dayjs from "dayjs";
import { contractSign, paymentInput } from "../../common/api/contract";
import { ApiError } from "../app/api";
import { rules, zodRule } from "./form-rules";
import { refusalLines } from "./RefusalAlert";

// the web app's i18n setup marks the page's language: a bare document is enough outside a browser
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

const check = (rule: ReturnType<typeof zodRule>, value: unknown) =>
  (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator({}, value).then(
    () => true,
    () => false,
  );

describe("refusalLines", () => {
  it("splits a bilingual details.reason of any code, in the UI language", () => {
    const e = new ApiError(409, "GUARD_FAILED", "Không đủ điều kiện", { reason: { vi: "Chưa ký hợp đồng; Chưa có kế hoạch", en: "Not signed; No plan" } });
    expect(refusalLines(e, false)).toEqual(["Chưa ký hợp đồng", "Chưa có kế hoạch"]);
    expect(refusalLines(e, true)).toEqual(["Not signed", "No plan"]);
    expect(refusalLines(new ApiError(409, "LOCKED", "Đã khoá", { reason: { vi: "Hội đồng đã kết luận", en: "Concluded" } }), false)).toEqual([
      "Hội đồng đã kết luận",
    ]);
  });
  it("lists missing documents and dossier problems; nothing for a plain refusal or another error", () => {
    expect(refusalLines(new ApiError(409, "DOCUMENTS_MISSING", "Thiếu", { missing: ["Thuyết minh", "Dự toán"] }), false)).toEqual(["Thuyết minh", "Dự toán"]);
    expect(refusalLines(new ApiError(409, "DOSSIER_INCOMPLETE", "Thiếu", { problems: [{ vi: "a", en: "b" }] }), true)).toEqual(["b"]);
    expect(refusalLines(new ApiError(409, "TWO_PERSON_RULE", "Người lập không được ký", { rule: "preparer" }), false)).toEqual([]);
    expect(refusalLines(new Error("x"), false)).toEqual([]);
  });
});

describe("zodRule on form values", () => {
  it("checks a picked day as YYYY-MM-DD with the body's schema", async () => {
    const rule = zodRule(contractSign.shape, "partyASignedOn");
    expect(await check(rule, dayjs("2026-11-26"))).toBe(true);
    expect(await check(rule, "2026-02-30")).toBe(false);
  });
  it("checks money with the body's bounds", async () => {
    const rule = zodRule(paymentInput.shape, "amount");
    expect(await check(rule, 1_000_000)).toBe(true);
    expect(await check(rule, 0)).toBe(false);
    expect(await check(rule, 1.5)).toBe(false);
  });
  it("leaves an empty required field to the one 'required' message: the schema's rule passes it", async () => {
    const [required, schema] = rules(paymentInput.shape, "amount", true);
    expect(required).toMatchObject({ required: true });
    for (const empty of [undefined, null, ""]) expect(await check(schema as ReturnType<typeof zodRule>, empty)).toBe(true);
    expect(await check(schema as ReturnType<typeof zodRule>, 0)).toBe(false);
    // an optional field is still checked by its schema when empty (the schema says whether empty is allowed)
    expect(await check(rules(paymentInput.shape, "amount")[0] as ReturnType<typeof zodRule>, undefined)).toBe(false);
  });
});
