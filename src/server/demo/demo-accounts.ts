// Demo accounts: one per role, named after the role, password "khcn-demo". Created only in demo mode on an empty database.
import { ROLES } from "../../common/roles.js";
import { users } from "../db/schema/index.js";
import type { Executor } from "../platform/context.js";
import { hashPassword } from "../platform/auth/password.js";

export const DEMO_PASSWORD = "khcn-demo";

export const DEMO_DISPLAY_NAMES: Record<(typeof ROLES)[number], string> = {
  admin: "Quản trị hệ thống",
  officer: "Chuyên viên Phòng Quản lý khoa học",
  finance: "Kế toán Phòng Kế hoạch – Tài chính",
  leader: "Lãnh đạo Sở",
  expert: "Chuyên gia hội đồng",
  pi: "Chủ nhiệm nhiệm vụ",
  org_rep: "Đại diện tổ chức chủ trì",
  enterprise: "Doanh nghiệp",
};

export async function createDemoAccounts(
  db: Executor,
  links: Partial<Record<(typeof ROLES)[number], { personId?: string; organisationId?: string }>>,
  now: Date,
) {
  // The demo password is short and known on purpose; it bypasses the password rules, demo mode only.
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.insert(users).values(
    ROLES.map((role) => ({
      username: role,
      displayName: DEMO_DISPLAY_NAMES[role],
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
