// Journeys: a PI proposes a task in the open proposal-collection call, edits it and attaches the proposal form; the
// officer finds it in the work queue and sends it to the identification council through the action dialog.
// The demo PI opens the call that takes dossiers, starts a dossier from the task's row on the call's page, fills the description,
// a product, a milestone, the team (a member picked from the people registry) and a budget line, saves it, uploads
// the documents the call requires (a submission without them is refused with the reasons), submits before the
// deadline (the countdown is shown) and finds it locked; the officer cannot open it before the deadline (the refusal
// shows in the action dialog).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apiAs, launch, menu, screenshot, signedInPage, chooseOption, confirmWith } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface TaskOut {
  id: string;
  code: string;
  selectionCallId: string | null;
  selectionCallCode: string | null;
  piPersonId: string | null;
  selectionCallAccepting: boolean;
  abilities: { createDossier: boolean };
}
interface DossierOut {
  id: string;
  status: string;
  submittedAt: string | null;
  piPersonId: string;
  products: unknown[];
  milestones: unknown[];
  team: { personId: string; role: string }[];
  budget: { year: number; source: string; category: string; amount: number }[];
  totals: { total: number };
  documents: { code: string; required: boolean; uploaded: boolean }[];
}

/** Types a date (dd/mm/yyyy) into an antd DatePicker and leaves the field, which keeps the typed date. */
async function typeDate(input: ReturnType<Page["locator"]>, value: string) {
  await input.click();
  await input.fill(value);
  await input.press("Tab");
}

/** Picks the option of the antd Select whose input has this id, the first whose text contains `text` (typed first). */
async function pick(page: Page, id: string, text: string | RegExp) {
  await chooseOption(page.locator(`[id="${id}"]`), text, typeof text === "string" ? text : undefined);
}

describe("task proposal", () => {
  it("a PI proposes a task; the officer finds it in the queue and moves it on", async () => {
    const title = `Nghiên cứu giải pháp chống ngập đô thị ${Date.now()}`;
    const { page, context, errors } = await signedInPage(browser, "pi");
    await menu(page).getByText("Đề xuất đặt hàng", { exact: true }).click();
    await page.getByRole("button", { name: "Đề xuất mới" }).click();
    await page.waitForURL(/\/proposals\/new$/);
    // only calls taking proposals now are offered
    await pick(page, "callId", /DXDH-2027/);
    await page.locator("#titleVi").fill(title);
    await pick(page, "fieldCode", "202");
    await pick(page, "sectorCode", /./);
    await page.locator("#rationale").fill("Ngập úng đô thị gây thiệt hại lớn mỗi mùa mưa bão.");
    await page.locator("#objectives").fill("Đề xuất giải pháp thoát nước bền vững cho khu vực nội thành.");
    await page.locator("#expectedResults").fill("Bộ giải pháp kỹ thuật và bản đồ nguy cơ ngập.");
    await page.locator("#proposedBudget").fill("900000000");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split("/")[2];
    await page.getByText("900.000.000 đồng").waitFor();
    // the path of the task's own template, the current step highlighted
    await page.locator(".task-path [aria-current=step]").getByText("Đề xuất đặt hàng").waitFor();

    // the proposer edits it while it is at the proposal step
    await page.getByRole("button", { name: "Sửa đề xuất" }).click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}\/edit$/);
    await page.locator("#proposedMonths").fill("18");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.waitForURL(new RegExp(`/tasks/${id}$`));
    await page.getByText("18 tháng").waitFor();

    // attach the proposal form
    await page.getByRole("tab", { name: "Tài liệu" }).click();
    await page.locator("#document-code").fill("A1-ĐXNV");
    await page.keyboard.press("Escape");
    await page.locator(".document-upload input[type=file]").setInputFiles({
      name: "phieu-de-xuat.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "Tải lên", exact: true }).click();
    await page.locator(".task-documents").getByRole("cell", { name: "phieu-de-xuat.pdf" }).waitFor();
    await screenshot(page, "proposal-created");
    expect(errors).toEqual([]);
    await context.close();

    // the officer's work queue holds it; the action dialog moves it to the identification council
    const officer = await signedInPage(browser, "officer");
    await menu(officer.page).getByText("Việc cần xử lý", { exact: true }).click();
    await officer.page.getByLabel("Tìm nhiệm vụ").fill(title.slice(-13));
    await expect.poll(() => officer.page.locator(".list-table tbody tr.ant-table-row").count()).toBe(1);
    await screenshot(officer.page, "task-queue");
    await officer.page.getByRole("cell", { name: title }).click();
    await officer.page.waitForURL(new RegExp(`/tasks/${id}`));
    await officer.page.getByRole("button", { name: "Đưa ra hội đồng xác định" }).click();
    await officer.page.locator(".ant-modal").getByLabel("Ý kiến").fill("Đủ điều kiện đưa ra hội đồng");
    await officer.page.locator(".ant-modal").getByRole("button", { name: "Xác nhận" }).click();
    await officer.page.locator(".task-path [aria-current=step]").getByText("Hội đồng xác định nhiệm vụ").waitFor();
    const after = await apiAs("officer").get<{ state: string }>(`/api/v1/tasks/${id}`);
    expect(after.state).toBe("identification");
    expect(officer.errors).toEqual([]);
    await officer.context.close();
  });
});

