// The plan's indicators in the browser: an officer opens an indicator, enters a year's value with its source and
// sees the progress status computed from it, then publishes the indicator; an anonymous visitor finds it on the
// public pages (chart, status, open-data links) and does not find an unpublished one (not listed, its page 404).
// An officer edits a definition and enters an input-series value (GDP) with its provenance, corrects it after someone
// else's save (refused, reloaded, saved again) and deletes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apiAs, baseUrl, launch, newPage, signedInPage, confirmWith } from "./browser.js";
import type { IndicatorListItem } from "../../src/common/api/indicator.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type List = { items: IndicatorListItem[]; total: number };

/** An entered indicator with a baseline and a single-value target and no values yet, unpublished. */
async function pickIndicator(exclude: string[] = []): Promise<IndicatorListItem> {
  const list = await apiAs("officer").get<List>("/api/v1/indicators?valueSource=entered&published=false&pageSize=100");
  const found = list.items.find(
    (i) =>
      !exclude.includes(i.id) &&
      i.target &&
      i.target.value !== null &&
      i.target.bound !== "range" &&
      i.baseline &&
      !i.latest &&
      i.baseline.year < i.target.year,
  );
  if (!found) throw new Error(`no suitable indicator among ${list.total}`);
  return found;
}

const settle = async (page: Page) => {
  await page.waitForLoadState("networkidle");
  await page
    .locator(".ant-skeleton")
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => undefined);
};

