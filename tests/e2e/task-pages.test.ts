// Every page of the S&T task work opens for the actor who uses it, with its data and without an error: the lists,
// work queues, analytics, calendar and notifications per role, a task, a council and a contract record, and the
// public results catalogue (no sign-in). The same for the targets and statistics pages: the leadership
// dashboard, indicators, input series, the funding plan, reporting periods, reports and forms, and the public
// indicators.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apiAs, baseUrl, launch, newPage, signIn, signedInPage } from "./browser.js";
import type { SessionUser } from "./server.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a path and waits until it has rendered its header and finished loading; answers the visible problems. */
async function visit(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.locator(".page-header, .ant-result, [role=alert], h1.ant-typography, h2.ant-typography, h3.ant-typography").first().waitFor();
  await page.locator("#root:not([inert])").waitFor();
  await page.waitForLoadState("networkidle");
  await page
    .locator(".ant-skeleton")
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => undefined);
  const problems: string[] = [];
  for (const sel of [".ant-result-403", ".ant-result-404", ".ant-result-500", ".ant-alert-error"])
    if (await page.locator(sel).count()) problems.push(`${path}: ${sel} ${(await page.locator(sel).first().innerText()).slice(0, 200)}`);
  return problems;
}

async function pageOf(user: string) {
  if (["officer", "admin", "pi"].includes(user)) return signedInPage(browser, user as SessionUser);
  const p = await newPage(browser);
  await signIn(p.page, user);
  return p;
}

/** Each user opens each of their paths; answers every problem seen, with the user's name. */
async function visitAll(plan: Record<string, string[]>): Promise<string[]> {
  const problems: string[] = [];
  for (const [user, paths] of Object.entries(plan)) {
    const { page, context, errors } = await pageOf(user);
    for (const path of paths) problems.push(...(await visit(page, path)).map((p) => `${user} ${p}`));
    problems.push(...errors.map((e) => `${user}: ${e}`));
    await context.close();
  }
  return problems;
}

const firstId = async (path: string) => (await apiAs("officer").get<{ items: { id: string }[] }>(path)).items[0]?.id;

