// Journey: the officer takes the demo task whose two valid dossiers (from two organisations) wait for the selection
// council, convenes it (task action), creates the selection council on the council pages, seats seven members after
// the conflict-of-interest check (a member of staff of an applicant organisation is refused, with the check's
// lines); a member found in conflict when the invitations go out (they have since joined the other applicant) blocks
// them until a leader, who finds it on their home, overrides it with a reason in the council page's dialog; then the officer invites them, opens
// the session and records attendance. The demo expert signs the declaration and scores
// both dossiers on the 100-point rubric (the total follows the input) and submits; the other six members, who have
// their own accounts, sign and score online too — except one, who signs and scores on paper: the officer records
// the signed paper declaration and enters the paper ballots on the council page. The officer concludes: the results table ranks the dossiers and
// marks the winner; "Được tuyển chọn" on the task then records the selected organisation and PI and moves the task to
// the revision step. Confidentiality: before conclusion the expert reads only their own ballots; the PI never sees
// member names or individual scores, and opens the council from the task page's councils tab.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ApiClient } from "./server.js";
import { apiAs, baseUrl, launch, menu, newPage, screenshot, signIn, signedInPage, chooseOption, confirmWith } from "./browser.js";

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
  state: string;
  titleVi: string;
  piPersonId: string | null;
  leadOrganisationId: string | null;
  selectedDossierId: string | null;
  startDate: string | null;
  endDate: string | null;
  approvedBudgetCity: number | null;
  approvedBudgetOther: number | null;
  decisionNumber: string | null;
  dossiers: { id: string; status: string; piName: string; leadOrganisationId: string; leadOrganisationName: string }[];
}
interface Person {
  id: string;
  fullName: string;
  birthYear: number | null;
}
interface CouncilOut {
  id: string;
  version: number;
  status: string;
  subjects: { id: string; applicantName: string | null; criteria: { key: string; max: number | null }[] }[];
  members: { id: string; fullName: string }[];
  results:
    { subjectId: string; rank: number | null; selected: boolean; passed: boolean | null; meetsThreshold: boolean | null; average: number | null }[] | null;
}

/** Types into an antd Select found by its label and picks the first option whose text matches. */
async function choose(page: Page, label: string, typed: string | null, option: string | RegExp) {
  await chooseOption(page.getByLabel(label, { exact: true }), option, typed ?? undefined);
}

/** Clicks a button whose Popconfirm then asks; confirms. */
async function confirmed(page: Page, name: string) {
  await confirmWith(page.getByRole("button", { name, exact: true }));
}

const ROLE_LABEL = {
  chair: "Chủ tịch",
  vice_chair: "Phó chủ tịch",
  reviewer: "Phản biện",
  scientific_secretary: "Thư ký khoa học",
  member: "Uỷ viên",
} as const;
type SeatRole = keyof typeof ROLE_LABEL;

