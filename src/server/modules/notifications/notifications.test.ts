// The e-mail outbox: filled in the notification's transaction when SMTP is configured, sent by the periodic job
// through a transport (a fake one here: no network), each row once even when the job runs again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, buildTaskInProgress, buildUser } from "../../testing/factories.js";
import { mailOutbox, notifications } from "../../db/schema/index.js";
import { isMailEnabled, notify, setMailEnabled } from "./notify.js";
import { sendOutbox, type MailMessage } from "./mail.js";
import { runMonitoringJobs } from "../monitoring/monitoring.jobs.js";
import { scheduleReports } from "../monitoring/monitoring.schedule.js";

let t: TestApp;
let userId: string;
let noMailUserId: string;
let mailOnAtStart = false;

class FakeTransport {
  sent: MailMessage[] = [];
  failNext = 0;
  async sendMail(m: MailMessage) {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error("451 try again later");
    }
    this.sent.push(m);
    return { messageId: String(this.sent.length) };
  }
}

beforeAll(async () => {
  // SMTP_URL configured: the app turns e-mail copies on at start-up (nothing is sent without the periodic job).
  t = await createTestApp({ mail: { smtpUrl: "smtp://mail.invalid:25", from: "KHCN <no-reply@khcn.example.vn>" }, publicUrl: "https://khcn.example.vn" });
  mailOnAtStart = isMailEnabled();
  const person = await buildPerson(t.database.db);
  userId = (await buildUser(t.database.db, { username: "mail_pi", roles: ["pi"], personId: person.id, email: "chunhiem@example.vn" })).id;
  noMailUserId = (await buildUser(t.database.db, { username: "mail_none", roles: ["pi"] })).id;
  const org = await buildOrganisation(t.database.db);
  const task = await buildTaskInProgress(t.database.db, {
    piPersonId: person.id,
    leadOrganisationId: org.id,
    ownerUserId: userId,
    startDate: "2026-01-01",
    endDate: "2027-12-31",
  });
  await t.database.db.transaction((tx) => scheduleReports(tx, task.taskId, t.clock.now()));
});
afterAll(async () => t?.close());

describe("e-mail outbox", () => {
  it("queues a copy in the notification's transaction, only for users with an e-mail, and rolls back with it", async () => {
    expect(mailOnAtStart).toBe(true);
    // the schedule's notice to the PI (who has an e-mail) was queued with it
    expect((await t.database.db.select().from(mailOutbox)).map((r) => r.toAddress)).toEqual(["chunhiem@example.vn"]);
    await t.database.db.transaction((tx) =>
      notify(tx, {
        at: t.clock.now(),
        userIds: [userId, noMailUserId, userId],
        kind: "inspection_planned",
        params: { code: "NV-01", title: "Đề tài A", plannedOn: "2026-12-10" },
        link: "/monitoring",
      }),
    );
    expect(await t.database.db.$count(notifications, eq(notifications.kind, "inspection_planned"))).toBe(2);
    const rows = await t.database.db.select().from(mailOutbox);
    expect(rows.map((r) => r.toAddress)).toEqual(["chunhiem@example.vn", "chunhiem@example.vn"]);
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify(tx, { at: t.clock.now(), userIds: [userId], kind: "inspection_concluded", params: {} });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.database.db.$count(mailOutbox)).toBe(2);
    expect(await t.database.db.$count(notifications, eq(notifications.kind, "inspection_concluded"))).toBe(0);
  });

  it("the job sends each pending e-mail once (vi and en texts, link), retrying a failed send later", async () => {
    const transport = new FakeTransport();
    transport.failNext = 1;
    const first = await runMonitoringJobs(t.database.db, t.config, t.clock, transport);
    // the reminders of the overdue report (due 2026-07-01) were queued too
    expect(first.reminded).toBe(1);
    expect(first.failed).toBe(1);
    expect(first.sent).toBe(2);
    const again = await runMonitoringJobs(t.database.db, t.config, t.clock, transport);
    expect(again).toMatchObject({ reminded: 0, sent: 0, failed: 0 });
    // after the lease, the failed one is retried
    t.clock.advance(6 * 60_000);
    const retry = await sendOutbox(t.database.db, t.config, transport, t.clock);
    expect(retry).toEqual({ sent: 1, failed: 0 });
    expect(await sendOutbox(t.database.db, t.config, transport, t.clock)).toEqual({ sent: 0, failed: 0 });
    expect(transport.sent).toHaveLength(3);
    const planned = transport.sent.find((m) => m.subject.startsWith("Lịch kiểm tra định kỳ"))!;
    expect(planned).toMatchObject({
      to: "chunhiem@example.vn",
      from: "KHCN <no-reply@khcn.example.vn>",
      subject: "Lịch kiểm tra định kỳ / Inspection planned",
    });
    expect(planned.text).toContain("10/12/2026");
    expect(planned.text).toContain("2026-12-10");
    expect(planned.text).toContain("https://khcn.example.vn/monitoring");
    const overdue = transport.sent.find((m) => m.subject.startsWith("Báo cáo tiến độ quá hạn"))!;
    expect(overdue.text).toContain("kỳ 1");
    const rows = await t.database.db.select().from(mailOutbox);
    expect(rows.every((r) => r.status === "sent" && r.sentAt)).toBe(true);
  });

  it("gives up after 5 failed attempts", async () => {
    await t.database.db.transaction((tx) =>
      notify(tx, { at: t.clock.now(), userIds: [userId], kind: "report_submitted", params: { code: "X", title: "Y", sequence: 1 } }),
    );
    const transport = new FakeTransport();
    transport.failNext = 100;
    for (let i = 0; i < 6; i++) {
      await sendOutbox(t.database.db, t.config, transport, t.clock);
      t.clock.advance(6 * 60_000);
    }
    const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.status, "failed"));
    expect(row.attempts).toBe(5);
    expect(row.lastError).toContain("451");
  });
});

describe("notify without SMTP", () => {
  it("adds no outbox row", async () => {
    setMailEnabled(false);
    const before = await t.database.db.$count(mailOutbox);
    await t.database.db.transaction((tx) => notify(tx, { at: t.clock.now(), userIds: [userId], kind: "report_accepted", params: {} }));
    expect(await t.database.db.$count(mailOutbox)).toBe(before);
    const c = new Client(t);
    await c.login("mail_pi");
    const list = await c.get("/api/v1/notifications?unread=true");
    expect(list.body.items[0].kind).toBe("report_accepted");
  });
});
