// E-mail copies of notifications: the outbox (filled by notify() in the change's transaction) is sent by the periodic
// job. A batch is claimed with a 5-minute lease (FOR UPDATE SKIP LOCKED), so several app servers never send one row
// twice; a failed send is retried on a later run, and after 5 attempts the row is marked failed.
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "../../platform/context.js";
import type { Config } from "../../config.js";
import type { Clock } from "../../platform/clock.js";
import { renderNotification } from "./render.js";
import type { NotificationParams } from "./notify.js";

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}
export interface MailTransport {
  sendMail(message: MailMessage): Promise<unknown>;
}

const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

export function smtpTransport(config: Config): MailTransport | null {
  return config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
}

export function composeMail(config: Config, kind: string, params: NotificationParams, link: string | null, to: string): MailMessage {
  const vi = renderNotification("vi", kind, params);
  const en = renderNotification("en", kind, params);
  const url = link && config.publicUrl ? new URL(link, config.publicUrl).toString() : null;
  const text = [vi.body, url ?? "", "", "—", "", en.body, url ?? ""].filter((l, i, all) => !(l === "" && all[i - 1] === "")).join("\n");
  return { from: config.mail.from, to, subject: `${vi.title} / ${en.title}`, text };
}

/** Sends up to `limit` pending e-mails; returns how many were sent and how many failed this run. */
export async function sendOutbox(db: Db, config: Config, transport: MailTransport, clock: Clock, limit = 50) {
  const now = clock.now();
  const claimed = await db.execute<{ id: string; to_address: string; kind: string; params: NotificationParams; link: string | null; attempts: number }>(sql`
    WITH c AS (
      SELECT id FROM mail_outbox
      WHERE status = 'pending' AND (lease_until IS NULL OR lease_until < ${now.toISOString()}::timestamptz)
      ORDER BY created_at, id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE mail_outbox m SET lease_until = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz, attempts = m.attempts + 1
    FROM c, notifications n
    WHERE m.id = c.id AND n.id = m.notification_id
    RETURNING m.id, m.to_address, n.kind, n.params, n.link, m.attempts`);
  let sent = 0;
  let failed = 0;
  for (const row of claimed.rows) {
    try {
      await transport.sendMail(composeMail(config, row.kind, row.params, row.link, row.to_address));
      await db.execute(
        sql`UPDATE mail_outbox SET status = 'sent', sent_at = ${clock.now().toISOString()}::timestamptz, last_error = NULL WHERE id = ${row.id}`,
      );
      sent++;
    } catch (e) {
      failed++;
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      await db.execute(sql`
        UPDATE mail_outbox SET last_error = ${message}, status = CASE WHEN attempts >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'pending' END
        WHERE id = ${row.id}`);
    }
  }
  return { sent, failed };
}
