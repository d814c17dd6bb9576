// Quyết định thành lập hội đồng tư vấn (xác định, tuyển chọn / giao trực tiếp, thẩm định, nghiệm thu): legal bases,
// Điều 1 the members with their roles, Điều 2 the duties, Điều 3 enforcement.
import { renderNd30, type Issuer, type Signer } from "./nd30.js";
import { defaultSigner, headTitle } from "./issuer.js";

export type CouncilKindVi = "identification" | "selection" | "appraisal" | "acceptance";

/** The council's name for each kind, as it appears in the decision. */
export const COUNCIL_NAME_VI: Record<CouncilKindVi, string> = {
  identification: "Hội đồng tư vấn xác định nhiệm vụ khoa học và công nghệ",
  selection: "Hội đồng tư vấn tuyển chọn, giao trực tiếp tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ",
  appraisal: "Tổ thẩm định nội dung và kinh phí nhiệm vụ khoa học và công nghệ",
  acceptance: "Hội đồng tư vấn đánh giá, nghiệm thu kết quả thực hiện nhiệm vụ khoa học và công nghệ",
};

export interface CouncilMemberLine {
  name: string;
  /** Học hàm, học vị, e.g. "PGS.TS." */
  title?: string | null;
  /** Workplace and position. */
  affiliation: string;
  /** Role in the council, e.g. "Chủ tịch", "Phó Chủ tịch", "Ủy viên phản biện", "Ủy viên, Thư ký khoa học". */
  role: string;
}

export interface CouncilEstablishmentInput {
  issuer: Issuer;
  number: number | null;
  date: Date | string | null;
  /** The year printed while the date is blank (the year the document is drawn up). */
  year: number;
  kind: CouncilKindVi;
  /** The task(s) the council advises on. */
  subjects: string[];
  legalBases: string[];
  members: CouncilMemberLine[];
  /** Duties of the council (Điều 2); the defaults of its kind when empty. */
  duties?: string[];
  /** Who carries out the decision (Điều 3), e.g. "Chánh Văn phòng Sở, Trưởng phòng Quản lý khoa học". */
  enforcers: string;
  recipients: string[];
  signer?: Signer;
}

const DUTIES: Record<CouncilKindVi, string> = {
  identification: "xem xét, đánh giá các đề xuất đặt hàng và kiến nghị danh mục nhiệm vụ khoa học và công nghệ",
  selection: "đánh giá hồ sơ, chấm điểm và kiến nghị tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ",
  appraisal: "thẩm định nội dung và kinh phí thực hiện nhiệm vụ khoa học và công nghệ",
  acceptance: "đánh giá, nghiệm thu kết quả thực hiện nhiệm vụ khoa học và công nghệ",
};

export async function councilEstablishmentDecision(input: CouncilEstablishmentInput): Promise<Buffer> {
  const name = COUNCIL_NAME_VI[input.kind];
  const duties = input.duties?.length
    ? input.duties
    : [
        `Hội đồng có nhiệm vụ ${DUTIES[input.kind]} theo quy định hiện hành.`,
        "Hội đồng làm việc theo nguyên tắc dân chủ, khách quan, trung thực và tự giải thể sau khi hoàn thành nhiệm vụ.",
      ];
  return renderNd30({
    issuer: input.issuer,
    variant: "administrative",
    number: input.number,
    typeAbbreviation: "QĐ",
    date: input.date,
    year: input.year,
    type: "QUYẾT ĐỊNH",
    summary: [`Về việc thành lập ${name}`],
    authorityTitle: headTitle(input.issuer),
    legalBases: input.legalBases,
    body: [
      { kind: "title", text: "QUYẾT ĐỊNH:" },
      {
        kind: "article",
        number: 1,
        paragraphs: [`Thành lập ${name} đối với: ${input.subjects.join("; ")}. Thành phần Hội đồng gồm các ông (bà) có tên sau:`],
      },
      {
        kind: "table",
        header: ["STT", "Họ và tên, học hàm, học vị", "Cơ quan công tác", "Chức danh trong Hội đồng"],
        widths: [1, 5, 6, 4],
        align: ["center", "left", "left", "left"],
        rows: input.members.map((m, i) => [String(i + 1), `${m.title ? m.title + " " : ""}${m.name}`, m.affiliation, m.role]),
      },
      { kind: "article", number: 2, paragraphs: duties },
      {
        kind: "article",
        number: 3,
        paragraphs: [
          `Quyết định này có hiệu lực kể từ ngày ký. ${input.enforcers} và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
        ],
      },
    ],
    signature: { kind: "official", recipients: input.recipients, archiveUnit: input.issuer.archiveUnit, signer: input.signer ?? defaultSigner(input.issuer) },
  });
}
