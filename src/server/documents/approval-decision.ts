// Quyết định phê duyệt nhiệm vụ KH&CN (tổ chức, cá nhân chủ trì, kinh phí, thời gian thực hiện).
import { renderNd30, type Issuer, type Signer } from "./nd30.js";
import { defaultSigner, headTitle } from "./issuer.js";
import { vnMoney, vnMoneyWithWords, vnShortDate } from "./format.js";

export interface BudgetLine {
  /** Source of funds, e.g. "Ngân sách nhà nước (sự nghiệp khoa học thành phố)", "Nguồn khác". */
  source: string;
  /** Integer đồng. */
  amount: number;
}

export interface ApprovalDecisionInput {
  issuer: Issuer;
  number: number | null;
  date: Date | string | null;
  /** The year printed while the date is blank (the year the document is drawn up). */
  year: number;
  taskCode: string;
  taskTitle: string;
  leadOrganisation: string;
  /** "TS. Nguyễn Văn A" */
  principalInvestigator: string;
  budget: BudgetLine[];
  /** Implementation period: months and first/last day. */
  durationMonths: number;
  startDate: string;
  endDate: string;
  objectives?: string[];
  legalBases: string[];
  enforcers: string;
  recipients: string[];
  signer?: Signer;
}

export const budgetTotal = (lines: BudgetLine[]) => lines.reduce((a, b) => a + b.amount, 0);

export async function approvalDecision(input: ApprovalDecisionInput): Promise<Buffer> {
  const total = budgetTotal(input.budget);
  return renderNd30({
    issuer: input.issuer,
    variant: "administrative",
    number: input.number,
    typeAbbreviation: "QĐ",
    date: input.date,
    year: input.year,
    type: "QUYẾT ĐỊNH",
    summary: ["Phê duyệt tổ chức, cá nhân chủ trì và kinh phí thực hiện", "nhiệm vụ khoa học và công nghệ"],
    authorityTitle: headTitle(input.issuer),
    legalBases: input.legalBases,
    body: [
      { kind: "title", text: "QUYẾT ĐỊNH:" },
      { kind: "article", number: 1, paragraphs: ["Phê duyệt nhiệm vụ khoa học và công nghệ với các nội dung sau:"] },
      { kind: "paragraph", text: `1. Tên nhiệm vụ: ${input.taskTitle} (mã số: ${input.taskCode}).` },
      { kind: "paragraph", text: `2. Tổ chức chủ trì: ${input.leadOrganisation}.` },
      { kind: "paragraph", text: `3. Chủ nhiệm nhiệm vụ: ${input.principalInvestigator}.` },
      ...(input.objectives?.length
        ? [
            { kind: "paragraph" as const, text: "4. Mục tiêu:" },
            { kind: "list" as const, items: input.objectives },
          ]
        : []),
      {
        kind: "paragraph",
        text: `${input.objectives?.length ? 5 : 4}. Thời gian thực hiện: ${input.durationMonths} tháng, từ ngày ${vnShortDate(input.startDate)} đến ngày ${vnShortDate(input.endDate)}.`,
      },
      { kind: "paragraph", text: `${input.objectives?.length ? 6 : 5}. Tổng kinh phí thực hiện: ${vnMoneyWithWords(total)}, trong đó:` },
      {
        kind: "table",
        header: ["STT", "Nguồn kinh phí", "Số tiền (đồng)"],
        widths: [1, 8, 4],
        align: ["center", "left", "right"],
        rows: [...input.budget.map((b, i) => [String(i + 1), b.source, vnMoney(b.amount)]), ["", "Tổng cộng", vnMoney(total)]],
      },
      {
        kind: "article",
        number: 2,
        paragraphs: [
          `${input.leadOrganisation} và chủ nhiệm nhiệm vụ có trách nhiệm ký hợp đồng, tổ chức thực hiện nhiệm vụ và sử dụng kinh phí đúng mục đích, đúng quy định hiện hành.`,
        ],
      },
      {
        kind: "article",
        number: 3,
        paragraphs: [
          `Quyết định này có hiệu lực kể từ ngày ký. ${input.enforcers}, ${input.leadOrganisation} và chủ nhiệm nhiệm vụ chịu trách nhiệm thi hành Quyết định này./.`,
        ],
      },
    ],
    signature: { kind: "official", recipients: input.recipients, archiveUnit: input.issuer.archiveUnit, signer: input.signer ?? defaultSigner(input.issuer) },
  });
}