describe("task pages per role", () => {
  it("open without errors for the officer, PI, finance user, leader, expert and org representative", async () => {
    const taskId = await firstId("/api/v1/tasks?pageSize=1");
    const councilId = await firstId("/api/v1/councils?pageSize=1");
    expect(taskId).toBeTruthy();
    expect(councilId).toBeTruthy();
    const plan: Record<string, string[]> = {
      officer: [
        "/proposals",
        "/tasks",
        "/tasks/queue",
        `/tasks/${taskId}`,
        "/councils",
        `/councils/${councilId}`,
        "/contracts",
        "/monitoring",
        "/calendar",
        "/notifications",
        "/task-analytics",
      ],
      pi: ["/proposals", "/tasks", "/monitoring", "/calendar", "/notifications"],
      finance: ["/tasks/queue", "/contracts", "/contracts/payments"],
      leader: ["/tasks/queue", "/task-analytics", "/councils"],
      expert: ["/councils/mine"],
      org_rep: ["/tasks", "/contracts"],
    };
    expect(await visitAll(plan)).toEqual([]);
  });

  it("the task analytics page draws its charts and the 1996–2012 figures", async () => {
    const { page, context, errors } = await signedInPage(browser, "officer");
    expect(await visit(page, "/task-analytics")).toEqual([]);
    await page.getByText("551").first().waitFor();
    await expect.poll(() => page.locator("canvas").count()).toBeGreaterThan(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the officer writes an accepted task's result summary in its dialog, checked field by field", async () => {
    const taskId = await firstId("/api/v1/tasks?view=all&state=accepted&pageSize=1");
    expect(taskId).toBeTruthy();
    const { page, context, errors } = await signedInPage(browser, "officer");
    expect(await visit(page, `/tasks/${taskId}?tab=results`)).toEqual([]);
    await page.getByRole("button", { name: "Soạn tóm tắt" }).click();
    const dialog = page.locator(".ant-modal").filter({ hasText: "Tóm tắt kết quả (công bố công khai)" });
    // the required fields are checked before anything is sent
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.getByText("Vui lòng nhập trường này").first().waitFor();
    expect(await dialog.getByText("Vui lòng nhập trường này").count()).toBe(2);
    await dialog.getByLabel("Tóm tắt", { exact: true }).fill("Hệ thống quản lý cảng cạn thông minh đã được xây dựng và vận hành thử.");
    await dialog.getByLabel("Sản phẩm chính", { exact: true }).fill("Phần mềm quản lý cảng cạn; quy trình vận hành");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await page.locator(".ant-message").getByText("Đã lưu tóm tắt kết quả").waitFor();
    const card = page.locator(".ant-card").filter({ hasText: "Tóm tắt kết quả (công bố công khai)" });
    await card.getByText("Phần mềm quản lý cảng cạn; quy trình vận hành").waitFor();
    await card.getByText("Chưa công bố", { exact: true }).waitFor();
    expect(await page.locator(".ant-modal").filter({ hasText: "Tóm tắt kết quả (công bố công khai)" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the public results catalogue arrives drawn with its list (rendered on the server) and answers without signing in", async () => {
    const list = (await (await fetch(baseUrl() + "/api/v1/public/results?pageSize=20")).json()) as {
      items: { id: string; registrationCode: string }[];
      total: number;
    };
    expect(list.items.length).toBeGreaterThan(0);
    const html = await (await fetch(baseUrl() + "/results")).text();
    // the list is in the page before any script runs, with the data it was drawn with and the page's own title
    for (const r of list.items) expect(html).toContain(`>${r.registrationCode}</span>`);
    expect(html).toContain('<script type="application/json" id="page-data">');
    expect(html).toContain("<title>Kết quả nghiên cứu · KHCN Hải Phòng</title>");
    // a search is rendered with its own answer
    const none = await (await fetch(baseUrl() + "/results?q=" + encodeURIComponent("không có kết quả nào như thế này"))).text();
    expect(none).not.toContain(`>${list.items[0].registrationCode}</span>`);
    expect(none).toContain("Không có kết quả phù hợp");
    // a result's own page too, with its record; an unknown one is left to the browser (index.html)
    const first = list.items[0];
    const one = (await (await fetch(baseUrl() + `/api/v1/public/results/${first.id}`)).json()) as { titleVi: string };
    const detail = await (await fetch(baseUrl() + `/results/${first.id}`)).text();
    expect(detail).toContain(`data-prerendered="/results/${first.id}"`);
    expect(detail).toContain(first.registrationCode);
    expect(detail).toMatch(/<title>[^<]+ · KHCN Hải Phòng<\/title>/);
    expect(detail).toContain(one.titleVi.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    const unknown = await (await fetch(baseUrl() + "/results/00000000-0000-0000-0000-000000000000")).text();
    expect(unknown).toContain('<div id="root"></div>');

    const { page, context, errors } = await newPage(browser);
    const logged: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().includes("401")) logged.push(m.text());
    });
    expect(await visit(page, "/results")).toEqual([]);
    await page.locator("#root:not([inert])").waitFor();
    await page.getByText(list.items[0].registrationCode, { exact: true }).first().waitFor();
    // taken over by React with no hydration error: the search answers
    const search = page.getByRole("searchbox", { name: "Tìm kiếm" });
    await search.fill("không có kết quả nào như thế này");
    await search.press("Enter");
    await page.waitForURL(/q=/);
    await page.getByText("Không có kết quả phù hợp").first().waitFor();
    // the result's page, rendered on the server, is taken over with no error either
    await page.goto(`/results/${first.id}`);
    await page.locator("#root:not([inert])").waitFor();
    await page.getByRole("heading", { level: 1, name: one.titleVi }).waitFor();
    await page.getByRole("link", { name: "Danh sách kết quả" }).click();
    await page.waitForURL((u) => u.pathname === "/results");
    expect(errors).toEqual([]);
    expect(logged).toEqual([]);
    await context.close();
  });
});

describe("signed-in pages rendered on the server", () => {
  /** The page at `path` as the server sends it, with `user`'s session (or none) and extra request headers. */
  const pageAs = async (path: string, user: SessionUser | null, headers: Record<string, string> = {}) => {
    const res = await fetch(baseUrl() + path, { headers: { ...(user ? { cookie: apiAs(user).cookie } : {}), ...headers } });
    return { html: await res.text(), cacheControl: res.headers.get("cache-control") };
  };
  type Row = { code: string; titleVi: string };

  it("the task list arrives drawn with the user's own tasks, is never stored by a cache, and is taken over with no error", async () => {
    const officerRows = (await apiAs("officer").get<{ items: Row[] }>("/api/v1/tasks?view=all&page=1&pageSize=20")).items;
    const piRows = (await apiAs("pi").get<{ items: Row[] }>("/api/v1/tasks?view=mine&page=1&pageSize=20")).items;
    expect(officerRows.length).toBeGreaterThan(0);
    expect(piRows.length).toBeGreaterThan(0);

    const officer = await pageAs("/tasks", "officer");
    expect(officer.cacheControl).toBe("no-store");
    expect(officer.html).toContain('data-prerendered="/tasks"');
    expect(officer.html).toContain('<script type="application/json" id="page-data">');
    expect(officer.html).toContain("<title>Nhiệm vụ KH&amp;CN · KHCN Hải Phòng</title>");
    for (const r of officerRows) expect(officer.html).toContain(`>${r.code}</a>`);
    // the PI's page holds the PI's tasks and no task of the officer's list that is not the PI's
    const pi = await pageAs("/tasks", "pi");
    for (const r of piRows) expect(pi.html).toContain(`>${r.code}</a>`);
    const notPis = officerRows.filter((r) => !piRows.some((p) => p.code === r.code));
    expect(notPis.length).toBeGreaterThan(0);
    for (const r of notPis) expect(pi.html).not.toContain(`>${r.code}</a>`);
    // drawn for a phone when the browser says it is one
    expect((await pageAs("/tasks", "officer", { "sec-ch-ua-mobile": "?1" })).html).toContain('data-prerendered="/tasks" data-narrow');
    expect(officer.html).not.toContain("data-narrow");
    // without a session, or with one that is not valid, only the frame rendered ahead goes out: no data
    for (const anonymous of [await pageAs("/tasks", null), await pageAs("/tasks", null, { cookie: "khcn_sid=not-a-session" })]) {
      expect(anonymous.html).toContain('data-prerendered="shell"');
      expect(anonymous.html).not.toContain("page-data");
      for (const r of officerRows) expect(anonymous.html).not.toContain(r.code);
    }

    // in the browser: the home and the list are taken over with no error, and answer
    const { page, context, errors } = await signedInPage(browser, "officer");
    const logged: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") logged.push(m.text());
    });
    await page.goto("/tasks");
    await page.locator("#root:not([inert])").waitFor();
    await page.getByRole("heading", { level: 1, name: "Nhiệm vụ KH&CN" }).waitFor();
    await page.getByRole("link", { name: officerRows[0].code, exact: true }).click();
    await page.waitForURL((u) => u.pathname.startsWith("/tasks/"));
    // the task's own page: "<code> · <title>"
    await page.getByRole("heading", { level: 1, name: `${officerRows[0].code} · ${officerRows[0].titleVi}` }).waitFor();
    expect(errors).toEqual([]);
    expect(logged).toEqual([]);
    await context.close();
  });
});