/** The rubric (de_tai, 100 points) as a member scores a dossier: [overview, content, products, applicability, feasibility, capacity]. */
const RUBRIC = ["overview", "content", "products", "applicability", "feasibility", "capacity"] as const;
const LABELS = [
  "Tổng quan tình hình nghiên cứu",
  "Nội dung, nhân lực, phương pháp, kỹ thuật",
  "Sản phẩm KH&CN",
  "Khả năng ứng dụng vào sản xuất và đời sống",
  "Tính khả thi của kế hoạch và kinh phí",
  "Năng lực tổ chức và cá nhân",
];
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("selection council", () => {
  /** the task the council selected a dossier for, at step "revision" once the first journey has run */
  let selected: TaskOut | undefined;
  it("an officer runs the selection council to a decision, members score", { timeout: 420_000 }, async () => {
    const officerApi = apiAs("officer");
    const found = await officerApi.get<{ items: { id: string }[] }>("/api/v1/tasks?view=all&state=dossier_opened&pageSize=50");
    let task: TaskOut | undefined;
    for (const item of found.items) {
      const t = await officerApi.get<TaskOut>(`/api/v1/tasks/${item.id}`);
      if (t.dossiers.filter((d) => d.status === "valid").length === 2) task = t;
    }
    expect(task, "the demo data has a task with two valid dossiers waiting for its selection council").toBeDefined();
    const t = task!;
    const vmuDossier = t.dossiers.find((d) => d.piName === "Nguyễn Văn An")!;
    const otherDossier = t.dossiers.find((d) => d !== vmuDossier)!;
    expect(vmuDossier.leadOrganisationId).not.toBe(otherDossier.leadOrganisationId);

    // the council's members: the demo expert and six more experts with accounts (demo data)
    const experts: { username: string; api: ApiClient; person: Person }[] = [];
    for (const username of ["expert", "expert2", "expert3", "expert4", "expert5", "expert6", "expert7"]) {
      const api = new ApiClient(baseUrl(), "", username);
      const res = await api.raw("POST", "/api/v1/auth/login", { username, password: "khcn-demo" });
      expect(res.status, `demo account ${username}`).toBe(200);
      const me = (await res.json()) as { personId: string | null };
      expect(me.personId).toBeTruthy();
      experts.push({ username, api, person: await officerApi.get<Person>(`/api/v1/people/${me.personId}`) });
    }
    const seats: [number, SeatRole][] = [
      [1, "chair"],
      [2, "vice_chair"],
      [0, "reviewer"],
      [3, "reviewer"],
      [4, "scientific_secretary"],
      [5, "member"],
      [6, "member"],
    ];
    // a member of staff of the applicant organisation of the PI's dossier (an expert too): refused
    const staff = await officerApi.get<{ items: Person[] }>(
      `/api/v1/people?organisationId=${vmuDossier.leadOrganisationId}&isExpert=true&sort=name&pageSize=50`,
    );
    const conflicted = staff.items.find((p) => p.fullName !== "Nguyễn Văn An")!;
    expect(conflicted).toBeDefined();

    // ---- the officer convenes the selection council from the task
    const officer = await signedInPage(browser, "officer");
    const page = officer.page;
    await menu(page).getByText("Nhiệm vụ", { exact: true }).click();
    await page.waitForURL(/\/tasks(\?|$)/);
    await page.getByLabel("Tìm nhiệm vụ").fill(t.code.toLowerCase());
    await page.getByRole("link", { name: t.code, exact: true }).click();
    await page.waitForURL(new RegExp(`/tasks/${t.id}`));
    await page.locator(".task-path [aria-current=step]").getByText("Đã mở và kiểm tra hồ sơ").waitFor();
    await page.getByRole("button", { name: "Trình hội đồng tuyển chọn" }).click();
    await page.locator(".ant-modal").getByLabel("Ý kiến").fill("Hai hồ sơ hợp lệ, trình hội đồng tuyển chọn");
    await page.locator(".ant-modal").getByRole("button", { name: "Xác nhận" }).click();
    await page.locator(".task-path [aria-current=step]").getByText("Hội đồng tư vấn tuyển chọn / giao trực tiếp").waitFor();

    // ---- the step now waits for its council: the decisions are shown disabled with the reason, and the task's page
    //      offers "Lập hội đồng" with the kind and the task already chosen
    const blockers = page.getByRole("alert").filter({ hasText: "Chưa thể thực hiện ngay" });
    await blockers.getByText("Chưa thành lập hội đồng tuyển chọn", { exact: false }).first().waitFor();
    expect(await page.getByRole("button", { name: "Được tuyển chọn / giao trực tiếp" }).isDisabled()).toBe(true);
    await screenshot(page, "task-waiting-for-council");
    await blockers.getByRole("button", { name: "Lập hội đồng" }).click();
    const dialog = page.locator(".ant-modal");
    await dialog.getByText(`${t.code} · `, { exact: false }).first().waitFor();
    const title = `Hội đồng tư vấn tuyển chọn ${t.code}`;
    await dialog.locator("#title").fill(title);
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(/\/councils\/[0-9a-f-]{36}$/);
    const councilId = new URL(page.url()).pathname.split("/").pop()!;
    // both valid dossiers are the council's subjects, with their applicant organisations
    for (const d of [vmuDossier, otherDossier]) await page.getByRole("cell", { name: d.leadOrganisationName, exact: true }).waitFor();
    await page.getByText("TT 20/2023/TT-BKHCN", { exact: false }).first().waitFor();
    // the general section keeps the council's kind on one line at 1366 px
    const kind = page.locator(".council-general .ant-descriptions-item").filter({ hasText: "Loại hội đồng" }).locator(".ant-descriptions-item-content");
    const kindBox = await kind.boundingBox();
    expect(kindBox!.width).toBeGreaterThan(120);
    expect(kindBox!.height).toBeLessThan(30);

    // ---- seats the members; every check is shown before adding
    const members = page.locator(".ant-card").filter({ hasText: "Thành viên hội đồng" });
    const check = async (p: Person, role: SeatRole) => {
      await choose(page, "Thành viên", p.fullName, `${p.fullName} · ${p.birthYear}`);
      await choose(page, "Vai trò", null, new RegExp(`^${ROLE_LABEL[role]}$`));
      // the check is answered before its lines are looked for (on a busy machine the answer may take a while)
      const answered = page.waitForResponse((r) => r.url().endsWith("/conflict-check") && r.request().method() === "POST", { timeout: 60_000 });
      await page.getByRole("button", { name: "Kiểm tra xung đột lợi ích" }).click();
      await answered;
    };
    // the conflicted candidate first: the lines explain it, and an officer has no way to add them
    await check(conflicted, "member");
    const refusal = page.getByRole("alert").filter({ hasText: `${conflicted.fullName} có xung đột lợi ích` });
    await refusal.getByText(`Đang công tác tại tổ chức chủ trì / đăng ký ${vmuDossier.leadOrganisationName}`, { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: "Thêm vào hội đồng" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Chấp thuận và thêm" }).count()).toBe(0);
    await screenshot(page, "council-conflict-refused");
    // the server refuses it as well
    const draft = await officerApi.get<CouncilOut>(`/api/v1/councils/${councilId}`);
    const refused = await officerApi.raw("POST", `/api/v1/councils/${councilId}/members`, { version: draft.version, personId: conflicted.id, role: "member" });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("CONFLICT_OF_INTEREST");

    for (const [i, role] of seats) {
      const p = experts[i].person;
      await check(p, role);
      await page
        .getByRole("alert")
        .filter({ hasText: `${p.fullName} không có xung đột chặn việc mời` })
        .waitFor();
      await page.getByRole("button", { name: "Thêm vào hội đồng" }).click();
      await members.locator("tbody tr").filter({ hasText: p.fullName }).filter({ hasText: ROLE_LABEL[role] }).waitFor();
    }
    expect(await members.locator("tbody tr.ant-table-row").count()).toBe(7);
    expect(await members.getByText(conflicted.fullName).count()).toBe(0);

    // ---- a conflict found late: one member has since joined the other applicant organisation; the invitations are
    // refused naming them, and a leader overrides it with a reason in the dialog on the council page
    const late = experts[5].person;
    const moveTo = async (organisationId: string | null) => {
      const p = await officerApi.get<Record<string, any>>(`/api/v1/people/${late.id}`);
      const { id: _i, givenName: _g, contact, primaryOrganisationName: _pn, abilities: _a, createdAt: _c, updatedAt: _u, ...rest } = p;
      await officerApi.put(`/api/v1/people/${late.id}`, {
        ...rest,
        email: contact?.email ?? null,
        phone: contact?.phone ?? null,
        address: contact?.address ?? null,
        affiliations: p.affiliations.map(({ id: _id, organisationName: _on, ...a }: Record<string, unknown>) => a),
        primaryOrganisationId: organisationId,
      });
      return p.primaryOrganisationId as string | null;
    };
    const lateHome = await moveTo(otherDossier.leadOrganisationId);
    await confirmed(page, "Gửi mời");
    await page.locator(".ant-message").getByText(`Chưa gửi được giấy mời`, { exact: false }).waitFor();
    await page
      .locator(".ant-message")
      .getByText(`${late.fullName}: Đang công tác tại tổ chức chủ trì / đăng ký ${otherDossier.leadOrganisationName}`, { exact: false })
      .waitFor();
    const lateRow = members.locator("tbody tr").filter({ hasText: late.fullName });
    await lateRow.getByText("Xung đột mới phát hiện", { exact: true }).waitFor();
    // an officer may not override it
    expect(await page.getByRole("button", { name: `Chấp thuận kèm lý do: ${late.fullName}` }).count()).toBe(0);
    const leader = await newPage(browser);
    await signIn(leader.page, "leader");
    // the decision waits on the leader's home, naming the member and the council
    await leader.page.getByRole("heading", { name: "Việc của tôi" }).waitFor();
    const waiting = leader.page.locator(".ant-table-tbody tr.ant-table-row", { hasText: late.fullName }).filter({ hasText: title });
    await waiting.getByRole("link", { name: "Chấp thuận xung đột lợi ích (kèm lý do)" }).click();
    await leader.page.waitForURL(new RegExp(`/councils/${councilId}$`));
    await leader.page.getByRole("button", { name: `Chấp thuận kèm lý do: ${late.fullName}` }).click();
    const overrideDialog = leader.page.locator(".ant-modal").filter({ hasText: `Xung đột lợi ích của ${late.fullName}` });
    await overrideDialog.getByText(`Đang công tác tại tổ chức chủ trì / đăng ký ${otherDossier.leadOrganisationName}`, { exact: false }).waitFor();
    await overrideDialog.getByRole("button", { name: "Chấp thuận kèm lý do" }).click();
    await overrideDialog.getByText("Vui lòng nhập", { exact: false }).or(overrideDialog.locator(".ant-form-item-explain-error")).first().waitFor();
    await overrideDialog
      .getByLabel("Lý do chấp thuận (bắt buộc, được ghi nhật ký)")
      .fill("Chuyên gia đầu ngành duy nhất về nuôi biển; chỉ mới chuyển công tác, không tham gia hồ sơ");
    await overrideDialog.getByRole("button", { name: "Chấp thuận kèm lý do" }).click();
    await overrideDialog.waitFor({ state: "detached" });
    const leaderRow = leader.page.locator(".ant-card").filter({ hasText: "Thành viên hội đồng" }).locator("tbody tr").filter({ hasText: late.fullName });
    await leaderRow.getByText("Đã chấp thuận có lý do", { exact: true }).waitFor();
    expect(await leaderRow.getByText("Xung đột mới phát hiện", { exact: true }).count()).toBe(0);
    await screenshot(leader.page, "council-late-conflict-overridden");
    expect(leader.errors).toEqual([]);
    await leader.context.close();
    await moveTo(lateHome);

    // ---- invites, opens the session, records attendance
    await page.reload();
    await lateRow.getByText("Đã chấp thuận có lý do", { exact: true }).waitFor();
    await confirmed(page, "Gửi mời");
    await page.locator(".ant-tag").getByText("Đã mời", { exact: true }).waitFor();
    await confirmed(page, "Khai mạc phiên họp");
    await page.locator(".ant-tag").getByText("Đang họp", { exact: true }).waitFor();
    for (const [i] of seats) await page.getByRole("switch", { name: `Có mặt: ${experts[i].person.fullName}` }).click();
    await page.getByRole("button", { name: "Lưu điểm danh" }).click();
    await page.getByText("Phiên họp hợp lệ: có mặt 7/7", { exact: false }).waitFor();
    await screenshot(page, "council-in-session");

    // ---- five other members sign and score online with their own accounts; one (seat 6) on paper
    const PAPER = 6;
    const council = await officerApi.get<CouncilOut>(`/api/v1/councils/${councilId}`);
    const subjectOf = (d: TaskOut["dossiers"][number]) => council.subjects.find((s) => s.applicantName === d.leadOrganisationName)!;
    const scoreOf = (i: number, d: TaskOut["dossiers"][number]) => (d === vmuDossier ? [10, 20, 14, 13, 13, 14 - (i % 3)] : [9, 17, 12, 12, 11, 12 + (i % 2)]);
    for (const [i] of seats.filter(([i]) => i !== 0 && i !== PAPER)) {
      const e = experts[i];
      await e.api.post(`/api/v1/councils/${councilId}/declaration`, {
        statement: "Tôi cam kết không có xung đột lợi ích và giữ bí mật kết quả đánh giá.",
        noConflict: true,
      });
      for (const d of [vmuDossier, otherDossier]) {
        const points = scoreOf(i, d);
        await e.api.put(`/api/v1/councils/${councilId}/ballots/${subjectOf(d).id}`, {
          scores: RUBRIC.map((key, k) => ({ criterionKey: key, points: points[k] })),
          comment: d === vmuDossier ? "Hồ sơ tốt, nhóm nghiên cứu có năng lực." : "Cần làm rõ phương án ứng dụng.",
          submit: true,
        });
      }
    }

    // ---- the officer records the paper member's signed declaration, then enters their two paper ballots
    const paperName = experts[PAPER].person.fullName;
    const paperRow = members.locator("tbody tr").filter({ hasText: paperName });
    await paperRow.getByRole("button", { name: `Ghi nhận bản cam kết giấy: ${paperName}` }).click();
    const declDialog = page.locator(".ant-modal").filter({ hasText: `Ghi nhận bản cam kết giấy của ${paperName}` });
    await declDialog.getByRole("button", { name: "Ghi nhận bản cam kết giấy" }).click();
    await paperRow.getByText("Bản giấy, ký ngày", { exact: false }).waitFor();
    for (const d of [vmuDossier, otherDossier]) {
      await paperRow.getByRole("button", { name: `Nhập phiếu giấy: ${paperName}` }).click();
      const ballotDialog = page.locator(".ant-modal").filter({ hasText: `Nhập phiếu giấy của ${paperName}` });
      await chooseOption(ballotDialog.getByLabel("Nhiệm vụ, hồ sơ", { exact: true }), d.leadOrganisationName);
      const points = scoreOf(PAPER, d);
      for (const [k, label] of LABELS.entries()) await ballotDialog.getByLabel(label, { exact: true }).fill(String(points[k]));
      await expect.poll(() => ballotDialog.locator("strong[aria-live=polite]").textContent()).toBe(String(sum(points)));
      await confirmWith(ballotDialog.getByRole("button", { name: "Nộp phiếu" }));
      await ballotDialog.waitFor({ state: "hidden" });
    }
    await paperRow.getByText("2/2", { exact: true }).waitFor();
    expect(await paperRow.getByRole("button", { name: `Nhập phiếu giấy: ${paperName}` }).count()).toBe(0);
    await screenshot(page, "council-paper-ballots");

    // ---- the demo expert: declaration, then both dossiers on the rubric with the live total, submitted
    const expert = await newPage(browser);
    await signIn(expert.page, "expert");
    const ep = expert.page;
    await menu(ep).getByText("Phiếu của tôi", { exact: true }).click();
    await ep.getByRole("link", { name: title }).click();
    await ep.waitForURL(new RegExp(`/councils/${councilId}/score$`));
    const declaration = ep.locator(".ant-modal").filter({ hasText: "Cam kết không xung đột lợi ích" });
    await declaration.getByText("Tôi xác nhận không có xung đột lợi ích").click();
    await declaration.getByRole("button", { name: "Ký cam kết" }).click();
    await ep.getByText("Đã ký cam kết lúc", { exact: false }).waitFor();
    // before conclusion: the other members' ballots are not shown, only the expert's own (none yet)
    const before = await ep.evaluate(async (id) => (await fetch(`/api/v1/councils/${id}/ballots`)).json(), councilId);
    expect(before.ballots).toEqual([]);
    const mine = { vmu: [11, 21, 14, 14, 13, 14], other: [9, 18, 12, 12, 12, 12] };
    for (const [d, points] of [
      [vmuDossier, mine.vmu],
      [otherDossier, mine.other],
    ] as const) {
      const card = ep.locator(".ant-card").filter({ hasText: d.leadOrganisationName });
      const total = card.locator("strong[aria-live=polite]");
      let running = 0;
      for (const [k, label] of LABELS.entries()) {
        await card.getByLabel(label, { exact: true }).fill(String(points[k]));
        running += points[k];
        await expect.poll(() => total.textContent()).toBe(String(running));
      }
      expect(running).toBe(sum(points));
      await confirmWith(card.getByRole("button", { name: "Nộp phiếu" }));
      await card.locator(".ant-tag").getByText("Đã nộp", { exact: true }).waitFor();
    }
    await screenshot(ep, "council-expert-scored");
    // still before conclusion: the expert reads exactly their own two ballots
    const own = await ep.evaluate(async (id) => (await fetch(`/api/v1/councils/${id}/ballots`)).json(), councilId);
    const myMemberId = (await experts[0].api.get<{ myMemberId: string }>(`/api/v1/councils/${councilId}`)).myMemberId;
    expect(own.ballots).toHaveLength(2);
    expect(own.ballots.every((b: { memberId: string }) => b.memberId === myMemberId)).toBe(true);
    expect(expert.errors).toEqual([]);
    await expert.context.close();

    // ---- the PI of one dossier: no member names, no individual scores, before conclusion
    const pi = await signedInPage(browser, "pi");
    // the PI reaches the council from their task's page, councils tab
    const piSees = async () => {
      await menu(pi.page).getByText("Nhiệm vụ", { exact: true }).click();
      await pi.page.waitForURL(/\/tasks(\?|$)/);
      await pi.page.getByLabel("Tìm nhiệm vụ").fill(t.code.toLowerCase());
      await pi.page.getByRole("link", { name: t.code, exact: true }).click();
      await pi.page.waitForURL(new RegExp(`/tasks/${t.id}`));
      await pi.page.getByRole("tab", { name: "Hội đồng" }).click();
      await pi.page.getByRole("link", { name: title, exact: true }).click();
      await pi.page.waitForURL(new RegExp(`/councils/${councilId}$`));
      await pi.page.getByRole("cell", { name: vmuDossier.leadOrganisationName, exact: true }).waitFor();
      const text = await pi.page.locator("main").innerText();
      for (const e of experts) expect(text).not.toContain(e.person.fullName);
      expect(await pi.page.getByText("Thành viên hội đồng").count()).toBe(0);
      const ballots = await pi.page.evaluate(async (id) => (await fetch(`/api/v1/councils/${id}/ballots`)).status, councilId);
      expect(ballots).toBe(403);
      return text;
    };
    await piSees();

    // ---- the officer concludes; the results rank the dossiers and mark the winner
    await page.reload();
    await members.locator("tbody tr.ant-table-row").first().waitFor();
    for (const [i] of seats) await members.locator("tbody tr").filter({ hasText: experts[i].person.fullName }).getByText("2/2", { exact: true }).waitFor();
    await confirmed(page, "Kết luận và khoá kết quả");
    await page.locator(".ant-tag").getByText("Đã kết luận", { exact: true }).waitFor();
    const results = page.locator(".ant-card").filter({ hasText: "Nhiệm vụ, hồ sơ được xem xét" });
    const first = results.locator("tbody tr.ant-table-row").first();
    await first.getByText("Được tuyển chọn").waitFor();
    // the winner is in view without scrolling the table sideways
    const tag = await first.getByText("Được tuyển chọn").boundingBox();
    expect(tag!.x + tag!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await expect.poll(() => first.locator("td").first().textContent()).toBe("1");
    expect(await first.textContent()).toContain(vmuDossier.leadOrganisationName);
    const second = results.locator("tbody tr.ant-table-row").nth(1);
    expect(await second.locator("td").first().textContent()).toBe("2");
    expect(await second.textContent()).toContain(otherDossier.leadOrganisationName);
    expect(await second.getByText("Được tuyển chọn").count()).toBe(0);
    await screenshot(page, "council-concluded");
    const concluded = await officerApi.get<CouncilOut>(`/api/v1/councils/${councilId}`);
    // the runner-up meets the requirements (pass mark, no zero criterion) but is not first: it does not read "Không đạt"
    const runnerUp = concluded.results!.find((r) => r.subjectId === subjectOf(otherDossier).id)!;
    expect(runnerUp).toMatchObject({ rank: 2, selected: false, passed: false, meetsThreshold: true });
    await second.getByText("Đạt yêu cầu, không xếp thứ nhất", { exact: true }).waitFor();
    expect(await second.getByText("Không đạt", { exact: true }).count()).toBe(0);
    const winner = concluded.results!.find((r) => r.selected)!;
    expect(winner.subjectId).toBe(subjectOf(vmuDossier).id);
    expect(winner.rank).toBe(1);
    // the average of the seven valid ballots, as the results table shows it
    const expectedVmu = (sum(mine.vmu) + sum(seats.filter(([i]) => i !== 0).map(([i]) => sum(scoreOf(i, vmuDossier))))) / 7;
    expect(winner.average).toBeCloseTo(expectedVmu, 6);

    // after conclusion the PI sees their own dossier's aggregated result only: still no names, no ballots, no rank
    const piText = await piSees();
    expect(piText).not.toContain(otherDossier.leadOrganisationName);
    await pi.page.getByText("Được tuyển chọn").waitFor();
    await screenshot(pi.page, "council-pi-view");
    expect(pi.errors).toEqual([]);
    await pi.context.close();

    // ---- the officer goes from the council to its task and records the decision there
    await results.getByRole("link", { name: t.code, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/tasks/${t.id}`));
    await page.getByRole("button", { name: "Được tuyển chọn / giao trực tiếp" }).click();
    await page.locator(".ant-modal").getByLabel("Ý kiến").fill("Theo kết luận của hội đồng tuyển chọn");
    await page.locator(".ant-modal").getByRole("button", { name: "Xác nhận" }).click();
    await page.locator(".task-path [aria-current=step]").getByText("Hoàn thiện hồ sơ theo ý kiến hội đồng").waitFor();
    await page.getByRole("link", { name: "Nguyễn Văn An", exact: true }).first().waitFor();
    await page.getByRole("link", { name: vmuDossier.leadOrganisationName, exact: true }).first().waitFor();
    await screenshot(page, "council-task-selected");
    const after = await officerApi.get<TaskOut>(`/api/v1/tasks/${t.id}`);
    expect(after.state).toBe("revision");
    expect(after.selectedDossierId).toBe(vmuDossier.id);
    expect(after.leadOrganisationId).toBe(vmuDossier.leadOrganisationId);
    expect(officer.errors).toEqual([]);
    await officer.context.close();
    selected = after;
  });

  // From the council's decision to the signed approval, each user starting from their home: the selected PI files the
  // revised dossier (the step asks for its explanation document first), the officer drafts the approval decision, a
  // leader signs it; the task is then approved, with its decision document to download.
  it("the selected PI revises, the officer drafts the approval decision, a leader signs it — clicks only", { timeout: 300_000 }, async () => {
    expect(selected, "the council journey above selected a dossier").toBeDefined();
    const t = selected!;

    // ---- the PI: the task waits on their home with its next step
    const pi = await signedInPage(browser, "pi");
    await pi.page.getByRole("heading", { name: "Việc của tôi" }).waitFor();
    await pi.page
      .getByTestId("work-groups")
      .getByText(/^Nộp hồ sơ đã hoàn thiện \(\d+/)
      .click();
    const piRow = pi.page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: t.code });
    await piRow.getByRole("link", { name: "Nộp hồ sơ đã hoàn thiện" }).click();
    await pi.page.waitForURL(new RegExp(`/tasks/${t.id}`));
    // the explanation of the revision is required in the selected dossier: the step says so, and where, until it is there
    await pi.page.getByText("Hồ sơ còn thiếu tài liệu bắt buộc: B2-8-GTHĐ", { exact: false }).waitFor();
    const dossiersTab = pi.page.getByRole("tab", { name: /^Hồ sơ/ });
    // the selected dossier's link (the proposal tab, hidden now, also links the PI's name to their person page)
    const selectedLink = pi.page.getByRole("tabpanel").locator(`a[href="/tasks/${t.id}/dossiers/${t.selectedDossierId}"]`);
    await dossiersTab.click();
    await selectedLink.waitFor();
    expect(await selectedLink.textContent()).toBe("Nguyễn Văn An");
    await selectedLink.click();
    await pi.page.waitForURL(new RegExp(`/tasks/${t.id}/dossiers/${t.selectedDossierId}`));
    await pi.page.locator("#document-code").fill("B2-8-GTHĐ");
    await pi.page.keyboard.press("Escape");
    await pi.page.locator(".document-upload input[type=file]").setInputFiles({
      name: "giai-trinh-hoan-thien.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
    });
    await pi.page.getByRole("button", { name: "Tải lên", exact: true }).click();
    await pi.page.locator(".task-documents").getByRole("cell", { name: "giai-trinh-hoan-thien.pdf" }).waitFor();
    await pi.page.getByRole("link", { name: "Quay lại" }).click();
    await pi.page.waitForURL(new RegExp(`/tasks/${t.id}\\?tab=dossiers$`));
    await pi.page.getByRole("button", { name: "Nộp hồ sơ đã hoàn thiện" }).click();
    await pi.page.locator(".ant-modal").getByRole("button", { name: "Xác nhận" }).click();
    await pi.page.locator(".task-path [aria-current=step]").getByText("Thẩm định nội dung và kinh phí").waitFor();
    await screenshot(pi.page, "approval-pi-revised");
    expect(pi.errors).toEqual([]);
    await pi.context.close();

    // ---- the officer: the work queue holds the task at appraisal (their home offers the appraisal team first, which
    // this step does not require); they draft the decision: its number, and the city's share changed at appraisal —
    // the period and the budget come from the selected dossier
    const officer = await signedInPage(browser, "officer");
    await menu(officer.page).getByText("Việc cần xử lý", { exact: true }).click();
    await officer.page.getByLabel("Tìm nhiệm vụ").fill(t.code);
    await expect.poll(() => officer.page.locator(".list-table tbody tr.ant-table-row").count()).toBe(1);
    await officer.page.getByRole("cell", { name: t.titleVi }).click();
    await officer.page.waitForURL(new RegExp(`/tasks/${t.id}`));
    await officer.page.getByRole("button", { name: "Dự thảo quyết định phê duyệt" }).click();
    const dialog = officer.page.locator(".ant-modal");
    await dialog.getByText("Thời gian thực hiện và kinh phí lấy từ hồ sơ được tuyển chọn", { exact: false }).waitFor();
    expect(t.startDate && t.endDate && t.approvedBudgetCity, "the selected dossier proposes a period and a budget").toBeTruthy();
    const vnDate = (d: string) => d.split("-").reverse().join("/");
    const periodInputs = () => dialog.locator(".ant-picker-range input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(await periodInputs()).toEqual([vnDate(t.startDate!), vnDate(t.endDate!)]);
    const cityBudget = dialog.getByLabel(/Kinh phí từ ngân sách SNKH thành phố/);
    expect((await cityBudget.inputValue()).replace(/\D/g, "")).toBe(String(t.approvedBudgetCity));
    await dialog.getByLabel("Số quyết định phê duyệt").fill("2468/QĐ-UBND");
    await cityBudget.fill("1200000000");
    await dialog.getByRole("button", { name: "Xác nhận" }).click();
    await officer.page.locator(".task-path [aria-current=step]").getByText("Dự thảo quyết định phê duyệt").waitFor();
    await screenshot(officer.page, "approval-decision-drafted");
    expect(officer.errors).toEqual([]);
    await officer.context.close();

    // ---- a leader: the decision to sign waits on their home; signing approves the task
    const leader = await newPage(browser);
    await signIn(leader.page, "leader");
    await leader.page.getByRole("heading", { name: "Việc của tôi" }).waitFor();
    await leader.page
      .getByTestId("work-groups")
      .getByText(/^Ký quyết định phê duyệt \(\d+/)
      .click();
    const leaderRow = leader.page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: t.code });
    await leaderRow.getByRole("link", { name: "Ký quyết định phê duyệt" }).click();
    await leader.page.waitForURL(new RegExp(`/tasks/${t.id}`));
    await leader.page.getByRole("button", { name: "Ký quyết định phê duyệt" }).click();
    await leader.page.locator(".ant-modal").getByRole("button", { name: "Xác nhận" }).click();
    await leader.page.locator(".task-path [aria-current=step]").getByText("Đã phê duyệt").waitFor();
    await screenshot(leader.page, "approval-approved");
    const approved = await apiAs("officer").get<TaskOut>(`/api/v1/tasks/${t.id}`);
    expect(approved).toMatchObject({
      state: "approved",
      decisionNumber: "2468/QĐ-UBND",
      approvedBudgetCity: 1_200_000_000,
      approvedBudgetOther: t.approvedBudgetOther,
      startDate: t.startDate,
      endDate: t.endDate,
    });
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });
});
