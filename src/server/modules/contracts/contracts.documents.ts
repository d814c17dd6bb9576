// The contract as an official document (.docx, NĐ 30/2020 format): the parties, the value by source, the products and
// the schedule of disbursements from the planned tranches. For whoever may read the contract (staff, bên B); a draft's
// document is the text to sign (no date); 409 while the contract lacks what the document needs; each download audited.
import { asc, eq } from "drizzle-orm";
import { vietnamDate } from "../../platform/clock.js";
import { contractProducts, contractTranches, contracts, organisations, tasks } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { AppError, notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { authorize } from "../../platform/policy.js";
import { DOCX_MEDIA_TYPE, bodyName, contract as contractDocument, issuerFromConfig, vnDigits, vnShortDate, type BudgetLine } from "../../documents/index.js";
import { contractPolicy } from "./contracts.policy.js";
import { decisionNumberOf, personLine, taskLegalBases } from "../tasks/tasks.documents.js";
import { issuedDocument } from "../register/register.service.js";
import { together } from "../../platform/together.js";

type DocFile = { fileName: string; mediaType: string; content: Buffer };

const MISSING = {
  partyBRepresentative: { vi: "đại diện bên B", en: "party B's representative" },
  products: { vi: "sản phẩm", en: "products" },
  tranches: { vi: "kế hoạch cấp kinh phí", en: "disbursement plan" },
} as const;

/** "PHÓ GIÁM ĐỐC" → "Phó Giám đốc": a position in running text. */
function positionText(upper: string): string {
  const lower = upper.toLocaleLowerCase("vi").replace(/^(kt|tl|tm|q)\.\s*/u, "");
  return lower
    .replace(/(^|phó |\s)(giám đốc|chủ tịch)/u, (_, p: string, w: string) => `${p}${w.charAt(0).toLocaleUpperCase("vi")}${w.slice(1)}`)
    .replace(/^./u, (c) => c.toLocaleUpperCase("vi"));
}

export async function contractDocumentFile(ctx: Ctx, id: string): Promise<DocFile> {
  const data = await ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(contracts).where(eq(contracts.id, id));
    if (!c) throw notFound();
    authorize(ctx.actor, contractPolicy, "read", { status: c.status, piPersonId: c.piPersonId, partyBOrganisationId: c.partyBOrganisationId });
    const [products, tranches, [task], [org]] = await together(tx, [
      () => tx.select().from(contractProducts).where(eq(contractProducts.contractId, id)).orderBy(asc(contractProducts.position)),
      () => tx.select().from(contractTranches).where(eq(contractTranches.contractId, id)).orderBy(asc(contractTranches.position)),
      () => tx.select().from(tasks).where(eq(tasks.id, c.taskId)),
      () => tx.select().from(organisations).where(eq(organisations.id, c.partyBOrganisationId)),
    ]);
    const planned = tranches.filter((x) => x.status === "planned");
    const missing = [!c.partyBRepresentative?.trim() && "partyBRepresentative", !products.length && "products", !planned.length && "tranches"].filter(
      (x): x is keyof typeof MISSING => !!x,
    );
    if (missing.length) {
      throw new AppError(
        "DOCUMENT_NOT_AVAILABLE",
        409,
        "document.contract_terms_incomplete",
        { missing },
        { missing: missing.map((k) => MISSING[k][ctx.lang]).join(", ") },
      );
    }
    await audit(tx, ctx, {
      action: "contract.export",
      entityType: "contract",
      entityId: id,
      details: { format: "docx", document: "contract", status: c.status, version: c.version },
    });
    return {
      c,
      products,
      planned,
      task,
      org,
      pi: await personLine(tx, c.piPersonId),
      bases: await taskLegalBases(ctx, tx, task ?? null),
      issued: await issuedDocument(tx, "contract", id),
    };
  });
  const { c, products, planned, task, org, pi, bases, issued } = data;
  const issuer = issuerFromConfig(ctx.config);
  const head = `Giám đốc ${bodyName(issuer)}`;
  const approval = task?.decisionNumber
    ? `Quyết định số ${task.decisionNumber}${task.decisionDate ? ` ngày ${vnShortDate(task.decisionDate)}` : ""} của ${head}`
    : `Quyết định phê duyệt nhiệm vụ của ${head}`;
  const value: BudgetLine[] = [{ source: "Ngân sách nhà nước (sự nghiệp khoa học thành phố)", amount: c.valueCity }];
  if (c.valueOther) value.push({ source: "Nguồn khác", amount: c.valueOther });
  const content = await contractDocument({
    issuer,
    number: issued?.number ?? decisionNumberOf(c.number),
    date: issued?.issuedOn ?? c.partyASignedOn,
    year: Number(vietnamDate(ctx.clock.now()).slice(0, 4)),
    approvalDecision: approval,
    legalBases: ["Căn cứ Bộ luật Dân sự số 91/2015/QH13", ...bases, `Căn cứ ${approval} phê duyệt nhiệm vụ khoa học và công nghệ`],
    partyA: {
      name: c.partyAName,
      representative: c.partyARepresentative?.trim() || issuer.signerName,
      position: positionText(issuer.signerAuthority.at(-1) ?? "GIÁM ĐỐC"),
    },
    partyB: {
      name: org?.nameVi ?? "",
      representative: c.partyBRepresentative!.trim(),
      position: "Thủ trưởng tổ chức chủ trì",
      address: org?.address,
      phone: org?.phone,
      taxCode: org?.taxCode,
    },
    principalInvestigator: pi,
    taskCode: task?.code ?? "",
    taskTitle: task?.titleVi ?? "",
    startDate: c.startDate,
    endDate: c.endDate,
    value,
    products: products.map((p) => ({ name: p.name, requirement: p.qualityTarget, quantity: `${vnDigits(Number(p.quantity))} ${p.unit}` })),
    schedule: planned.map((x) => ({
      when: `${x.label} (${vnShortDate(x.plannedDate)})`,
      amount: x.amountCity,
      condition:
        x.condition?.trim() || (x.kind === "advance" ? "Sau khi hợp đồng được ký kết" : "Sau khi bên A kiểm tra, đánh giá tiến độ thực hiện đạt yêu cầu"),
    })),
  });
  return { fileName: `Hợp đồng ${c.number.replace(/\//g, "-")}.docx`, mediaType: DOCX_MEDIA_TYPE, content };
}
