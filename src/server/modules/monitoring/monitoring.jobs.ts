// Periodic monitoring jobs, safe to run on every app server at once: reminders are one statement of the
// notifications module (`notifyMany`: INSERT … ON CONFLICT on the dedupe key, one notification per report, threshold
// and user, ever, with its e-mail copy), and the e-mail outbox is sent with leased rows (notifications/mail.ts).
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/context.js";
import type { Config } from "../../config.js";
import { type Clock, vietnamDate } from "../../platform/clock.js";
import { DUE_SOON_DAYS } from "../../../common/api/monitoring.js";
import { notifyMany } from "../notifications/notify.js";
import { sendOutbox, smtpTransport, type MailTransport } from "../notifications/mail.js";
import { MONITORED_STATES } from "./monitoring.policy.js";

/**
 * Notifies the PI and the lead organisation's representatives of each report of a task in progress that is due within
 * DUE_SOON_DAYS days ("report_due_soon") or overdue ("report_overdue"), once per report, threshold and user.
 * Returns how many notifications were added.
 */
export async function remindReports(db: Db, clock: Clock): Promise<number> {
  const today = vietnamDate(clock.now());
  const states = sql.join(
    MONITORED_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  return db.transaction(async (tx) => {
    const from = sql`
      WITH due AS (
        SELECT r.id, r.task_id, r.kind, r.sequence, r.due_on, t.code, t.title_vi,
               CASE WHEN r.due_on < ${today}::date THEN 'report_overdue' ELSE 'report_due_soon' END AS notice
        FROM progress_reports r JOIN tasks t ON t.id = r.task_id
        WHERE r.first_submitted_at IS NULL AND t.state IN (${states})
          AND r.due_on <= ${today}::date + ${DUE_SOON_DAYS}::int
      )
      SELECT u.id AS user_id, d.notice AS kind,
             CASE WHEN d.kind = 'final'
               THEN jsonb_build_object('code', d.code, 'title', d.title_vi, 'dueOn', d.due_on::text, 'sequence_vi', 'cuối', 'sequence_en', '(final)')
               ELSE jsonb_build_object('code', d.code, 'title', d.title_vi, 'dueOn', d.due_on::text, 'sequence', d.sequence) END AS params,
             '/monitoring/reports/' || d.id AS link,
             d.notice || ':' || d.id || ':' || u.id AS dedupe_key
      FROM due d JOIN tasks t ON t.id = d.task_id
      JOIN users u ON u.status = 'active'
        AND ((t.pi_person_id IS NOT NULL AND u.person_id = t.pi_person_id)
          OR ('org_rep' = ANY(u.roles) AND t.lead_organisation_id IS NOT NULL AND u.organisation_id = t.lead_organisation_id))`;
    return (await notifyMany(tx, { from, at: clock.now() })).length;
  });
}

/** One run: reminders, then the outbox when SMTP is configured (or a transport is given, as in tests). */
export async function runMonitoringJobs(db: Db, config: Config, clock: Clock, transport: MailTransport | null = smtpTransport(config)) {
  const reminded = await remindReports(db, clock);
  const mail = transport ? await sendOutbox(db, config, transport, clock) : { sent: 0, failed: 0 };
  return { reminded, ...mail };
}

/** Starts the periodic run (every 15 minutes, first run at once); returns the stop function. */
export function startMonitoringJobs(db: Db, config: Config, clock: Clock): () => void {
  const transport = smtpTransport(config);
  // A failed run is logged and retried at the next tick (reminders are deduplicated, the outbox retries itself).
  const run = () => runMonitoringJobs(db, config, clock, transport).catch((err: unknown) => console.error("monitoring jobs:", err));
  void run();
  const timer = setInterval(run, 15 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
