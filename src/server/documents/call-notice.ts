// Thông báo tuyển chọn / đề xuất đặt hàng nhiệm vụ KH&CN: the call's code, title, the tasks it offers (objectives,
// expected products, duration, budget cap), scope, submission window, the documents of the dossier, the criteria
// dossiers are judged by, the online address where they are submitted and whom to ask.
import { renderNd30, type Block, type Issuer, type Signer } from "./nd30.js";
import { defaultSigner, bodyName } from "./issuer.js";
import { vnDateTime, vnLocalDay, vnMoney } from "./format.js";

/** A task the call offers. */
export interface CallNoticeTask {
  code: string;
  title: string;
  objectives: string[];
  products: string[];
  /** Months; null when the call leaves it to the dossier. */
  durationMonths: number | null;
  /** Budget cap from the state budget in đồng; null when none is set. */
  budgetCap: number | null;
}

export interface CallNoticeInput {
  issuer: Issuer;
  number: number | null;
  /** Issue date (the publication instant or a day); null while a draft. */
  date: Date | string | null;
  /** "selection": tuyển chọn tổ chức, cá nhân chủ trì; "proposal_collection": đề xuất đặt hàng. */
  kind: "selection" | "proposal_collection";
  code: string;
  title: string;
  programmeName: string | null;
  /** Labels of the fields of science and of the sectors the call covers. */
  fields: string[];
  sectors: string[];
  description: string | null;
  opensAt: Date | string;
  closesAt: Date | string;
  requiredDocuments: { code: string; label: string; required: boolean }[];
  /** The tasks the call offers (selection) or asks proposals for. */
  tasks: CallNoticeTask[];
  /** Criteria the dossiers are judged by, in groups (e.g. one scoring sheet per kind of task), each criterion with its
   *  maximum score when scored; and the rule they pass by. */
  criteria: { title?: string; items: { label: string; max?: number }[] }[];
  passRule?: string;
  /** Address of the online system where dossiers are submitted (the app's public address); null when not configured. */
  submissionUrl: string | null;
  /** Whom to ask: one line each (unit, telephone, e-mail). */
  contacts: string[];
  legalBases?: string[];
  recipients: string[];
  signer?: Signer;
}

