// Every kind of zod issue reads as a plain sentence in Vietnamese and English, with the field's label when known.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueMessage, type MessageLang } from "./validation-messages.js";

/** The message of the first issue of parsing `value` with `schema`. */
function say(schema: z.ZodType, value: unknown, lang: MessageLang, label?: string) {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) throw new Error("expected a validation issue");
  return issueMessage(r.error.issues[0]!, lang, label);
}

describe("validation messages", () => {
  it("numbers: too big and too small, inclusive or not, with and without a label", () => {
    const year = z.number().int().min(1800).max(2100);
    expect(say(year, 3025, "vi", "Năm thành lập")).toBe("Năm thành lập không được lớn hơn 2100.");
    expect(say(year, 3025, "en", "Founded")).toBe("Founded must not be greater than 2100.");
    expect(say(year, 1700, "vi", "Năm thành lập")).toBe("Năm thành lập không được nhỏ hơn 1800.");
    expect(say(year, 1700, "en")).toBe("Must not be less than 1800.");
    expect(say(year, 3025, "vi")).toBe("Không được lớn hơn 2100.");
    expect(say(z.number().positive(), 0, "vi")).toBe("Phải lớn hơn 0.");
    expect(say(z.number().lt(10), 10, "en")).toBe("Must be less than 10.");
    // large numbers are grouped the reader's way
    expect(say(z.number().max(1_000_000_000), 2e9, "vi", "Kinh phí")).toBe("Kinh phí không được lớn hơn 1.000.000.000.");
    expect(say(z.number().max(1_000_000_000), 2e9, "en", "Budget")).toBe("Budget must not be greater than 1,000,000,000.");
    expect(say(z.number().multipleOf(5), 7, "vi")).toBe("Phải là bội số của 5.");
  });

  it("types: a number, a whole number, required, text", () => {
    expect(say(z.number(), "19x5", "vi", "Năm thành lập")).toBe("Năm thành lập phải là một số.");
    expect(say(z.number(), "19x5", "en", "Founded")).toBe("Founded must be a number.");
    expect(say(z.number().int(), 2.5, "vi", "Số tháng")).toBe("Số tháng phải là một số nguyên.");
    expect(say(z.number().int(), 2.5, "en")).toBe("Must be a whole number.");
    expect(say(z.object({ a: z.string() }), {}, "vi")).toBe("Bắt buộc nhập.");
    expect(say(z.object({ a: z.string() }), {}, "en", "Name")).toBe("Name is required.");
    expect(say(z.string(), 5, "vi")).toBe("Phải là một đoạn văn bản.");
    expect(say(z.boolean(), "x", "en")).toBe("Must be true or false.");
  });

  it("strings, lists and dates: lengths, counts and bounds", () => {
    expect(say(z.string().min(1), "", "vi", "Tên")).toBe("Tên không được để trống.");
    expect(say(z.string().min(3), "ab", "en", "Code")).toBe("Code must be at least 3 characters long.");
    expect(say(z.string().max(5), "abcdef", "vi", "Mã")).toBe("Mã không được dài quá 5 ký tự.");
    expect(say(z.string().length(4), "abc", "en")).toBe("Must be exactly 4 characters long.");
    expect(say(z.array(z.string()).min(1), [], "vi", "Lĩnh vực")).toBe("Lĩnh vực phải có ít nhất một mục.");
    expect(say(z.array(z.string()).max(2), ["a", "b", "c"], "en", "Fields")).toBe("Fields must not have more than 2 items.");
    expect(say(z.array(z.string()).min(2), ["a"], "vi")).toBe("Phải có ít nhất 2 mục.");
    expect(say(z.date().max(new Date("2026-12-31T00:00:00Z")), new Date("2027-01-05T00:00:00Z"), "vi", "Ngày")).toBe("Ngày không được sau ngày 31/12/2026.");
    expect(say(z.date().min(new Date("2026-01-01T00:00:00Z")), new Date("2025-01-05T00:00:00Z"), "en")).toBe("Must not be before 2026-01-01.");
  });

  it("formats: e-mail, URL, UUID, ISO date, pattern, prefix", () => {
    expect(say(z.email(), "a@", "vi", "Thư điện tử")).toBe("Thư điện tử không phải là địa chỉ thư điện tử hợp lệ.");
    expect(say(z.email(), "a@", "en", "E-mail")).toBe("E-mail is not a valid e-mail address.");
    expect(say(z.url(), "not a url", "vi")).toBe("Không phải là địa chỉ web (URL) hợp lệ.");
    expect(say(z.uuid(), "123", "en")).toBe("Is not a valid identifier (UUID).");
    expect(say(z.iso.date(), "2026-13-01", "vi", "Ngày ký")).toBe("Ngày ký không phải là ngày (YYYY-MM-DD) hợp lệ.");
    expect(say(z.string().regex(/^\d+$/), "ab", "vi", "Mã số thuế")).toBe("Mã số thuế không đúng định dạng.");
    expect(say(z.string().startsWith("HP"), "XX", "en")).toBe("Must start with “HP”.");
    expect(say(z.string().startsWith("HP"), "XX", "vi")).toBe("Phải bắt đầu bằng «HP».");
  });

  it("choices, unknown keys, unions, records, custom refinements", () => {
    expect(say(z.enum(["central", "local"]), "x", "vi", "Cấp quản lý")).toBe("Cấp quản lý phải là một trong các giá trị: «central», «local».");
    expect(say(z.enum(["central", "local"]), "x", "en")).toBe("Must be one of: “central”, “local”.");
    expect(say(z.literal("yes"), "no", "vi")).toBe("Phải là «yes».");
    expect(say(z.object({ a: z.string() }).strict(), { a: "x", status: "approved" }, "vi")).toBe("Có trường không được phép: status.");
    expect(say(z.object({}).strict(), { b: 1, c: 2 }, "en")).toBe("Has fields that are not allowed: b, c.");
    expect(say(z.union([z.number(), z.boolean()]), "x", "vi")).toBe("Không khớp với dạng nào được chấp nhận.");
    expect(say(z.record(z.string().max(2), z.number()), { abc: 1 }, "en")).toBe("Has an invalid key.");
    const element = { code: "invalid_element", origin: "map", key: "a", issues: [], path: [], message: "" } as z.core.$ZodIssue;
    expect(issueMessage(element, "vi")).toBe("Có phần tử không hợp lệ.");
    expect(issueMessage(element, "en", "Values")).toBe("Values has an invalid element.");
    expect(
      say(
        z.string().refine(() => false, "technical hint"),
        "x",
        "vi",
        "Mã ROR",
      ),
    ).toBe("Mã ROR không hợp lệ.");
    expect(
      say(
        z.string().refine(() => false),
        "x",
        "en",
      ),
    ).toBe("Is not valid.");
  });
});
