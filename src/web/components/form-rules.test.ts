// The contract rules of the web forms speak plainly, name the field, follow the interface language, and refuse
// what a number input hands on when the text typed is not a number ("19x5" stays a string: refused, not dropped).
import { afterAll, describe, expect, it, vi } from "vitest";
import { organisationInput } from "../../common/api/organisation";
import i18n from "../i18n/index";
import { numberRule, rules, zodRule } from "./form-rules";

vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

const messageOf = (rule: ReturnType<typeof zodRule>, value: unknown) =>
  (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator({}, value).then(
    () => null,
    (e: Error) => e.message,
  );

afterAll(async () => {
  await i18n.changeLanguage("vi");
});

describe("contract rules of the forms", () => {
  it("name the field and read naturally, in Vietnamese and English", async () => {
    await i18n.changeLanguage("vi");
    const [year] = rules(organisationInput.shape, "foundedYear", false, "Năm thành lập");
    expect(await messageOf(year as ReturnType<typeof zodRule>, 3025)).toBe("Năm thành lập không được lớn hơn 2100.");
    expect(await messageOf(year as ReturnType<typeof zodRule>, "19x5")).toBe("Năm thành lập phải là một số.");
    expect(await messageOf(year as ReturnType<typeof zodRule>, 1999.5)).toBe("Năm thành lập phải là một số nguyên.");
    expect(await messageOf(year as ReturnType<typeof zodRule>, 1999)).toBeNull();
    await i18n.changeLanguage("en");
    const [yearEn] = rules(organisationInput.shape, "foundedYear", false, "Founded");
    expect(await messageOf(yearEn as ReturnType<typeof zodRule>, 3025)).toBe("Founded must not be greater than 2100.");
    expect(await messageOf(yearEn as ReturnType<typeof zodRule>, "19x5")).toBe("Founded must be a number.");
  });

  it("without a label the message stands alone; a custom refinement uses the field's own text", async () => {
    await i18n.changeLanguage("vi");
    expect(await messageOf(zodRule(organisationInput.shape, "foundedYear"), 1700)).toBe("Không được nhỏ hơn 1800.");
    const email = await messageOf(zodRule(organisationInput.shape, "email", false, "Thư điện tử"), "thu@");
    expect(email).toBe(i18n.exists("validation.email") ? i18n.t("validation.email") : "Thư điện tử không hợp lệ.");
    expect(email).not.toMatch(/e-mail$/);
  });

  it("a number field without a schema still refuses text that is not a number", async () => {
    await i18n.changeLanguage("vi");
    const year = numberRule("Năm", true) as ReturnType<typeof zodRule>;
    expect(await messageOf(year, "19x5")).toBe("Năm phải là một số nguyên.");
    expect(await messageOf(year, 2025)).toBeNull();
    expect(await messageOf(year, null)).toBeNull();
    await i18n.changeLanguage("en");
    expect(await messageOf(numberRule("Value") as ReturnType<typeof zodRule>, "abc")).toBe("Value must be a number.");
  });
});
