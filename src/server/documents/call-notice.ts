// Thông báo tuyển chọn / đề xuất đặt hàng nhiệm vụ KH&CN: the call's code, title, scope, submission window, the
// documents of the dossier and how to submit.
import { renderNd30, type Issuer, type Signer } from "./nd30.js";
import { defaultSigner, bodyName } from "./issuer.js";
import { vnDateTime, vnLocalDay } from "./format.js";

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
  /** Address of the online system where dossiers are submitted, if any. */
  submissionUrl: string | null;
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
    input.submissionUrl
      ? `Hồ sơ được nộp trực tuyến trên Hệ thống quản lý khoa học và công nghệ của ${body} tại địa chỉ ${input.submissionUrl}, hoặc nộp trực tiếp, qua bưu điện tại ${body}.`
      : `Hồ sơ được nộp trực tiếp hoặc qua bưu điện tại ${body}.`,
    `Thời hạn nhận hồ sơ: từ ${vnDateTime(input.opensAt)} đến ${vnDateTime(input.closesAt)}. Ngày nhận hồ sơ là ngày hồ sơ được ghi nhận trên hệ thống hoặc ngày ghi trên dấu bưu điện; hồ sơ nhận sau thời hạn trên không được xem xét.`,
  ];
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
      { kind: "heading", text: `1. Tên đợt: ${input.title} (mã đợt: ${input.code})` },
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      { kind: "heading", text: "2. Phạm vi" },
      ...(scope.length
        ? [{ kind: "list" as const, items: scope }]
        : [{ kind: "paragraph" as const, text: "Các lĩnh vực khoa học và công nghệ phục vụ phát triển kinh tế - xã hội của thành phố." }]),
      { kind: "heading", text: "3. Thời gian nhận hồ sơ" },
      { kind: "paragraph", text: `Từ ${vnDateTime(input.opensAt)} đến ${vnDateTime(input.closesAt)}.` },
      { kind: "heading", text: "4. Thành phần hồ sơ" },
      {
        kind: "table",
        header: ["STT", "Mã biểu mẫu", "Tên tài liệu", "Bắt buộc"],
        widths: [1, 3, 8, 2],
        align: ["center", "left", "left", "center"],
        rows: input.requiredDocuments.map((d, i) => [String(i + 1), d.code, d.label, d.required ? "Có" : "Không"]),
      },
      { kind: "heading", text: "5. Cách thức nộp hồ sơ" },
      ...submit.map((text) => ({ kind: "paragraph" as const, text })),
      { kind: "paragraph", text: `Thông tin chi tiết liên hệ ${body} để được hướng dẫn./.` },
    ],
    signature: { kind: "official", recipients: input.recipients, archiveUnit: input.issuer.archiveUnit, signer: input.signer ?? defaultSigner(input.issuer) },
  });
}
