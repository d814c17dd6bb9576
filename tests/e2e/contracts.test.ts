// Journey, with clicks only (no typed addresses): the contract of an approved task, from draft to the first payment in
// the ledger. The officer finds "Ký hợp đồng" on their home for the demo task approved by direct assignment; on the
// task's page that step is shown disabled with its reason (no contract yet) and the next step, "Lập hợp đồng", which
// drafts the contract and opens it: as its preparer they get no sign button but the two-person hint. They save the
// disbursement plan (an advance and a tranche adding up to the city value) in the plan dialog. A leader finds the
// draft to sign on their home and opens the sign dialog; meanwhile the plan is saved again, so the leader's first
// attempt meets a version conflict: the dialog says the contract was reloaded, and the second attempt signs it. The
// officer goes from the contract to its task, where "Ký hợp đồng" now runs. The finance user finds the advance due on
// their home and records it on the contract: an amount beyond the tranche is refused inside the dialog (the server's
// message and code), the right amount is recorded and awaits a second person (the recorder is told so, with no
// approve button); the leader finds it on their home and approves it; the ledger and the settlement show the money.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apiAs, chooseOption, confirmWith, launch, menu, newPage, screenshot, signIn, signedInPage } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface ContractOut {
  id: string;
  number: string;
  version: number;
  status: string;
  valueCity: number;
  tranches: { id: string; kind: string; label: string; plannedDate: string; amountCity: number; amountOther: number; condition: string | null }[];
  payments: { id: string; status: string; amount: number }[];
}

/** A day as the date pickers take it (dd/mm/yyyy), in Vietnam time. */
const vnDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).split("-").reverse().join("/");

const money = (n: number) => new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND", maximumFractionDigits: 0 }).format(n);

/** Types a date (dd/mm/yyyy) into an antd DatePicker and leaves the field, which keeps the typed date. */
async function typeDate(page: Page, id: string, value: string) {
  const input = page.locator(`[id="${id}"]`);
  await input.click();
  await input.fill(value);
  await input.press("Tab");
}

/** Opens an item of the signed-in user's home ("Việc của tôi"): the action's group, then the row of the record. */
async function fromHome(page: Page, action: string, record: string) {
  await page.getByRole("heading", { name: "Việc của tôi" }).waitFor();
  await page
    .getByTestId("work-groups")
    .getByText(new RegExp(`^${action} \\(`))
    .click();
  const row = page.locator(".ant-table-tbody tr.ant-table-row", { hasText: record }).first();
  await row.getByRole("link", { name: action }).click();
}

/** Back to the home from the menu. */
async function home(page: Page) {
  await menu(page).getByRole("menuitem", { name: "Trang chủ" }).click();
}