describe("indicators", () => {
  it("an officer enters a value and sees the status; the published indicator shows publicly, an unpublished one does not", async () => {
    const ind = await pickIndicator();
    const other = await pickIndicator([ind.id]);
    const target = ind.target!;

    // ── officer: list → indicator page → enter a value → status → publish
    const { page, context, errors } = await signedInPage(browser, "officer");
    await page.goto("/indicators?valueSource=entered&published=false&pageSize=100");
    await page.locator(".page-header").first().waitFor();
    await settle(page);
    await page.getByRole("link", { name: ind.nameVi, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/indicators/${ind.id}$`));
    await settle(page);
    await expect.poll(() => page.getByTestId("status-explanation").innerText()).toContain("Chưa có số liệu thực tế");

    await page.getByRole("button", { name: "Nhập giá trị" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Năm").fill(String(target.year));
    // the value as a Vietnamese user types it (decimal comma): exactly the target, so the target is achieved
    await dialog.getByLabel(/^Giá trị/).fill(String(target.value).replace(".", ","));
    await dialog.getByLabel("Nguồn (xuất xứ số liệu)").fill("Niên giám thống kê Hải Phòng, bảng thử nghiệm");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "detached" });

    await expect.poll(() => page.locator("[data-status]").first().getAttribute("data-status")).toBe("achieved");
    await expect.poll(() => page.getByTestId("status-explanation").innerText()).toContain("đã đạt mục tiêu");
    await page.getByRole("cell", { name: "Niên giám thống kê Hải Phòng, bảng thử nghiệm" }).waitFor();
    await page.locator("canvas").first().waitFor(); // the chart is drawn once its (lazy) chart code has loaded

    // the server agrees: the value is stored with its source and the status is "achieved"
    const stored = await apiAs("officer").get<{ status: string; values: { year: number; value: number; source: string }[] }>(`/api/v1/indicators/${ind.id}`);
    expect(stored.status).toBe("achieved");
    expect(stored.values.find((v) => v.year === target.year)).toMatchObject({ value: target.value, source: "Niên giám thống kê Hải Phòng, bảng thử nghiệm" });

    // the indicator's data as a spreadsheet and as CSV
    for (const [button, ext] of [
      ["Tải Excel", /\.xlsx$/],
      ["Tải CSV", /\.csv$/],
    ] as const) {
      const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
      expect(file.suggestedFilename()).toMatch(ext);
    }

    await confirmWith(page.getByRole("switch", { name: "Công khai" }), "Xác nhận");
    await expect.poll(async () => (await apiAs("officer").get<{ published: boolean }>(`/api/v1/indicators/${ind.id}`)).published).toBe(true);
    expect(errors).toEqual([]);
    await context.close();

    // ── anonymous visitor: from the sign-in page to the public list and page
    const anon = await newPage(browser);
    await anon.page.goto("/login");
    await anon.page.getByRole("link", { name: "Chỉ tiêu KH&CN công khai" }).click();
    await anon.page.waitForURL(/\/public\/indicators$/);
    await settle(anon.page);
    await anon.page.getByRole("link", { name: ind.nameVi, exact: true }).waitFor();
    expect(await anon.page.getByRole("link", { name: other.nameVi, exact: true }).count()).toBe(0);

    await anon.page.getByRole("link", { name: ind.nameVi, exact: true }).click();
    await anon.page.waitForURL(new RegExp(`/public/indicators/${ind.code.replace(/\./g, "\\.")}$`));
    await settle(anon.page);
    await anon.page.getByRole("heading", { name: ind.nameVi }).waitFor();
    await expect.poll(() => anon.page.locator("[data-status]").first().getAttribute("data-status")).toBe("achieved");
    await anon.page.locator("canvas").first().waitFor();
    const csvHref = await anon.page.getByRole("link", { name: /Tải CSV/ }).getAttribute("href");
    expect(csvHref).toBe(`/api/v1/public/indicators/${ind.code}/data.csv`);
    const csv = await fetch(baseUrl() + csvHref);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(String(target.year));

    // an unpublished indicator's public page: not found
    await anon.page.goto(`/public/indicators/${other.code}`);
    await anon.page.locator(".ant-result-404").waitFor();
    expect(anon.errors).toEqual([]);
    await anon.context.close();
  });

  it("an officer edits an indicator's definition and enters a GDP value with its source", async () => {
    const ind = await pickIndicator();
    const { page, context, errors } = await signedInPage(browser, "officer");
    await page.goto(`/indicators/${ind.id}/edit`);
    await settle(page);
    const note = "Ghi chú kiểm thử: số liệu lấy từ Cục Thống kê";
    await page.getByLabel("Ghi chú").fill(note);
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(new RegExp(`/indicators/${ind.id}$`));
    await page.getByText(note).waitFor();
    const saved = await apiAs("officer").get<{ notes: string; version: number }>(`/api/v1/indicators/${ind.id}`);
    expect(saved.notes).toBe(note);

    await page.goto("/indicators/series");
    await settle(page);
    const gdp = page.locator('[data-series="gdp"]');
    await gdp.getByRole("button", { name: "Nhập giá trị" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Năm").fill("2019");
    await dialog.getByLabel(/^Giá trị/).fill("276645,5");
    await dialog.getByLabel("Nguồn (xuất xứ số liệu)").fill("Niên giám thống kê Hải Phòng 2019 (kiểm thử)");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "detached" });
    await gdp.getByRole("cell", { name: "276.645,5" }).waitFor();
    const series = await apiAs("officer").get<{ key: string; values: { year: number; value: number; source: string }[] }[]>("/api/v1/indicators/series");
    expect(series.find((x) => x.key === "gdp")?.values.find((v) => v.year === 2019)).toMatchObject({
      value: 276645.5,
      source: "Niên giám thống kê Hải Phòng 2019 (kiểm thử)",
    });

    // a correction that lost to someone else's save: refused in the dialog, the series reloaded, the next save goes out
    // with the current version; then the value is deleted
    await gdp.getByRole("button", { name: "Sửa giá trị năm 2019" }).click();
    const stale = await apiAs("officer").get<{ key: string; values: { year: number; version: number }[] }[]>("/api/v1/indicators/series");
    const version = stale.find((x) => x.key === "gdp")!.values.find((v) => v.year === 2019)!.version;
    await apiAs("officer").put("/api/v1/indicators/series/gdp/values/2019", { value: 276000, source: "Bản sửa của người khác (kiểm thử)", version });
    await dialog.getByLabel(/^Giá trị/).fill("276700");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.getByText(/Bản ghi vừa được người khác thay đổi/).waitFor();
    await gdp.getByRole("cell", { name: "Bản sửa của người khác (kiểm thử)" }).waitFor();
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "detached" });
    await gdp.getByRole("cell", { name: "276.700" }).waitFor();
    await confirmWith(gdp.getByRole("button", { name: "Xoá giá trị năm 2019" }), "Xoá");
    await page.locator(".ant-message").getByText("Đã xoá giá trị").waitFor();
    await expect.poll(() => gdp.getByRole("cell", { name: "276.700" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an officer recounts the people-registry figures behind a computed indicator", async () => {
    const list = await apiAs("officer").get<List>("/api/v1/indicators?q=t6.postgraduate_share&pageSize=20");
    const ind = list.items.find((i) => i.code === "t6.postgraduate_share")!;
    const { page, context, errors } = await signedInPage(browser, "officer");
    await page.goto(`/indicators/${ind.id}`);
    await settle(page);
    await page.getByRole("button", { name: "Đếm lại từ cơ sở dữ liệu" }).click();
    await page.getByText(/^Đã đếm lại: [\d.]+ người, trong đó [\d.]+ TSKH, TS, ThS$/).waitFor();
    // the computed value now says when the registry was counted
    await page.getByRole("cell", { name: /Cơ sở dữ liệu nhân lực KH&CN, số liệu lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
