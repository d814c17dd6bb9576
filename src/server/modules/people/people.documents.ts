// The scientific CV of a person (lý lịch khoa học, Mẫu B1-4-LLCN; docs/scientific-cv.md), drawn from the registry:
// the person's record as the caller may read it (contact data only for staff and the person), their activities as
// the caller may know them (people.activities.ts), the training history, languages and awards kept with the person,
// and the publication and patent products of the registered results of the tasks they led. Whoever may read the person may download it; each download is audited as `person.export`.
import { eq, inArray, sql } from "drizzle-orm";
import { organisations, taskDossierProducts, tasks } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { audit } from "../../platform/audit.js";
import { vietnamDate } from "../../platform/clock.js";
import { codeLabel, type CodeListKey } from "../../../common/reference.js";
import { DOCX_MEDIA_TYPE, issuerFromConfig, scientificCv, vnShortDate } from "../../documents/index.js";
import type { PersonActivities, PersonCouncilItem, PersonTaskItem } from "../../../common/api/person-activities.js";
import type { LanguageLevel } from "../../../common/api/person.js";
import { readPerson } from "./people.service.js";
import { personActivitiesFor } from "./people.activities.js";

const SEX_VI = { male: "Nam", female: "Nữ", other: "Khác" } as const;
export const TASK_ROLE_VI: Record<PersonTaskItem["role"], string> = {
  pi: "Chủ nhiệm",
  secretary: "Thư ký khoa học",
  key_member: "Thành viên chính",
  member: "Thành viên",
  technician: "Kỹ thuật viên",
};
const COUNCIL_KIND_VI: Record<PersonCouncilItem["kind"], string> = {
  identification: "Hội đồng tư vấn xác định nhiệm vụ",
  selection: "Hội đồng tư vấn tuyển chọn, giao trực tiếp",
  appraisal: "Tổ thẩm định nội dung và kinh phí",
  acceptance: "Hội đồng tư vấn đánh giá, nghiệm thu",
};
const COUNCIL_ROLE_VI: Record<PersonCouncilItem["role"], string> = {
  chair: "Chủ tịch",
  vice_chair: "Phó Chủ tịch",
  reviewer: "Ủy viên phản biện",
  member: "Ủy viên",
  scientific_secretary: "Ủy viên, Thư ký khoa học",
  admin_secretary: "Thư ký hành chính",
};
const GRADE_VI = { excellent: "Xuất sắc", pass: "Đạt", fail: "Không đạt" } as const;
/** The form's scale of a language skill. */
export const LANGUAGE_LEVEL_VI: Record<LanguageLevel, string> = { good: "Tốt", fair: "Khá", average: "Trung bình" };

const monthYear = (d: string) => `${d.slice(5, 7)}/${d.slice(0, 4)}`;
const period = (start: string | null, end: string | null, open = "nay") =>
  start || end ? `${start ? monthYear(start) : "…"} – ${end ? monthYear(end) : open}` : "";

type DocFile = { fileName: string; mediaType: string; content: Buffer };