export async function callNotice(input: CallNoticeInput): Promise<Buffer> {
  const selection = input.kind === "selection";
  const body = bodyName(input.issuer);
  const summary = selection
    ? ["Tuyển chọn tổ chức, cá nhân chủ trì thực hiện", "nhiệm vụ khoa học và công nghệ"]
    : ["Đề xuất đặt hàng nhiệm vụ khoa học và công nghệ"];
  const paragraphs =
    input.description
      ?.split(/\n+/)
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  const scope: string[] = [];
  if (input.programmeName) scope.push(`Thuộc chương trình: ${input.programmeName}`);
  if (input.fields.length) scope.push(`Lĩnh vực khoa học: ${input.fields.join("; ")}`);
  if (input.sectors.length) scope.push(`Ngành, lĩnh vực ứng dụng: ${input.sectors.join("; ")}`);
  const submit = [
    `Hồ sơ được nộp trực tuyến trên Hệ thống quản lý khoa học và công nghệ của ${body}${input.submissionUrl ? ` tại địa chỉ ${input.submissionUrl}` : ""}: tổ chức, cá nhân đăng ký tài khoản, lập hồ sơ theo các biểu mẫu trên Hệ thống và nộp trong thời hạn nhận hồ sơ.`,
    `Thời hạn nhận hồ sơ: từ ${vnDateTime(input.opensAt)} đến ${vnDateTime(input.closesAt)}. Thời điểm nộp hồ sơ là thời điểm Hệ thống ghi nhận hồ sơ; hồ sơ nộp sau thời hạn trên không được xem xét.`,
  ];
  const money = (n: number | null) => (n === null ? "Theo hồ sơ" : vnMoney(n).replace(/ đồng$/, ""));
  const tasks: Block[] = !input.tasks.length
    ? selection
      ? [{ kind: "paragraph", text: "Danh mục nhiệm vụ được công bố kèm theo Thông báo này trên Hệ thống." }]
      : []
    : [
        {
          kind: "table",
          header: ["STT", "Tên nhiệm vụ", "Mục tiêu", "Sản phẩm dự kiến", "Thời gian (tháng)", "Kinh phí tối đa (đồng)"],
          widths: [2, 7, 8, 7, 3, 5],
          align: ["center", "left", "left", "left", "center", "right"],
          fontSize: 11,
          rows: input.tasks.map((t, i) => [
            String(i + 1),
            `${t.title}\n(mã số: ${t.code})`,
            t.objectives.map((o) => `- ${o}`).join("\n"),
            t.products.map((p) => `- ${p}`).join("\n"),
            t.durationMonths === null ? "Theo hồ sơ" : String(t.durationMonths),
            money(t.budgetCap),
          ]),
        },
      ];
  const criteria: Block[] = input.criteria.flatMap((g): Block[] => {
    const scored = g.items.some((c) => c.max !== undefined);
    return [
      ...(g.title ? [{ kind: "paragraph" as const, text: `${g.title}:` }] : []),
      scored
        ? {
            kind: "table",
            header: ["STT", "Tiêu chí đánh giá", "Điểm tối đa"],
            widths: [1, 10, 2],
            align: ["center", "left", "center"],
            rows: g.items.map((c, i) => [String(i + 1), c.label, c.max === undefined ? "" : String(c.max)]),
          }
        : { kind: "list", items: g.items.map((c) => c.label) },
    ];
  });
  if (input.passRule) criteria.push({ kind: "paragraph", text: input.passRule });
  // Sections are numbered in order; a call collecting proposals has no list of tasks yet.
  let section = 0;
  const heading = (text: string): Block => ({ kind: "heading", text: `${++section}. ${text}` });
  return renderNd30({
    issuer: input.issuer,
    variant: "administrative",
    number: input.number,
    typeAbbreviation: "TB",
    date: input.date,
    year: vnLocalDay(input.opensAt).year,
    type: "THÔNG BÁO",
    summary,
    legalBases: input.legalBases,
    title: `Thông báo ${input.code}: ${input.title}`,
    body: [
      {
        kind: "paragraph",
        text: selection
          ? `${body} thông báo tuyển chọn tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ theo đợt ${input.code} như sau:`
          : `${body} thông báo các cơ quan, tổ chức, cá nhân đề xuất đặt hàng nhiệm vụ khoa học và công nghệ theo đợt ${input.code} như sau:`,
      },
      heading(`Tên đợt: ${input.title} (mã đợt: ${input.code})`),
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      ...(tasks.length ? [heading(selection ? "Danh mục nhiệm vụ tuyển chọn" : "Danh mục nhiệm vụ đề xuất đặt hàng"), ...tasks] : []),
      heading("Phạm vi"),
      ...(scope.length
        ? [{ kind: "list" as const, items: scope }]
        : [{ kind: "paragraph" as const, text: "Các lĩnh vực khoa học và công nghệ phục vụ phát triển kinh tế - xã hội của thành phố." }]),
      heading("Thời gian nhận hồ sơ"),
      { kind: "paragraph", text: `Từ ${vnDateTime(input.opensAt)} đến ${vnDateTime(input.closesAt)}.` },
      heading("Thành phần hồ sơ"),
      {
        kind: "table",
        header: ["STT", "Mã biểu mẫu", "Tên tài liệu", "Bắt buộc"],
        widths: [1, 3, 8, 2],
        align: ["center", "left", "left", "center"],
        rows: input.requiredDocuments.map((d, i) => [String(i + 1), d.code, d.label, d.required ? "Có" : "Không"]),
      },
      ...(criteria.length ? [heading(selection ? "Tiêu chí đánh giá hồ sơ" : "Tiêu chí xem xét đề xuất"), ...criteria] : []),
      heading("Cách thức nộp hồ sơ"),
      ...submit.map((text) => ({ kind: "paragraph" as const, text })),
      ...(input.contacts.length ? [heading("Thông tin liên hệ"), { kind: "list" as const, items: input.contacts }] : []),
      { kind: "paragraph", text: `${body} thông báo để các tổ chức, cá nhân biết và đăng ký tham gia./.` },
    ],
    signature: { kind: "official", recipients: input.recipients, archiveUnit: input.issuer.archiveUnit, signer: input.signer ?? defaultSigner(input.issuer) },
  });
}
