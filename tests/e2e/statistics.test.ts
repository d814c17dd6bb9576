// Journey: statistical reporting. An officer has opened a reporting period with form 08/KHCN-SHTT and
// assigned the organisation representative's unit. The representative opens "Báo cáo thống kê của tôi", fills the
// form (the Total row computes itself) with one cell out of range, saves, sees the message in the one list above the
// form (and submitting is refused), fixes the cell and submits. The officer sees the report received in the period's completeness table,
// approves it, and the city's consolidated table now counts it; a leader withdraws the approval with a reason and
// the figures leave the consolidated table again; the leadership dashboard follows both changes. Also: the form catalogue (a template's layout and rules; trial
// entries checked by the same engine, in Vietnamese and English; the reports list and a period's counts by form),
// and the xlsx round trip (download the form's template, a wrong cell refuses the whole file, the corrected file
// replaces the draft), and a period's life: created, opened, organisations assigned and unassigned, closed (a stale
// close refused and the period reloaded). And form 03/KHCN-CP filled the way a unit with a few figures does: parts
// typed in Vietnamese notation, totals computed as they are typed, a typo kept and refused, the empty cells filled
// with 0 in one click, then saved (the server's own totals) and submitted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseUrl, chooseOption, launch, menu, newPage, screenshot, signIn, signedInPage, apiAs, confirmWith } from "./browser.js";
import ExcelJS from "exceljs";
import { ApiClient } from "./server.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface PeriodOut {
  id: string;
  version: number;
  counts: { assigned: number; submitted: number; approved: number };
}
interface ReportOut {
  id: string;
  status: string;
  errorCount: number;
  organisationId: string;
  formKey: string;
}

const cell = (page: Page, key: string) => page.locator(`#cell-${key.replace(/[^a-zA-Z0-9_]/g, "__")}`);

async function fillCells(page: Page, values: Record<string, number>) {
  for (const [key, v] of Object.entries(values)) {
    const input = cell(page, key);
    await input.fill(String(v));
  }
}

/** The representative opens their report of a period from "Báo cáo thống kê của tôi", by clicks. */
async function openMyReport(page: Page, periodName: string, form: string, reportId: string) {
  await menu(page).getByText("Báo cáo thống kê của tôi", { exact: true }).click();
  await page.waitForURL(/\/statistics\/my/);
  await page.locator("tr.ant-table-row", { hasText: periodName }).getByRole("link", { name: form }).click();
  await page.waitForURL(new RegExp(`/statistics/reports/${reportId}$`));
}