describe("targets and statistics pages per role", () => {
  it("open without errors for the officer, leader, finance user and org representative", async () => {
    const indicatorId = await firstId("/api/v1/indicators?pageSize=1");
    const periodId = await firstId("/api/v1/statistics/periods?pageSize=1");
    expect(indicatorId && periodId).toBeTruthy();
    const plan: Record<string, string[]> = {
      officer: [
        "/leadership",
        "/indicators",
        `/indicators/${indicatorId}`,
        "/indicators/series",
        "/funding-plans",
        "/statistics",
        `/statistics/periods/${periodId}`,
        "/statistics/reports",
        "/statistics/forms",
      ],
      leader: ["/leadership", "/indicators", `/indicators/${indicatorId}`, "/funding-plans", "/statistics", `/statistics/periods/${periodId}`],
      finance: ["/leadership", "/funding-plans", "/indicators/series"],
      // (a report page shows the form's live checks as an error alert until it is filled: statistics.test.ts covers it)
      org_rep: ["/statistics/my", "/statistics/forms"],
    };
    expect(await visitAll(plan)).toEqual([]);
  });

  it("the leadership dashboard shows every indicator with its status, the budget chart and the reporting progress", async () => {
    const { page, context, errors } = await pageOf("leader");
    expect(await visit(page, "/leadership")).toEqual([]);
    const total = (await apiAs("officer").get<{ total: number }>("/api/v1/indicators?pageSize=1")).total;
    await page.getByTestId("leadership-indicators").getByText(`/ ${total}`).waitFor();
    // the budget chart and the task chart are drawn (ECharts canvases) once their lazy chart code has loaded
    await expect.poll(() => page.locator("canvas").count()).toBeGreaterThanOrEqual(2);
    await page.getByTestId("leadership-reporting").waitFor();
    // a figure links to its data: an indicator's row opens its page
    await page.locator(".ant-table-row a").first().click();
    await page.waitForURL(/\/indicators\/[0-9a-f-]{36}$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the public indicators open without signing in", async () => {
    const { page, context, errors } = await newPage(browser);
    expect(await visit(page, "/public/indicators")).toEqual([]);
    expect(page.url()).toContain("/public/indicators");
    expect(errors).toEqual([]);
    await context.close();
  });
});
