// Demo accounts: one per role, named after the role (username) and after a person (display name), password "khcn-demo".
// Created only in demo mode on an empty database.
import { ROLES } from "../../common/roles.js";
import { inArray } from "drizzle-orm";
import { people, users } from "../db/schema/index.js";
import type { Executor } from "../platform/context.js";
import { hashPassword } from "../platform/auth/password.js";

export const DEMO_PASSWORD = "khcn-demo";

/** The people behind the demo accounts, as their colleagues know them (an account linked to a person of the registry takes that person's name). */
export const DEMO_DISPLAY_NAMES: Record<(typeof ROLES)[number], string> = {
  admin: "Vũ Đức Thắng",
  officer: "Trần Thị Thu Hà",
  finance: "Lê Thị Minh Nguyệt",
  leader: "Phạm Văn Hùng",
  expert: "Chuyên gia hội đồng",
  pi: "Chủ nhiệm nhiệm vụ",
  org_rep: "Hoàng Thị Lan Anh",
  enterprise: "Đỗ Quang Minh",
};

export async function createDemoAccounts(
  db: Executor,
  links: Partial<Record<(typeof ROLES)[number], { personId?: string; organisationId?: string }>>,
  now: Date,
) {
  // The demo password is short and known on purpose; it bypasses the password rules, demo mode only.
  const hash = await hashPassword(DEMO_PASSWORD);
  const linked = ROLES.map((r) => links[r]?.personId).filter((x): x is string => !!x);
  const names = linked.length ? await db.select({ id: people.id, fullName: people.fullName }).from(people).where(inArray(people.id, linked)) : [];
  const nameOf = (role: (typeof ROLES)[number]) => names.find((n) => n.id === links[role]?.personId)?.fullName ?? DEMO_DISPLAY_NAMES[role];
  await db.insert(users).values(
    ROLES.map((role) => ({
      username: role,
      displayName: nameOf(role),
      passwordHash: hash,
      roles: [role],
      personId: links[role]?.personId ?? null,
      organisationId: links[role]?.organisationId ?? null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
}