export async function personCvDocument(ctx: Ctx, id: string): Promise<DocFile> {
  const day = vietnamDate(ctx.clock.now());
  const label = (key: CodeListKey, code: string | null) => codeLabel(key, code, day);
  const { person, activities, organisation, products } = await ctx.db.transaction(async (tx) => {
    // 404 for a person that does not exist, the policy's read rule, contact data only where the policy allows it.
    const person = await readPerson(ctx, tx, id);
    const activities: PersonActivities = await personActivitiesFor(ctx, tx, id);
    const [organisation] = person.primaryOrganisationId
      ? await tx
          .select({ name: organisations.nameVi, address: organisations.address })
          .from(organisations)
          .where(eq(organisations.id, person.primaryOrganisationId))
      : [];
    // The publications and patents among the products of the selected dossiers of the registered results listed.
    const resultIds = activities.results.map((r) => r.id);
    const products = resultIds.length
      ? await tx
          .select({
            taskCode: tasks.code,
            name: taskDossierProducts.name,
            outputType: taskDossierProducts.outputType,
            year: sql<string>`extract(year from ${tasks.registeredAt})::text`,
          })
          .from(taskDossierProducts)
          .innerJoin(tasks, eq(tasks.selectedDossierId, taskDossierProducts.dossierId))
          .where(sql`${inArray(tasks.id, resultIds)} AND ${taskDossierProducts.outputType} IN ('publication', 'patent')`)
          .orderBy(tasks.code, taskDossierProducts.position)
      : [];
    await audit(tx, ctx, {
      action: "person.export",
      entityType: "person",
      entityId: id,
      details: {
        format: "docx",
        document: "scientific_cv",
        contact: person.contact !== null,
        tasks: activities.tasks.length,
        councils: activities.councils.length,
        results: activities.results.length,
      },
    });
    return { person, activities, organisation, products };
  });

  const current =
    person.affiliations.find((a) => a.organisationId === person.primaryOrganisationId && !a.endDate) ?? person.affiliations.find((a) => !a.endDate);
  const content = await scientificCv({
    place: issuerFromConfig(ctx.config).place,
    date: day,
    fullName: person.fullName,
    birthYear: person.birthYear,
    sex: person.gender ? SEX_VI[person.gender] : null,
    academicTitle: label("title", person.title),
    degree: label("degree", person.degree),
    position: current?.position ?? null,
    contact: person.contact,
    organisation: organisation ? { name: organisation.name, address: organisation.address } : null,
    // The training history as kept; a person without one shows at least their current degree and fields of science.
    education: person.education.length
      ? person.education.map((e) => [label("degree", e.level)!, e.institution, e.field ?? "", e.year === null ? "" : String(e.year)])
      : person.degree
        ? [[label("degree", person.degree)!, "", person.fields.map((f) => label("field", f)).join("; "), ""]]
        : [],
    languages: person.languages.map((l) => [
      l.language,
      LANGUAGE_LEVEL_VI[l.listening],
      LANGUAGE_LEVEL_VI[l.speaking],
      LANGUAGE_LEVEL_VI[l.writing],
      LANGUAGE_LEVEL_VI[l.reading],
    ]),
    work: person.affiliations.map((a) => [period(a.startDate, a.endDate), a.position ?? "", a.organisationName]),
    results: [
      ...activities.results.map((r) => [
        `Kết quả nhiệm vụ "${r.titleVi}" (${r.code})${r.resultGrade ? `, nghiệm thu: ${GRADE_VI[r.resultGrade]}` : ""}`,
        `Số đăng ký ${r.registrationCode}`,
        r.registeredAt.slice(0, 4),
      ]),
      ...products.filter((p) => p.outputType === "publication").map((p) => [p.name, `Sản phẩm của nhiệm vụ ${p.taskCode}`, p.year]),
    ],
    tasks: activities.tasks.map((t) => [
      `${t.titleVi} (${t.code})`,
      TASK_ROLE_VI[t.role],
      period(t.startDate, t.endDate, "") || String(t.year),
      `${t.stateLabelVi}${t.resultGrade ? `; ${GRADE_VI[t.resultGrade]}` : ""}`,
    ]),
    councils: activities.councils.map((c) => [
      COUNCIL_KIND_VI[c.kind],
      c.tasks.map((t) => `${t.titleVi} (${t.code})`).join("\n"),
      COUNCIL_ROLE_VI[c.role],
      c.meetingAt ? vnShortDate(c.meetingAt) : "",
    ]),
    // The awards the person declared, then the patents among the products of their registered results.
    awards: [
      ...person.awards.map((a) => ["Giải thưởng", a.awardedBy ? `${a.name} — ${a.awardedBy}` : a.name, a.year === null ? "" : String(a.year), ""]),
      ...products.filter((p) => p.outputType === "patent").map((p) => ["Sở hữu trí tuệ", p.name, "", p.taskCode]),
    ],
  });
  const fileName = `Lý lịch khoa học ${person.fullName}.docx`;
  return { fileName, mediaType: DOCX_MEDIA_TYPE, content };
}
