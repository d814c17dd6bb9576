import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notificationItem, notificationList, notificationListQuery, readAllResult } from "../../../common/api/notification.js";
import { notificationPolicy } from "./notifications.policy.js";
import { listNotifications, markAllRead, markRead } from "./notifications.service.js";
import { setMailEnabled } from "./notify.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof notificationPolicy>) => ({ policy: { of: notificationPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const emptyBody = z.object({}).strict();

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  setMailEnabled(!!app.deps.config.mail?.smtpUrl);
  app.get(
    "/notifications",
    {
      config: guard("list"),
      schema: {
        tags: ["notifications"],
        summary: "The signed-in user's notifications, newest first, in the caller's language, with the unread count",
        querystring: notificationListQuery,
        response: { 200: notificationList },
      },
    },
    async (req) => listNotifications(req.ctx, req.query),
  );
  app.post(
    "/notifications/read-all",
    {
      config: guard("markRead"),
      schema: { tags: ["notifications"], summary: "Mark every own notification read", body: emptyBody.optional(), response: { 200: readAllResult } },
    },
    async (req) => markAllRead(req.ctx),
  );
  app.post(
    "/notifications/:id/read",
    {
      config: guard("markRead"),
      schema: {
        tags: ["notifications"],
        summary: "Mark one own notification read (another user's answers 404)",
        params: idParams,
        body: emptyBody.optional(),
        response: { 200: notificationItem },
      },
    },
    async (req) => markRead(req.ctx, req.params.id),
  );
};
