// Journey: from the people list to a person's page by clicks; the page shows the tasks they led or joined, the councils
// they sat on and their results (each linked when the viewer may open it), and downloads their scientific CV (.docx).
// A council membership shows only to those inside the council: an officer sees the expert's councils, a PI does not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { readDocx } from "../../src/server/documents/docx-reader.js";
import { launch, menu, screenshot, signedInPage } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** From the people list, searching by name, open the person of that organisation. */
async function openPerson(page: Page, search: string, name: string, organisation: string) {
  await menu(page).getByText("Nhân lực KH&CN", { exact: true }).click();
  await page.waitForURL(/\/people$/);
  await page.getByLabel("Tìm theo tên, từ khoá chuyên môn").pressSequentially(search, { delay: 30 });
  await page.waitForURL(/q=/);
  const row = page
    .locator(".list-table tbody tr.ant-table-row")
    .filter({ hasText: organisation })
    .filter({ has: page.getByRole("link", { name, exact: true }) });
  await row.first().getByRole("link", { name, exact: true }).click();
  await page.getByRole("heading", { name }).waitFor();
}

describe("a person's activities and scientific CV", () => {
  it("an officer opens the PI's page from the list, sees the tasks led and the empty sections, and downloads the CV", async () => {
    const { page, context, errors } = await signedInPage(browser, "officer");
    await openPerson(page, "nguyen van an", "Nguyễn Văn An", "Trường Đại học Hàng hải Việt Nam");

    const card = page.locator(".ant-card").filter({ hasText: "Hoạt động khoa học và công nghệ" });
    await card.getByRole("tab", { name: /Nhiệm vụ chủ trì\/tham gia \(\d+\)/ }).waitFor();
    const taskRows = card.getByRole("tabpanel").locator("tbody tr.ant-table-row");
    await taskRows.first().waitFor();
    expect(await taskRows.count()).toBeGreaterThan(0);
    await expect.poll(() => taskRows.first().textContent()).toContain("Chủ nhiệm");
    // The officer may open the task: its title links to the task's page.
    const taskLink = taskRows.first().getByRole("link");
    expect(await taskLink.getAttribute("href")).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);
    const taskCode = (await taskRows.first().locator("td").first().textContent())!.trim();
    // The training, languages and awards of the CV, as tables on the page.
    await page.getByRole("cell", { name: "Khai thác, bảo trì tàu thủy", exact: true }).waitFor();
    await page.getByRole("cell", { name: "Tiếng Nhật", exact: true }).waitFor();
    await screenshot(page, "person-activities");

    await card.getByRole("tab", { name: /Hội đồng đã tham gia/ }).click();
    await card.getByRole("tabpanel").getByText("Chưa có hội đồng nào bạn được xem").waitFor();
    await card.getByRole("tab", { name: /Kết quả/ }).click();
    await card.getByRole("tabpanel").locator(".ant-table").waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải lý lịch khoa học (.docx)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const doc = await readDocx(readFileSync((await download.path())!));
    const text = doc.paragraphs.map((p) => p.text).join("\n");
    expect(text).toContain("LÝ LỊCH KHOA HỌC");
    expect(text).toContain("1. Họ và tên: Nguyễn Văn An");
    expect(text).toContain("13. Các hội đồng khoa học và công nghệ đã tham gia: Không có");
    // 8, 9 and 14 from the person's own lists: the demo PI's degrees, languages and awards.
    expect(
      doc.tables
        .find((tbl) => tbl[0].includes("Nơi đào tạo"))
        ?.slice(1)
        .map((row) => row[1]),
    ).toEqual(["Đại học", "Thạc sĩ", "Tiến sĩ"]);
    expect(doc.tables.find((tbl) => tbl[0].includes("Tên ngoại ngữ"))?.[1][1]).toBe("Tiếng Anh");
    expect(doc.tables.find((tbl) => tbl[0].includes("Thuộc nhiệm vụ"))?.[1][1]).toBe("Giải thưởng");
    expect(doc.tables.some((tbl) => tbl.some((r) => r.some((c) => c.includes(`(${taskCode})`))))).toBe(true);

    // Back on the tasks tab, the task opens from its link.
    await card.getByRole("tab", { name: /Nhiệm vụ chủ trì\/tham gia/ }).click();
    await taskLink.click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await page.getByText(taskCode).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an expert's councils show to an officer, linked to the council, and not to a PI", async () => {
    const officer = await signedInPage(browser, "officer");
    await openPerson(officer.page, "tran thi huong", "Trần Thị Hương", "Trường Đại học Y Dược Hải Phòng");
    const card = officer.page.locator(".ant-card").filter({ hasText: "Hoạt động khoa học và công nghệ" });
    await card.getByRole("tab", { name: /Hội đồng đã tham gia \(\d+\)/ }).click();
    const rows = card.getByRole("tabpanel").locator("tbody tr.ant-table-row");
    await rows.first().waitFor();
    const link = rows.first().getByRole("link").first();
    expect(await link.getAttribute("href")).toMatch(/^\/councils\/[0-9a-f-]{36}$/);
    const count = await rows.count();
    await screenshot(officer.page, "person-councils");
    const personUrl = officer.page.url();
    await link.click();
    await officer.page.waitForURL(/\/councils\/[0-9a-f-]{36}$/);
    expect(officer.errors).toEqual([]);
    await officer.context.close();

    const pi = await signedInPage(browser, "pi");
    await pi.page.goto(new URL(personUrl).pathname);
    await pi.page.getByRole("heading", { name: "Trần Thị Hương" }).waitFor();
    const piCard = pi.page.locator(".ant-card").filter({ hasText: "Hoạt động khoa học và công nghệ" });
    await piCard.getByRole("tab", { name: "Hội đồng đã tham gia (0)" }).click();
    await piCard.getByRole("tabpanel").getByText("Chưa có hội đồng nào bạn được xem").waitFor();
    expect(count).toBeGreaterThan(0);
    await pi.context.close();
  });
});