describe("dossier of a task", () => {
  it("the PI fills, uploads and submits a dossier before the deadline; then it is locked", async () => {
    const api = apiAs("pi");
    // the demo task whose selection call is open, where the PI may still start a dossier
    const open = await api.get<{ items: { id: string }[] }>("/api/v1/tasks?view=all&state=call_open&pageSize=50");
    let task: TaskOut | undefined;
    for (const item of open.items) {
      const t = await api.get<TaskOut>(`/api/v1/tasks/${item.id}`);
      if (t.selectionCallAccepting && t.abilities.createDossier) {
        task = t;
        break;
      }
    }
    expect(task, "the demo data has a task whose selection call takes dossiers").toBeDefined();
    const people = await api.get<{ items: { id: string; fullName: string }[] }>("/api/v1/people?pageSize=20&sort=name");
    const member = people.items.find((p) => p.fullName !== "Nguyễn Văn An")!;
    const year = new Date().getFullYear() + 1;

    const { page, context, errors } = await signedInPage(browser, "pi");
    // the PI finds the open call, and on its page the task with "Lập hồ sơ đăng ký"
    await menu(page).getByText("Đợt gọi đề xuất", { exact: true }).click();
    await page.getByLabel("Tìm đợt").fill(task!.selectionCallCode!.toLowerCase());
    await page.getByRole("link", { name: task!.selectionCallCode!, exact: true }).click();
    const taskRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: task!.code, exact: true }) });
    await taskRow.waitFor();
    await screenshot(page, "call-tasks-pi");

    // start the dossier from the call's page
    await taskRow.getByRole("button", { name: "Lập hồ sơ đăng ký" }).click();
    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    const dossierId = new URL(page.url()).pathname.split("/").pop()!;
    // the deadline countdown comes from the server's secondsToDeadline
    await page
      .getByRole("timer")
      .getByText(/Còn lại đến hạn nộp/)
      .waitFor();

    // description
    await page.locator("#dossier-objectives").fill("Xây dựng hệ thống giám sát chất lượng nước nuôi trồng thuỷ sản theo thời gian thực.");
    await page.locator("#dossier-content").fill("Khảo sát hiện trạng; thiết kế cảm biến; xây dựng phần mềm; thử nghiệm tại hai vùng nuôi.");
    await page.locator("#dossier-methods").fill("Kết hợp khảo sát thực địa, thực nghiệm và mô hình hoá số liệu quan trắc.");
    await page.locator("#dossier-novelty").fill("Lần đầu áp dụng mạng cảm biến giá thấp cho vùng nuôi ven biển của thành phố.");
    await page.locator("#dossier-applicationPlan").fill("Chuyển giao cho các hợp tác xã nuôi trồng thuỷ sản tại huyện Cát Hải.");
    await page.locator("#dossier-durationMonths").fill("18");
    await typeDate(page.locator("#dossier-startDate"), `01/01/${year}`);

    // one expected product
    await page.getByRole("button", { name: "Thêm sản phẩm" }).click();
    const product = page.locator(".dossier-products tbody tr.ant-table-row").first();
    await product.getByLabel("Tên sản phẩm").fill("Hệ thống cảm biến quan trắc");
    await product.getByLabel("Đơn vị").fill("hệ thống");
    await product.getByLabel("Chỉ tiêu chất lượng").fill("Đo 5 chỉ tiêu, sai số dưới 5%");

    // one milestone
    await page.getByRole("button", { name: "Thêm mốc tiến độ" }).click();
    const milestone = page.locator(".dossier-milestones tbody tr.ant-table-row").first();
    await milestone.getByLabel("Nội dung công việc").fill("Khảo sát hiện trạng vùng nuôi");
    await typeDate(milestone.getByLabel("Từ ngày"), `01/01/${year}`);
    await typeDate(milestone.getByLabel("Đến ngày"), `30/06/${year}`);
    await milestone.getByLabel("Kết quả phải đạt").fill("Báo cáo khảo sát");

    // the team starts with the PI; add a member from the people registry
    expect(await page.locator(".dossier-team tbody tr.ant-table-row").count()).toBe(1);
    await page.getByRole("button", { name: "Thêm thành viên" }).click();
    const row = page.locator(".dossier-team tbody tr.ant-table-row").nth(1);
    await pick(page, "team_1_personId", member.fullName);
    await row.getByLabel("Số tháng làm việc").fill("6");

    // one budget line (city budget, labour, the start year), with the matrix totals
    await page.getByRole("button", { name: "Thêm dòng kinh phí" }).click();
    const line = page.locator(".dossier-budget tbody tr.ant-table-row").first();
    await line.getByLabel("Số tiền").fill("150000000");
    await expect.poll(() => page.getByTestId("budget-grand-total").textContent()).toBe("150.000.000");

    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Đã lưu").first().waitFor();
    await expect.poll(async () => (await api.get<DossierOut>(`/api/v1/tasks/${task!.id}/dossiers/${dossierId}`)).totals.total).toBe(150_000_000);
    const saved = await api.get<DossierOut>(`/api/v1/tasks/${task!.id}/dossiers/${dossierId}`);
    expect(saved.products).toHaveLength(1);
    expect(saved.milestones).toHaveLength(1);
    expect(saved.team.map((m) => m.role).sort()).toEqual(["member", "pi"]);
    expect(saved.team.some((m) => m.personId === member.id)).toBe(true);
    expect(saved.budget).toEqual([{ year, source: "city", category: "labour", amount: 150_000_000 }]);

    // submitting without the required documents is refused with the server's reasons
    const required = saved.documents.filter((d) => d.required).map((d) => d.code);
    if (required.length) {
      await confirmWith(page.getByRole("button", { name: "Nộp hồ sơ", exact: true }), "Nộp hồ sơ");
      await page.locator(".dossier-submit .refusal-list").getByText(new RegExp(required[0])).waitFor();
    }

    // upload every required document: code + file, with progress
    for (const code of required) {
      await page.locator("#document-code").fill(code);
      await page.keyboard.press("Escape");
      await page.locator(".document-upload input[type=file]").setInputFiles({
        name: `${code}.pdf`,
        mimeType: "application/pdf",
        buffer: Buffer.from(`%PDF-1.4\n% ${code}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`),
      });
      await page.getByRole("button", { name: "Tải lên", exact: true }).click();
      await page
        .locator(".task-documents")
        .getByRole("cell", { name: `${code}.pdf` })
        .waitFor();
    }
    if (required.length) await page.getByText("Đã có đủ tài liệu bắt buộc").waitFor();
    await screenshot(page, "dossier-filled");

    // submit
    await confirmWith(page.getByRole("button", { name: "Nộp hồ sơ", exact: true }), "Nộp hồ sơ");
    await page
      .locator(".dossier-locked")
      .getByText(/đã được khoá/)
      .waitFor();
    const submitted = await api.get<DossierOut>(`/api/v1/tasks/${task!.id}/dossiers/${dossierId}`);
    expect(submitted.status).toBe("submitted");
    expect(submitted.submittedAt).not.toBeNull();

    // read-only: no editor, no submit, no upload
    expect(await page.locator("#dossier-objectives").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Nộp hồ sơ", exact: true }).count()).toBe(0);
    expect(await page.locator(".document-upload").count()).toBe(0);
    await page.getByText("Hệ thống cảm biến quan trắc").waitFor();
    await screenshot(page, "dossier-submitted");
    expect(errors).toEqual([]);
    await context.close();

    // the officer may not open dossiers before the deadline: the dialog with the validity checks shows the server's
    // refusal, and the task stays where it is
    const officer = await signedInPage(browser, "officer");
    await menu(officer.page).getByText("Nhiệm vụ", { exact: true }).click();
    await officer.page.waitForURL(/\/tasks(\?|$)/);
    await officer.page.getByLabel("Tìm nhiệm vụ").fill(task!.code.toLowerCase());
    await officer.page.getByRole("link", { name: task!.code, exact: true }).click();
    await officer.page.waitForURL(new RegExp(`/tasks/${task!.id}`));
    await officer.page.getByRole("tab", { name: /^Hồ sơ \(/ }).click();
    await officer.page.locator(".task-dossiers").getByText("Đã nộp").first().waitFor();
    await officer.page.getByRole("button", { name: "Mở hồ sơ, kiểm tra tính hợp lệ" }).click();
    const dialog = officer.page.locator(".ant-modal");
    const card = dialog.locator(".ant-card").filter({ hasText: "Nguyễn Văn An" });
    for (const check of ["Đủ thành phần", "Có chữ ký, đóng dấu", "Thông tin khớp nhau", "Hồ sơ hợp lệ"]) await card.getByText(check).click();
    await dialog.getByRole("button", { name: "Xác nhận" }).click();
    await dialog
      .getByRole("alert")
      .getByText(/hạn nộp/)
      .waitFor();
    await dialog.getByRole("button", { name: "Huỷ" }).click();
    await officer.page.locator(".task-path [aria-current=step]").getByText("Hồ sơ đã nộp").waitFor();
    expect((await apiAs("officer").get<{ state: string }>(`/api/v1/tasks/${task!.id}`)).state).toBe("dossier_submitted");
    const after = await apiAs("officer").get<DossierOut & { validityCheck: unknown }>(`/api/v1/tasks/${task!.id}/dossiers/${dossierId}`);
    expect(after.validityCheck).toBeNull();
    expect(officer.errors).toEqual([]);
    await officer.context.close();
  });
});
