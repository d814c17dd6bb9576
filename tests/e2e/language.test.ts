// Journey (a leader of the Department): switch the interface to English — labels, the server's messages (Accept-Language) and the choice
// surviving a reload — and back to Vietnamese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, menu, newPage, screenshot } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("language switch", () => {
  it("shows English labels and English server messages after switching, and keeps the choice", async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto("/login");
    await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();

    // the server answers in English too
    await page.getByLabel("Username").fill("leader");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").getByText("Wrong username or password").waitFor();

    await page.getByLabel("Password").fill("khcn-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "My work" }).waitFor();
    const nav = menu(page);
    for (const item of ["Home", "S&T people", "S&T organisations", "My data"]) {
      expect(await nav.getByText(item, { exact: true }).count(), item).toBe(1);
    }
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await screenshot(page, "dashboard-english");

    await nav.getByText("S&T people", { exact: true }).click();
    await page.getByRole("columnheader", { name: "Full name" }).waitFor();
    await page.getByRole("columnheader", { name: "Degree" }).waitFor();
    // code labels come from the reference lists in the current language
    await page.locator(".list-table tbody tr.ant-table-row").first().waitFor();
    const genders = await page.locator(".list-table tbody tr.ant-table-row td:nth-child(3)").allTextContents();
    expect(genders.every((g) => ["Male", "Female", "Other", ""].includes(g))).toBe(true);
    // Ant Design's own texts follow (pagination)
    await page.getByText("/ page").first().waitFor();

    // the choice survives a reload
    await page.reload();
    await page.getByRole("columnheader", { name: "Full name" }).waitFor();
    await screenshot(page, "people-english");

    // and back to Vietnamese
    await page.getByText("VI", { exact: true }).click();
    await page.getByRole("columnheader", { name: "Họ và tên" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    expect(errors).toEqual([]);
    await context.close();
  });
});
