// Hợp đồng thực hiện nhiệm vụ khoa học và công nghệ (bên A: the Department; bên B: the lead organisation and the PI):
// value by source, products, schedule of disbursements, and the articles of the contract.
import { renderNd30, type Block, type Issuer, type Signer } from "./nd30.js";
import { vnMoney, vnMoneyWithWords, vnShortDate } from "./format.js";
import { budgetTotal, type BudgetLine } from "./approval-decision.js";
import { bodyName, defaultSigner } from "./issuer.js";

export interface ContractParty {
  name: string;
  representative: string;
  position: string;
  address?: string | null;
  phone?: string | null;
  taxCode?: string | null;
  bankAccount?: string | null;
}

export interface ContractInput {
  issuer: Issuer;
  number: number | null;
  date: Date | string | null;
  /** The year printed while the date is blank (the year the document is drawn up). */
  year: number;
  /** "Quyết định số 07/QĐ-SKHCN ngày 20/01/2026 của Giám đốc Sở …" */
  approvalDecision: string;
  legalBases: string[];
  partyA: ContractParty;
  partyB: ContractParty;
  principalInvestigator: string;
  taskCode: string;
  taskTitle: string;
  startDate: string;
  endDate: string;
  value: BudgetLine[];
  products: { name: string; requirement: string; quantity: string }[];
  /** Disbursement schedule: when and how much of the state budget. */
  schedule: { when: string; amount: number; condition: string }[];
  /** Signer for party A (defaults to the issuer's signer). */
  signerA?: Signer;
}

export async function contract(input: ContractInput): Promise<Buffer> {
  const total = budgetTotal(input.value);
  const partyLines = (label: string, p: ContractParty): Block[] => [
    {
      kind: "paragraph",
      text: [
        { text: `${label}: `, bold: true },
        { text: p.name, bold: true },
      ],
      indent: true,
    },
    {
      kind: "list",
      items: [
        `Đại diện: ${p.representative}, chức vụ: ${p.position}`,
        ...(p.address ? [`Địa chỉ: ${p.address}`] : []),
        ...(p.phone ? [`Điện thoại: ${p.phone}`] : []),
        ...(p.taxCode ? [`Mã số thuế: ${p.taxCode}`] : []),
        ...(p.bankAccount ? [`Tài khoản: ${p.bankAccount}`] : []),
      ],
    },
  ];
  const body: Block[] = [
    { kind: "paragraph", text: `Hôm nay, tại ${bodyName(input.issuer)}, chúng tôi gồm:` },
    ...partyLines("Bên đặt hàng (bên A)", input.partyA),
    ...partyLines("Bên nhận đặt hàng (bên B)", input.partyB),
    { kind: "paragraph", text: `và chủ nhiệm nhiệm vụ: ${input.principalInvestigator}.` },
    { kind: "paragraph", text: "Cùng thỏa thuận và thống nhất ký kết hợp đồng thực hiện nhiệm vụ khoa học và công nghệ với các điều khoản sau:" },
    {
      kind: "article",
      number: 1,
      title: "Đặt hàng và nhận đặt hàng thực hiện nhiệm vụ",
      paragraphs: [
        `Bên A đặt hàng và bên B nhận đặt hàng thực hiện nhiệm vụ "${input.taskTitle}" (mã số: ${input.taskCode}) theo ${input.approvalDecision} và Thuyết minh nhiệm vụ đã được phê duyệt, là bộ phận không tách rời của Hợp đồng này.`,
      ],
    },
    {
      kind: "article",
      number: 2,
      title: "Sản phẩm của nhiệm vụ",
      paragraphs: ["Bên B có trách nhiệm giao nộp các sản phẩm sau:"],
    },
    {
      kind: "table",
      header: ["STT", "Tên sản phẩm", "Yêu cầu khoa học, kỹ thuật", "Số lượng"],
      widths: [1, 5, 7, 2],
      align: ["center", "left", "left", "center"],
      rows: input.products.map((p, i) => [String(i + 1), p.name, p.requirement, p.quantity]),
    },
    {
      kind: "article",
      number: 3,
      title: "Thời gian thực hiện",
      paragraphs: [`Từ ngày ${vnShortDate(input.startDate)} đến ngày ${vnShortDate(input.endDate)}.`],
    },
    {
      kind: "article",
      number: 4,
      title: "Kinh phí thực hiện",
      paragraphs: [`Tổng kinh phí thực hiện nhiệm vụ là ${vnMoneyWithWords(total)}, trong đó:`],
    },
    {
      kind: "table",
      header: ["STT", "Nguồn kinh phí", "Số tiền (đồng)"],
      widths: [1, 8, 4],
      align: ["center", "left", "right"],
      rows: [...input.value.map((b, i) => [String(i + 1), b.source, vnMoney(b.amount)]), ["", "Tổng cộng", vnMoney(total)]],
    },
    { kind: "paragraph", text: "Tiến độ cấp kinh phí từ ngân sách nhà nước:" },
    {
      kind: "table",
      header: ["Đợt", "Thời gian", "Số tiền (đồng)", "Điều kiện"],
      widths: [1, 4, 4, 7],
      align: ["center", "left", "right", "left"],
      rows: input.schedule.map((s, i) => [String(i + 1), s.when, vnMoney(s.amount), s.condition]),
    },
    {
      kind: "article",
      number: 5,
      title: "Quyền và nghĩa vụ của các bên",
      paragraphs: [
        "1. Bên A cấp kinh phí theo tiến độ tại Điều 4; kiểm tra, đánh giá định kỳ; tổ chức đánh giá, nghiệm thu và công nhận kết quả thực hiện nhiệm vụ.",
        "2. Bên B tổ chức thực hiện nhiệm vụ đúng thuyết minh được phê duyệt; sử dụng kinh phí đúng mục đích; báo cáo định kỳ; giao nộp sản phẩm, đăng ký và lưu giữ kết quả theo quy định.",
      ],
    },
    {
      kind: "article",
      number: 6,
      title: "Điều chỉnh, chấm dứt hợp đồng",
      paragraphs: [
        "Việc điều chỉnh nội dung, tiến độ, kinh phí hoặc chủ nhiệm nhiệm vụ phải được bên A chấp thuận bằng văn bản. Hợp đồng chấm dứt khi các bên hoàn thành nghĩa vụ và thanh lý hợp đồng, hoặc theo quy định của pháp luật.",
      ],
    },
    {
      kind: "article",
      number: 7,
      title: "Điều khoản chung",
      paragraphs: ["Hợp đồng có hiệu lực kể từ ngày ký. Hợp đồng được lập thành 08 bản có giá trị pháp lý như nhau, bên A giữ 05 bản, bên B giữ 03 bản./."],
    },
  ];
  const a = input.signerA ?? defaultSigner(input.issuer);
  return renderNd30({
    issuer: input.issuer,
    variant: "administrative",
    number: input.number,
    typeAbbreviation: "HĐ",
    date: input.date,
    year: input.year,
    type: "HỢP ĐỒNG",
    summary: ["Thực hiện nhiệm vụ khoa học và công nghệ"],
    legalBases: input.legalBases,
    body,
    signature: {
      kind: "pair",
      left: [
        { authority: ["ĐẠI DIỆN BÊN B", input.partyB.position], name: input.partyB.representative },
        { authority: ["CHỦ NHIỆM NHIỆM VỤ"], name: input.principalInvestigator },
      ],
      right: [{ authority: ["ĐẠI DIỆN BÊN A", ...a.authority], name: a.name || input.partyA.representative }],
    },
  });
}
