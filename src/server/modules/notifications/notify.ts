// notify(): the one way a module tells users something. Call it inside the transaction of the change it reports, so
// the notification (and its e-mail copy in the outbox, when SMTP is configured) exists exactly when the change does.
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import { NOTIFICATION_KIND_RE } from "../../../common/api/notification.js";

export type NotificationParams = Record<string, string | number | null>;

export interface NotifyInput {
  userIds: string[];
  /** a kind of common/api/notification.ts (texts in messages.ts), or another lower_snake kind (generic text) */
  kind: string;
  params?: NotificationParams;
  /** an in-app path, e.g. "/monitoring/reports/<id>" */
  link?: string | null;
  /** at most one notification per key and user, ever (periodic reminders) */
  dedupeKey?: string | null;
  /** when it happened: the caller's clock (ctx.clock.now()) */
  at: Date;
}

let mailEnabled = false;
/** Set once at start-up from the configuration: e-mail copies are queued only when SMTP is configured. */
export function setMailEnabled(enabled: boolean) {
  mailEnabled = enabled;
}
export const isMailEnabled = () => mailEnabled;

/** Inserts one notification per distinct user (and an outbox row per user with an e-mail); returns their ids. */
export async function notify(tx: Executor, input: NotifyInput): Promise<string[]> {
  const userIds = [...new Set(input.userIds)];
  if (!userIds.length) return [];
  if (!NOTIFICATION_KIND_RE.test(input.kind)) throw new Error(`notify: bad kind ${input.kind}`);
  if (input.link && !input.link.startsWith("/")) throw new Error("notify: link must be an in-app path");
  const params = JSON.stringify(input.params ?? {});
  const r = await tx.execute<{ id: string }>(sql`
    WITH n AS (
      INSERT INTO notifications (user_id, kind, params, link, dedupe_key, created_at)
      SELECT u.id, ${input.kind}, ${params}::jsonb, ${input.link ?? null},
             CASE WHEN ${input.dedupeKey ?? null}::text IS NULL THEN NULL ELSE ${input.dedupeKey ?? null}::text || ':' || u.id::text END,
             ${input.at.toISOString()}::timestamptz
      FROM users u WHERE u.id = ANY(${sql.raw("ARRAY[")}${sql.join(
        userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}${sql.raw("]")})
      ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING id, user_id
    ), o AS (
      INSERT INTO mail_outbox (notification_id, to_address, created_at)
      SELECT n.id, u.email, ${input.at.toISOString()}::timestamptz FROM n JOIN users u ON u.id = n.user_id
      WHERE ${mailEnabled} AND u.email IS NOT NULL AND u.status = 'active'
    )
    SELECT id FROM n`);
  return r.rows.map((x) => x.id);
}

/**
 * Notifies many users at once, one set-based statement for periodic jobs: `from` is a query of the columns user_id,
 * kind, params (jsonb), link and dedupe_key (one notification per key, ever: a row whose key exists is skipped), over
 * active users. Each new notification gets its e-mail copy in the outbox in the same statement (when SMTP is
 * configured and the user has an address). Returns the ids of the notifications added.
 */
export async function notifyMany(tx: Executor, input: { from: SQL; at: Date }): Promise<string[]> {
  const at = input.at.toISOString();
  const r = await tx.execute<{ id: string }>(sql`
    WITH src AS (${input.from}),
    n AS (
      INSERT INTO notifications (user_id, kind, params, link, dedupe_key, created_at)
      SELECT src.user_id, src.kind, src.params, src.link, src.dedupe_key, ${at}::timestamptz FROM src
      ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
      RETURNING id, user_id
    ), o AS (
      INSERT INTO mail_outbox (notification_id, to_address, created_at)
      SELECT n.id, u.email, ${at}::timestamptz FROM n JOIN users u ON u.id = n.user_id WHERE ${mailEnabled} AND u.email IS NOT NULL
    )
    SELECT id FROM n`);
  return r.rows.map((x) => x.id);
}
