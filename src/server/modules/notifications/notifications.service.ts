// A user's own notifications: paged list with the unread count, mark one read, mark all read.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { notifications } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { authorize } from "../../platform/policy.js";
import type { NotificationItem, NotificationList, NotificationListQuery } from "../../../common/api/notification.js";
import { notificationPolicy } from "./notifications.policy.js";
import { renderNotification } from "./render.js";

type Row = typeof notifications.$inferSelect;

function present(ctx: Ctx, n: Row): NotificationItem {
  const { title, body } = renderNotification(ctx.lang, n.kind, n.params);
  return { id: n.id, kind: n.kind, title, body, link: n.link, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() };
}

const unreadCount = (ctx: Ctx) => ctx.db.$count(notifications, and(eq(notifications.userId, ctx.actor!.userId), isNull(notifications.readAt)));

export async function listNotifications(ctx: Ctx, q: NotificationListQuery): Promise<NotificationList> {
  const userId = ctx.actor!.userId;
  const where = and(eq(notifications.userId, userId), q.unread === "true" ? isNull(notifications.readAt) : undefined);
  const [rows, total, unread] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(notifications, where),
    unreadCount(ctx),
  ]);
  return { items: rows.map((r) => present(ctx, r)), total, unread, page: q.page, pageSize: q.pageSize };
}

/** Marking read is idempotent (the first reading time is kept); another user's notification answers 404. */
export async function markRead(ctx: Ctx, id: string): Promise<NotificationItem> {
  const [row] = await ctx.db.select().from(notifications).where(eq(notifications.id, id));
  if (!row) throw notFound();
  authorize(ctx.actor, notificationPolicy, "markRead", row);
  const [updated] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.clock.now().toISOString()}::timestamptz)` })
    .where(eq(notifications.id, id))
    .returning();
  return present(ctx, updated);
}

export async function markAllRead(ctx: Ctx): Promise<{ updated: number; unread: number }> {
  const r = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.userId, ctx.actor!.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: r.length, unread: await unreadCount(ctx) };
}