describe("statistical reporting", () => {
  it("an org rep files a report with a validation error, fixes it and submits; an officer approves; the consolidated table changes", async () => {
    const officerApi = apiAs("officer");
    const orgRep = await new ApiClient(baseUrl()).login("org_rep");
    const me = await orgRep.get<{ organisationId: string | null }>("/api/v1/auth/me");
    expect(me.organisationId, "the demo org rep is linked to an organisation").toBeTruthy();

    // the officer's period: 08/KHCN-SHTT, opened, the org rep's unit assigned
    const name = `Thống kê SHTT kiểm thử ${Date.now()}`;
    let period = await officerApi.post<PeriodOut>("/api/v1/statistics/periods", { year: 2026, nameVi: name, formKeys: ["08-KHCN-SHTT"] });
    period = await officerApi.post<PeriodOut>(`/api/v1/statistics/periods/${period.id}/open`, { version: period.version });
    await officerApi.post(`/api/v1/statistics/periods/${period.id}/assignments`, { organisationIds: [me.organisationId] });
    const before = await officerApi.get<PeriodOut>(`/api/v1/statistics/periods/${period.id}`);
    expect(before.counts).toMatchObject({ assigned: 1, submitted: 0, approved: 0 });

    // ── the organisation representative fills the form ──
    const rep = await newPage(browser);
    await signIn(rep.page, "org_rep");
    await menu(rep.page).getByText("Báo cáo thống kê của tôi", { exact: true }).click();
    await rep.page.waitForURL(/\/statistics\/my/);
    const row = rep.page.locator("tr.ant-table-row", { hasText: name });
    await row.getByRole("link", { name: "08/KHCN-SHTT" }).click();
    await rep.page.waitForURL(/\/statistics\/reports\/[0-9a-f-]{36}$/);
    const reportId = new URL(rep.page.url()).pathname.split("/").pop()!;
    await rep.page.getByRole("heading", { name: /08\/KHCN-SHTT — Sở hữu trí tuệ/ }).waitFor();

    // applications and titles by object (the Total row is computed); "granted in Viet Nam" of inventions typed as -2
    await fillCells(rep.page, {
      "ip.invention.filed_vn": 3,
      "ip.invention.filed_abroad": 1,
      "ip.invention.granted_vn": -2,
      "ip.invention.granted_abroad": 0,
      "ip.utility.filed_vn": 1,
      "ip.utility.filed_abroad": 0,
      "ip.utility.granted_vn": 1,
      "ip.utility.granted_abroad": 0,
      ...Object.fromEntries(
        ["design", "trademark", "plant_variety", "other"].flatMap((r) =>
          ["filed_vn", "filed_abroad", "granted_vn", "granted_abroad"].map((c) => [`ip.${r}.${c}`, 0]),
        ),
      ),
      licences: 2,
      licence_revenue: 150,
    });
    await expect.poll(() => cell(rep.page, "ip.total.filed_vn").textContent()).toBe("4");
    await cell(rep.page, "reporter_name").fill("Trần Thị Bình");
    const prepared = cell(rep.page, "prepared_on");
    await prepared.click();
    await prepared.fill("15/01/2027");
    await prepared.press("Enter");
    await rep.page.getByRole("button", { name: "Lưu nháp" }).click();
    // the server's message, once, in the summary above the form; the cell is flagged
    const rangeMessage = /Sáng chế \/ Văn bằng được cấp trong nước»: phải trong khoảng 0 – 100\.000/;
    await rep.page.locator(".stat-summary").getByText("Kết quả kiểm tra: 1 lỗi, 0 cảnh báo").waitFor();
    await rep.page.locator(".stat-summary").getByText(rangeMessage).waitFor();
    expect(await rep.page.getByText(rangeMessage).count()).toBe(1);
    await expect.poll(() => rep.page.locator("td.has-error").count()).toBe(1);
    await rep.page.locator("td.has-error #cell-ip__invention__granted_vn").waitFor();
    let saved = await orgRep.get<ReportOut>(`/api/v1/statistics/reports/${reportId}`);
    expect(saved).toMatchObject({ status: "draft", errorCount: 1 });
    await screenshot(rep.page, "statistics-report-error");

    // submitting is refused while the error remains
    await confirmWith(rep.page.locator(".stat-toolbar").getByRole("button", { name: "Nộp báo cáo" }), "Nộp báo cáo");
    await rep.page.locator(".ant-message").getByText(/lỗi/).first().waitFor();
    await rep.page.locator(".ant-popconfirm").waitFor({ state: "hidden" });
    saved = await orgRep.get<ReportOut>(`/api/v1/statistics/reports/${reportId}`);
    expect(saved.status).toBe("draft");

    // fix the cell: the check as you type clears, the Total row follows; then save and submit
    await cell(rep.page, "ip.invention.granted_vn").fill("2");
    await expect.poll(() => cell(rep.page, "ip.total.granted_vn").textContent()).toBe("3");
    await rep.page.locator(".stat-summary").getByText("Số liệu đang nhập hợp lệ (chưa lưu)").waitFor();
    await rep.page.getByRole("button", { name: "Lưu nháp" }).click();
    await rep.page.locator(".stat-summary").getByText("Số liệu hợp lệ, không có lỗi").waitFor();
    await confirmWith(rep.page.locator(".stat-toolbar").getByRole("button", { name: "Nộp báo cáo" }), "Nộp báo cáo");
    await rep.page.locator(".page-header").getByText("Đã nộp", { exact: true }).waitFor();
    await rep.page.locator(".stat-toolbar").waitFor({ state: "detached" });
    await screenshot(rep.page, "statistics-report-submitted");
    expect(rep.errors).toEqual([]);
    await rep.context.close();

    // ── the officer: received in the completeness table; consolidated still empty until approval ──
    const off = await signedInPage(browser, "officer");
    await menu(off.page).getByText("Kỳ báo cáo thống kê", { exact: true }).click();
    await off.page.waitForURL(/\/statistics(\?|$)/);
    await off.page.getByRole("link", { name }).click();
    await off.page.waitForURL(new RegExp(`/statistics/periods/${period.id}`));
    const completeness = off.page.locator(".stat-completeness");
    await completeness.getByText("Đã nộp", { exact: true }).waitFor();
    await off.page.getByRole("tab", { name: "Số liệu tổng hợp" }).click();
    await off.page.getByText("Tổng hợp từ 0/1 báo cáo đã được duyệt").waitFor();
    await expect.poll(() => cell(off.page, "ip.invention.filed_vn").textContent()).toBe("0");

    await off.page.getByRole("tab", { name: "Tình hình nộp báo cáo" }).click();
    await completeness.getByRole("link", { name: /08\/KHCN-SHTT/ }).click();
    await off.page.waitForURL(new RegExp(`/statistics/reports/${reportId}`));
    await off.page.getByRole("button", { name: "Duyệt" }).click();
    await off.page.locator(".ant-modal").getByRole("button", { name: "Duyệt" }).click();
    await off.page.locator(".page-header").getByText("Đã duyệt", { exact: true }).waitFor();
    await off.page.getByText("Báo cáo đã được duyệt và khoá").waitFor();

    // the consolidated table and the completeness figures now count the approved report
    await off.page.getByRole("link", { name: "Quay lại" }).click();
    await off.page.waitForURL(new RegExp(`/statistics/periods/${period.id}`));
    await off.page.locator(".stat-counts").getByText("100%").first().waitFor();
    await off.page.getByRole("tab", { name: "Số liệu tổng hợp" }).click();
    await off.page.getByText("Tổng hợp từ 1/1 báo cáo đã được duyệt").waitFor();
    await expect.poll(() => cell(off.page, "ip.invention.filed_vn").textContent()).toBe("3");
    await expect.poll(() => cell(off.page, "ip.total.granted_vn").textContent()).toBe("3");
    await screenshot(off.page, "statistics-consolidated");
    // the consolidated form as an .xlsx in the official layout, with the city's sums
    const [xlsx] = await Promise.all([off.page.waitForEvent("download"), off.page.getByRole("button", { name: "Tải biểu tổng hợp (.xlsx)" }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const texts: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ""))));
    expect(texts.some((x) => x.includes("08/KHCN-SHTT"))).toBe(true);
    expect(texts).toContain("Sáng chế");
    const after = await officerApi.get<PeriodOut>(`/api/v1/statistics/periods/${period.id}`);
    expect(after.counts).toMatchObject({ assigned: 1, approved: 1 });
    const consolidated = await officerApi.get<{ values: Record<string, number> }>(`/api/v1/statistics/periods/${period.id}/consolidated/08-KHCN-SHTT`);
    expect(consolidated.values["ip.total.filed_vn"]).toBe(4);
    expect(off.errors).toEqual([]);
    await off.context.close();

    // ── the leadership dashboard counts the approved report in the latest period's completeness ──
    const leader = await newPage(browser);
    await signIn(leader.page, "leader");
    await menu(leader.page).getByText("Bảng điều hành", { exact: true }).click();
    await leader.page.waitForURL(/\/leadership$/);
    await leader.page.getByText("Chỉ tiêu của Đề án", { exact: true }).waitFor();
    const approvedOnDashboard = () => leader.page.getByTestId("leadership-reporting").locator(".ant-statistic-content-value").textContent();
    await expect.poll(approvedOnDashboard).toBe("1");
    await screenshot(leader.page, "leadership-dashboard");

    // ── a leader withdraws the approval with a reason: the report is open again and leaves the consolidation ──
    // (from the dashboard's reporting figure to the period, and from its completeness table to the report)
    await leader.page.getByTestId("leadership-reporting").click();
    await leader.page.waitForURL(new RegExp(`/statistics/periods/${period.id}`));
    await leader.page
      .locator(".stat-completeness")
      .getByRole("link", { name: /08\/KHCN-SHTT/ })
      .click();
    await leader.page.waitForURL(new RegExp(`/statistics/reports/${reportId}$`));
    await leader.page.getByRole("button", { name: "Huỷ duyệt" }).click();
    await leader.page.locator(".ant-modal").getByLabel("Lý do huỷ duyệt").fill("Số liệu sáng chế cần đối chiếu lại với Cục SHTT");
    await leader.page.locator(".ant-modal").getByRole("button", { name: "Huỷ duyệt" }).click();
    await leader.page.locator(".page-header").getByText("Trả lại", { exact: true }).waitFor();
    const reopened = await officerApi.get<{ values: Record<string, number> }>(`/api/v1/statistics/periods/${period.id}/consolidated/08-KHCN-SHTT`);
    expect(reopened.values["ip.total.filed_vn"] ?? 0).toBe(0);
    // … and the dashboard no longer counts it; its figure links to the period
    await menu(leader.page).getByText("Bảng điều hành", { exact: true }).click();
    await leader.page.waitForURL(/\/leadership$/);
    await expect.poll(approvedOnDashboard).toBe("0");
    await leader.page.getByTestId("leadership-reporting").click();
    await leader.page.waitForURL(new RegExp(`/statistics/periods/${period.id}`));
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });

  it("03/KHCN-CP: an org rep types the parts, relies on the computed totals and on «fill zeros», and submits", async () => {
    const officerApi = apiAs("officer");
    const orgRep = await new ApiClient(baseUrl()).login("org_rep");
    const me = await orgRep.get<{ organisationId: string }>("/api/v1/auth/me");
    const periodName = `Chi KH&CN kiểm thử ${Date.now()}`;
    let period = await officerApi.post<PeriodOut>("/api/v1/statistics/periods", {
      year: 2026,
      nameVi: periodName,
      formKeys: ["03-KHCN-CP"],
    });
    period = await officerApi.post<PeriodOut>(`/api/v1/statistics/periods/${period.id}/open`, { version: period.version });
    await officerApi.post(`/api/v1/statistics/periods/${period.id}/assignments`, { organisationIds: [me.organisationId] });
    const list = await orgRep.get<{ items: ReportOut[] }>(`/api/v1/statistics/reports?mine=true&periodId=${period.id}`);
    const reportId = list.items[0]!.id;

    const { page, context, errors } = await newPage(browser);
    await signIn(page, "org_rep");
    await openMyReport(page, periodName, "03/KHCN-CP", reportId);
    await page.getByRole("heading", { name: /03\/KHCN-CP — Chi cho khoa học và công nghệ/ }).waitFor();
    // the totals are not inputs: they are computed, and empty while nothing is reported
    expect(await cell(page, "spend.total.total").evaluate((el) => el.tagName)).toBe("OUTPUT");
    expect(await cell(page, "spend.total.total").textContent()).toBe("—");

    // a few figures, in Vietnamese notation; the totals follow as they are typed
    await cell(page, "spend.investment.state_central").fill("1.200,5");
    await cell(page, "spend.investment.state_local").fill("300");
    await cell(page, "spend.rd_tasks.state_local").fill("2000");
    await cell(page, "spend.rd_tasks.enterprise").fill("450");
    await cell(page, "spend.recurrent.other").fill("99");
    await cell(page, "spend.recurrent.other").blur();
    await expect.poll(() => cell(page, "spend.investment.total").textContent()).toBe("1.500,5");
    await expect.poll(() => cell(page, "spend.total.state_local").textContent()).toBe("2.300");
    await expect.poll(() => cell(page, "spend.total.total").textContent()).toBe("4.049,5");
    // the typed number is shown with thousands separators once left
    expect(await cell(page, "spend.rd_tasks.state_local").inputValue()).toBe("2.000");
    // a column nobody reported has no total yet (not reported is not 0)
    expect(await cell(page, "spend.total.foreign").textContent()).toBe("—");

    // one list of messages: the table's empty cells are ONE message; clicking it goes to the first empty cell
    const summary = page.locator(".stat-summary");
    const emptyCells = summary.getByRole("link", { name: /còn 10 ô chưa nhập/ });
    await emptyCells.waitFor();
    expect(await page.getByText(/còn 10 ô chưa nhập/).count()).toBe(1);
    await emptyCells.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("cell-spend__investment__enterprise");
    await screenshot(page, "statistics-03-computed-totals");

    // a typo is kept on screen and refused, not saved without it
    await cell(page, "spend.recurrent.foreign").fill("19x5");
    await summary.getByText(/Nước ngoài»: phải là một số/).waitFor();
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await page
      .locator(".ant-message")
      .getByText(/1 ô có nội dung không phải là số/)
      .waitFor();
    expect(await cell(page, "spend.recurrent.foreign").inputValue()).toBe("19x5");
    expect((await orgRep.get<ReportOut>(`/api/v1/statistics/reports/${reportId}`)).status).toBe("assigned");
    await cell(page, "spend.recurrent.foreign").fill("");

    // nothing else to report: 0 in every empty cell, in one click
    await page.getByRole("button", { name: "Điền 0 vào ô trống" }).click();
    await page.locator(".ant-message").getByText("Đã điền 0 vào 10 ô trống; kiểm tra rồi lưu").waitFor();
    expect(await cell(page, "spend.investment.enterprise").inputValue()).toBe("0");
    await expect.poll(() => cell(page, "spend.total.foreign").textContent()).toBe("0");
    expect(await cell(page, "spend.total.total").textContent()).toBe("4.049,5");
    await expect.poll(() => page.getByText(/ô chưa nhập/).count()).toBe(0);

    await cell(page, "reporter_name").fill("Nguyễn Thị Hoa");
    const prepared = cell(page, "prepared_on");
    await prepared.click();
    await prepared.fill("20/01/2027");
    await prepared.press("Enter");
    await summary.getByText("Số liệu đang nhập hợp lệ (chưa lưu)").waitFor();
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await summary.getByText("Số liệu hợp lệ, không có lỗi").waitFor();
    // the server stored its own totals and the zeros
    const saved = await orgRep.get<ReportOut & { values: Record<string, number> }>(`/api/v1/statistics/reports/${reportId}`);
    expect(saved).toMatchObject({ status: "draft", errorCount: 0 });
    expect(saved.values).toMatchObject({
      "spend.investment.state_central": 1200.5,
      "spend.investment.enterprise": 0,
      "spend.total.state_local": 2300,
      "spend.total.foreign": 0,
      "spend.total.total": 4049.5,
    });
    await confirmWith(page.locator(".stat-toolbar").getByRole("button", { name: "Nộp báo cáo" }), "Nộp báo cáo");
    await page.locator(".page-header").getByText("Đã nộp", { exact: true }).waitFor();
    await screenshot(page, "statistics-03-submitted");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an officer creates a period, opens it, assigns and unassigns an organisation and closes it; a stale close is refused and reloaded", async () => {
    const officerApi = apiAs("officer");
    const orgRep = await new ApiClient(baseUrl()).login("org_rep");
    const me = await orgRep.get<{ organisationId: string }>("/api/v1/auth/me");
    const org = await officerApi.get<{ nameVi: string }>(`/api/v1/organisations/${me.organisationId}`);
    const { page, context, errors } = await signedInPage(browser, "officer");
    await menu(page).getByText("Kỳ báo cáo thống kê", { exact: true }).click();
    await page.waitForURL(/\/statistics$/);
    await page.getByRole("button", { name: "Tạo kỳ báo cáo" }).click();
    const create = page.getByRole("dialog");
    const name = `Kỳ kiểm thử vòng đời ${Date.now()}`;
    await create.getByLabel("Tên kỳ báo cáo").fill(name);
    await create.getByRole("checkbox", { name: /08\/KHCN-SHTT/ }).check();
    await create.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.waitForURL(/\/statistics\/periods\/[0-9a-f-]{36}$/);
    const periodId = new URL(page.url()).pathname.split("/").pop()!;
    const header = page.locator(".page-header");
    await header.getByText("Dự thảo", { exact: true }).waitFor();

    // open: the period's version goes with the command
    await confirmWith(header.getByRole("button", { name: "Mở thu thập" }), "Mở thu thập");
    await header.getByText("Đang thu thập", { exact: true }).waitFor();

    // assign the org rep's unit to the form, then take the assignment back while nothing has been entered
    await header.getByRole("button", { name: "Giao báo cáo" }).click();
    const assign = page.getByRole("dialog");
    await chooseOption(assign.locator('[id="assign-organisations"]'), org.nameVi, org.nameVi);
    await assign.getByRole("button", { name: "Giao báo cáo" }).click();
    await page.locator(".ant-message").getByText("Đã giao 1 báo cáo mới (0 báo cáo đã có)").waitFor();
    const completeness = page.locator(".stat-completeness");
    await completeness.getByText("Chưa bắt đầu", { exact: true }).waitFor();
    await completeness.locator("tr.ant-table-row").first().getByRole("checkbox").check();
    await confirmWith(page.getByRole("button", { name: "Bỏ giao 1 báo cáo chưa bắt đầu" }));
    await page.locator(".ant-message").getByText("Đã bỏ giao 1 báo cáo").waitFor();
    await page.getByText("Chưa giao báo cáo cho đơn vị nào").waitFor();

    // someone else edits the period meanwhile: closing with the old version is refused, the page reloads the period
    const current = await officerApi.get<PeriodOut>(`/api/v1/statistics/periods/${periodId}`);
    await officerApi.put(`/api/v1/statistics/periods/${periodId}`, {
      year: 2026,
      nameVi: `${name} (đã sửa)`,
      formKeys: ["08-KHCN-SHTT"],
      version: current.version,
    });
    await confirmWith(header.getByRole("button", { name: "Đóng kỳ báo cáo" }), "Đóng kỳ báo cáo");
    await page
      .locator(".ant-message")
      .getByText(/Bản ghi vừa được người khác thay đổi/)
      .waitFor();
    await page.getByRole("heading", { name: `${name} (đã sửa)` }).waitFor();
    await confirmWith(header.getByRole("button", { name: "Đóng kỳ báo cáo" }), "Đóng kỳ báo cáo");
    await header.getByText("Đã đóng", { exact: true }).waitFor();
    const closed = await officerApi.get<{ status: string }>(`/api/v1/statistics/periods/${periodId}`);
    expect(closed.status).toBe("closed");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the form catalogue shows a template's layout and rules, and checks trial entries with the same engine", async () => {
    const { page, context, errors } = await signedInPage(browser, "officer");
    await menu(page).getByText("Biểu mẫu thống kê", { exact: true }).click();
    await page.waitForURL(/\/statistics\/forms$/);
    await page.getByRole("link", { name: "02/KHCN-NL" }).click();
    await page.waitForURL(/\/statistics\/forms\/02-KHCN-NL\/versions\/\d+$/);
    await page.getByRole("heading", { name: /02\/KHCN-NL — Nhân lực/ }).waitFor();
    // more women than people with a doctorate: the rule's message appears at once, nothing is saved
    await cell(page, "staff.ts.total").fill("10");
    await cell(page, "staff.ts.women").fill("12");
    await page
      .locator(".stat-summary")
      .getByText(/Dòng «Tiến sĩ»: số nữ \(12\) không được lớn hơn tổng số \(10\)/)
      .waitFor();
    await page.locator("td.has-error #cell-staff__ts__women").waitFor();
    await screenshot(page, "statistics-form-template");
    // the template's own English labels and the engine's English message
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { name: "02/KHCN-NL — People in S&T organisations" }).waitFor();
    await page.locator(".stat-summary").getByText("Row “Doctorate (PhD)”: women (12) cannot exceed the total (10).").waitFor();
    await page.getByRole("columnheader", { name: "of which women" }).first().waitFor();
    await page.getByText("VI", { exact: true }).click();
    await page.getByRole("heading", { name: /02\/KHCN-NL — Nhân lực/ }).waitFor();

    // every report of every unit, filtered to those awaiting review; a period's counts by form with its chart
    await menu(page).getByText("Báo cáo thống kê", { exact: true }).click();
    await page.waitForURL(/\/statistics\/reports$/);
    await page.locator(".list-table tbody tr.ant-table-row").first().waitFor();
    await menu(page).getByText("Kỳ báo cáo thống kê", { exact: true }).click();
    await page.waitForURL(/\/statistics$/);
    await page.locator('.list-table tbody tr.ant-table-row a[href^="/statistics/periods/"]').first().click();
    await page.waitForURL(/\/statistics\/periods\/[0-9a-f-]{36}$/);
    await page.getByRole("tab", { name: "Theo biểu mẫu" }).click();
    await page.getByRole("img", { name: "Báo cáo theo trạng thái" }).locator("canvas").waitFor();
    await screenshot(page, "statistics-period-forms");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an org rep fills the form's Excel template: a file with a wrong cell is refused whole, the corrected file is imported", async () => {
    const officerApi = apiAs("officer");
    const orgRep = await new ApiClient(baseUrl()).login("org_rep");
    const me = await orgRep.get<{ organisationId: string }>("/api/v1/auth/me");
    const periodName = `Nhập Excel SHTT ${Date.now()}`;
    let period = await officerApi.post<PeriodOut>("/api/v1/statistics/periods", {
      year: 2026,
      nameVi: periodName,
      formKeys: ["08-KHCN-SHTT"],
    });
    period = await officerApi.post<PeriodOut>(`/api/v1/statistics/periods/${period.id}/open`, { version: period.version });
    await officerApi.post(`/api/v1/statistics/periods/${period.id}/assignments`, { organisationIds: [me.organisationId] });
    const list = await orgRep.get<{ items: ReportOut[] }>(`/api/v1/statistics/reports?mine=true&periodId=${period.id}`);
    expect(list.items).toHaveLength(1);
    const reportId = list.items[0]!.id;

    const { page, context, errors } = await newPage(browser);
    await signIn(page, "org_rep");
    await openMyReport(page, periodName, "08/KHCN-SHTT", reportId);
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải mẫu Excel" }).click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path())!);
    const ws = wb.worksheets[0]!;
    let inventionRow = 0;
    ws.eachRow((row, n) => {
      if (String(row.getCell(1).value ?? "").trim() === "Sáng chế") inventionRow = n;
    });
    expect(inventionRow, "the template lays out the row «Sáng chế»").toBeGreaterThan(0);
    const send = async (filedVn: string | number) => {
      ws.getCell(`B${inventionRow}`).value = filedVn;
      ws.getCell(`C${inventionRow}`).value = 2;
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      await page
        .locator(".stat-toolbar input[type=file]")
        .setInputFiles({ name: "08-KHCN-SHTT.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
    };

    // "ba" is not a number: nothing is imported, the cell is named with its address
    await send("ba");
    const refused = page.locator(".ant-alert", { hasText: "Tệp có 1 ô không hợp lệ" });
    await refused.waitFor();
    await refused.getByRole("cell", { name: `B${inventionRow}`, exact: true }).waitFor();
    await refused.getByText(/phải là một số/).waitFor();
    await screenshot(page, "statistics-import-refused");
    const untouched = await orgRep.get<ReportOut & { values: Record<string, unknown> }>(`/api/v1/statistics/reports/${reportId}`);
    expect(untouched.status).toBe("assigned");
    expect(untouched.values["ip.invention.filed_vn"] ?? null).toBeNull();

    // the corrected file replaces the draft; the form shows the imported figures
    await send(3);
    await page.locator(".ant-message").getByText("Đã nhập số liệu từ tệp").waitFor();
    await expect.poll(() => cell(page, "ip.invention.filed_vn").inputValue()).toBe("3");
    await expect.poll(() => cell(page, "ip.invention.filed_abroad").inputValue()).toBe("2");
    await page.locator(".page-header").getByText("Đang soạn", { exact: true }).waitFor();
    const imported = await orgRep.get<ReportOut & { values: Record<string, unknown> }>(`/api/v1/statistics/reports/${reportId}`);
    expect(imported.values).toMatchObject({ "ip.invention.filed_vn": 3, "ip.invention.filed_abroad": 2 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
