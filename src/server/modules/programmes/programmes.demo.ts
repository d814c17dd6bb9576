// Demo programmes and calls: three of the city programmes the plan proposes (docs/plan/plan-facts.json
// named_entities.programmes.city_programmes_planned, source lines 458 and 970), an open call for task proposals and a
// draft selection call. Windows are set relative to the day the demo starts, so the open call is open on first start.
import { sql } from "drizzle-orm";
import { calls, programmes } from "../../db/schema/index.js";
import type { Executor } from "../../platform/context.js";
import { defaultRequiredDocuments } from "../../../common/api/call.js";

const DAY = 86400_000;
const BILLION = 1_000_000_000;

export async function insertDemoProgrammesAndCalls(tx: Executor, now: Date) {
  const dost = await tx.execute<{ id: string }>(sql`SELECT id FROM organisations WHERE name_vi = 'Sở Khoa học và Công nghệ' ORDER BY created_at LIMIT 1`);
  const managingOrganisationId = dost.rows[0]?.id ?? null;
  const rows = await tx
    .insert(programmes)
    .values(
      [
        {
          code: "CT.KHCN.01",
          nameVi: "Chương trình khoa học và công nghệ hỗ trợ nâng cao năng suất, chất lượng sản phẩm trọng điểm, chủ lực",
          nameEn: "S&T programme supporting the productivity and quality of key and leading products",
          objectives: "Hỗ trợ doanh nghiệp ứng dụng KH&CN nâng cao năng suất, chất lượng các sản phẩm trọng điểm, chủ lực của thành phố.",
          startYear: 2026,
          endYear: 2030,
          managingOrganisationId,
          totalBudget: 45 * BILLION,
          sectors: ["CN", "TS"],
          fields: ["203", "211", "405"],
        },
        {
          code: "CT.KHCN.02",
          nameVi: "Chương trình đổi mới và nâng cao trình độ công nghệ của thành phố",
          nameEn: "City programme for technology innovation and upgrading",
          objectives: "Đổi mới công nghệ, nâng tỷ lệ đổi mới thiết bị công nghệ 20–25 %/năm.",
          startYear: 2026,
          endYear: 2030,
          managingOrganisationId,
          totalBudget: 60 * BILLION,
          sectors: ["CN"],
          fields: ["202", "203", "205"],
        },
        {
          code: "CT.KHCN.03",
          nameVi: "Chương trình phát triển tài sản trí tuệ của thành phố",
          nameEn: "City intellectual-property development programme",
          objectives: "Tạo lập, bảo hộ, quản lý và phát triển tài sản trí tuệ; sản phẩm đặc sản, làng nghề được bảo hộ.",
          startYear: 2026,
          endYear: 2030,
          managingOrganisationId,
          totalBudget: 12 * BILLION,
          sectors: ["KHXHNV", "NN"],
          fields: ["502", "505"],
        },
      ].map((r) => ({ ...r, createdAt: now, updatedAt: now })),
    )
    .returning({ id: programmes.id, code: programmes.code });
  const first = rows.find((r) => r.code === "CT.KHCN.01")!;
  await tx.insert(calls).values(
    (
      [
        {
          code: "DXDH-2027",
          titleVi: "Thông báo đề xuất đặt hàng nhiệm vụ KH&CN cấp thành phố thực hiện từ năm 2027",
          titleEn: "Call for proposals of city-level S&T tasks starting in 2027",
          kind: "proposal_collection",
          description: "Các sở, ngành, quận, huyện, tổ chức và cá nhân đề xuất nhiệm vụ KH&CN theo mẫu A1-ĐXNV.",
          requiredDocuments: defaultRequiredDocuments("proposal_collection"),
          opensAt: new Date(now.getTime() - 14 * DAY),
          closesAt: new Date(now.getTime() + 30 * DAY),
          status: "published",
          publishedAt: new Date(now.getTime() - 14 * DAY),
        },
        {
          code: "TC-2027-01",
          titleVi: "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ thuộc Chương trình CT.KHCN.01 năm 2027",
          titleEn: "Selection of lead organisations and PIs for programme CT.KHCN.01 tasks in 2027",
          kind: "selection",
          programmeId: first.id,
          fields: ["203", "211"],
          sectors: ["CN"],
          requiredDocuments: defaultRequiredDocuments("selection"),
          opensAt: new Date(now.getTime() + 45 * DAY),
          closesAt: new Date(now.getTime() + 75 * DAY),
          status: "draft",
        },
      ] satisfies Omit<typeof calls.$inferInsert, "createdAt" | "updatedAt">[]
    ).map((c) => ({ ...c, createdAt: now, updatedAt: now })),
  );
}