describe("contracts", () => {
  it("an officer plans a drafted contract, a leader signs it, finance records a payment a leader approves", async () => {
    const officerApi = apiAs("officer");
    // the demo's task approved by direct assignment, whose contract the officer is to draft
    const approvedTasks = await officerApi.get<{ items: { id: string; code: string }[] }>("/api/v1/tasks?state=approved&pageSize=50");
    expect(approvedTasks.items.length, "the demo data has a task at step approved").toBeGreaterThan(0);

    // ── the officer: from the home to the task, where the contract step says what it waits for ──
    const officer = await signedInPage(browser, "officer");
    await fromHome(officer.page, "Ký hợp đồng", approvedTasks.items[0].code);
    await officer.page.waitForURL(/\/tasks\/[0-9a-f-]{36}/);
    const taskId = new URL(officer.page.url()).pathname.split("/")[2];
    expect(approvedTasks.items.map((x) => x.id)).toContain(taskId);
    await officer.page.getByRole("button", { name: "Ký hợp đồng" }).waitFor();
    expect(await officer.page.getByRole("button", { name: "Ký hợp đồng" }).isDisabled()).toBe(true);
    const blockers = officer.page.getByRole("alert").filter({ hasText: "Nhiệm vụ chưa có hợp đồng" });
    await blockers.getByRole("button", { name: "Lập hợp đồng" }).click();
    const create = officer.page.getByRole("dialog");
    await create.getByRole("button", { name: "Lập hợp đồng" }).click();
    await officer.page.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
    const c = await officerApi.get<ContractOut>(`/api/v1/contracts/${new URL(officer.page.url()).pathname.split("/")[2]}`);
    expect(c.status).toBe("draft");
    await officer.page.getByRole("heading", { name: new RegExp(c.number.replace(/[/.]/g, "\\$&")) }).waitFor();
    const advance = Math.round(c.valueCity * 0.3);
    const rest = c.valueCity - advance;

    // ── the officer, who prepared it, plans the disbursements ──
    await officer.page.getByText("Dự thảo", { exact: true }).first().waitFor();
    await officer.page.getByText(/Nguyên tắc hai người: người ký không được là người đã lập hợp đồng/).waitFor();
    expect(await officer.page.getByRole("button", { name: "Ký duyệt hợp đồng" }).count()).toBe(0);

    await officer.page.getByRole("button", { name: "Sửa kế hoạch cấp kinh phí" }).click();
    const plan = officer.page.getByRole("dialog");
    await plan.getByRole("button", { name: "Thêm đợt" }).click();
    await plan.getByRole("button", { name: "Thêm đợt" }).click();
    await plan.locator('[id="tranches_0_label"]').fill("Tạm ứng đợt 1");
    await typeDate(officer.page, "tranches_0_plannedDate", vnDate(new Date(Date.now() + 5 * 86_400_000)));
    await plan.locator('[id="tranches_0_amountCity"]').fill(String(advance));
    await plan.locator('[id="tranches_1_label"]').fill("Cấp đợt 2");
    await typeDate(officer.page, "tranches_1_plannedDate", vnDate(new Date(Date.now() + 180 * 86_400_000)));
    await plan.locator('[id="tranches_1_amountCity"]').fill(String(rest));
    await plan.locator('[id="tranches_1_amountCity"]').press("Tab");
    // the dialog adds the plan up against the city value
    await plan.getByText(`Tổng kế hoạch ngân sách thành phố: ${money(c.valueCity)} / giá trị hợp đồng ${money(c.valueCity)}`).waitFor();
    await plan.getByRole("button", { name: "Lưu", exact: true }).click();
    await plan.waitFor({ state: "hidden" });
    await officer.page.getByRole("cell", { name: "Tạm ứng đợt 1" }).waitFor();
    await officer.page
      .getByRole("cell", { name: money(advance), exact: true })
      .first()
      .waitFor();
    await expect.poll(() => officer.page.getByText(/chưa bằng giá trị hợp đồng/).count()).toBe(0);
    await screenshot(officer.page, "contract-planned");
    const planned = await officerApi.get<ContractOut>(`/api/v1/contracts/${c.id}`);
    expect(planned.tranches.map((x) => [x.kind, x.amountCity])).toEqual([
      ["advance", advance],
      ["tranche", rest],
    ]);

    // ── a leader signs; the plan is saved again meanwhile, so the first attempt meets a version conflict ──
    const leader = await newPage(browser);
    await signIn(leader.page, "leader");
    await fromHome(leader.page, "Ký hợp đồng", c.number);
    await leader.page.waitForURL(new RegExp(`/contracts/${c.id}$`));
    await leader.page.getByRole("button", { name: "Ký duyệt hợp đồng" }).click();
    const sign = leader.page.getByRole("dialog");
    await sign.getByText(/Người lập:/).waitFor();
    const resaved = await officerApi.put<ContractOut>(`/api/v1/contracts/${c.id}/disbursements`, {
      version: planned.version,
      tranches: planned.tranches.map(({ id, kind, label, plannedDate, amountCity, amountOther }) => ({
        id,
        kind,
        label,
        plannedDate,
        amountCity,
        amountOther,
        condition: "Sau khi ký hợp đồng",
      })),
    });
    await sign.getByRole("button", { name: "Ký duyệt hợp đồng" }).click();
    await sign.getByRole("alert").getByText("Bản ghi vừa được người khác thay đổi", { exact: false }).waitFor();
    // the page has the contract as it is now (its version in the record's footer), the dialog is still open
    await leader.page.locator(".record-meta", { hasText: `phiên bản ${resaved.version}` }).waitFor({ state: "attached" });
    await sign.getByRole("button", { name: "Ký duyệt hợp đồng" }).click();
    await sign.waitFor({ state: "hidden" });
    await leader.page.getByText("Đã ký", { exact: true }).first().waitFor();
    const signed = await officerApi.get<ContractOut>(`/api/v1/contracts/${c.id}`);
    expect(signed.status).toBe("signed");

    // ── the officer goes from the contract to its task, where the contract step now runs ──
    await officer.page.reload();
    await officer.page.getByText("Đã ký", { exact: true }).first().waitFor();
    await officer.page.getByRole("link", { name: new RegExp(`^${approvedTasks.items.find((x) => x.id === taskId)!.code.replace(/[.]/g, "\\.")} · `) }).click();
    await officer.page.waitForURL(new RegExp(`/tasks/${taskId}`));
    await officer.page.getByRole("button", { name: "Ký hợp đồng" }).click();
    await officer.page.locator(".ant-modal").getByRole("button", { name: "Xác nhận" }).click();
    await officer.page.locator(".task-path [aria-current=step]").getByText("Đã ký hợp đồng").waitFor();
    expect((await officerApi.get<{ state: string }>(`/api/v1/tasks/${taskId}`)).state).toBe("contracted");

    // ── finance records a payment on the advance ──
    const finance = await newPage(browser);
    await signIn(finance.page, "finance");
    await fromHome(finance.page, "Ghi nhận khoản cấp, hoàn trả", c.number);
    await finance.page.waitForURL(new RegExp(`/contracts/${c.id}$`));
    await finance.page.getByRole("button", { name: "Ghi thanh toán" }).click();
    const pay = finance.page.getByRole("dialog");
    await chooseOption(pay.locator('[id="trancheId"]'), /Tạm ứng đợt 1/);
    await pay.locator('[id="amount"]').fill(String(advance + 1_000_000));
    await pay.locator('[id="reference"]').fill("UNC-0001/2027");
    await pay.getByRole("button", { name: "Lưu", exact: true }).click();
    // beyond the tranche: refused by the server, shown in the dialog with its code
    const refusal = pay.getByRole("alert");
    await refusal.getByText("Mã: OVER_PAYMENT").waitFor();
    await screenshot(finance.page, "contract-payment-refused");
    await pay.locator('[id="amount"]').fill(String(advance));
    await pay.getByRole("button", { name: "Lưu", exact: true }).click();
    await pay.waitFor({ state: "hidden" });
    const entry = finance.page.locator("tr.ant-table-row", { hasText: "UNC-0001/2027" });
    await entry.getByText("Chờ duyệt").waitFor();
    // the recorder may not approve their own entry
    await entry.getByText(/Nguyên tắc hai người: người duyệt hoặc từ chối không được là người đã ghi khoản này/).waitFor();
    expect(await entry.getByRole("button", { name: "Phê duyệt" }).count()).toBe(0);

    // ── the leader finds it on their home and approves it; the ledger and the settlement show the money ──
    await home(leader.page);
    await fromHome(leader.page, "Duyệt khoản chi", c.number);
    await leader.page.waitForURL(new RegExp(`/contracts/${c.id}$`));
    const pending = leader.page.locator("tr.ant-table-row", { hasText: "UNC-0001/2027" });
    await confirmWith(pending.getByRole("button", { name: "Phê duyệt" }), "Phê duyệt");
    await pending.getByText("Đã duyệt").waitFor();
    await expect.poll(() => pending.textContent()).toContain(money(advance));
    await finance.page.reload();
    const approved = finance.page.locator("tr.ant-table-row", { hasText: "UNC-0001/2027" });
    await approved.getByText("Đã duyệt").waitFor();
    await finance.page.getByText("Đã cấp", { exact: true }).first().waitFor();
    await screenshot(finance.page, "contract-ledger");
    const after = await officerApi.get<ContractOut & { settlement: { disbursed: number } }>(`/api/v1/contracts/${c.id}`);
    expect(after.payments.map((p) => [p.status, p.amount])).toEqual([["approved", advance]]);
    expect(after.settlement.disbursed).toBe(advance);

    expect([...officer.errors, ...leader.errors, ...finance.errors]).toEqual([]);
    await officer.context.close();
    await leader.context.close();
    await finance.context.close();
  });
});
