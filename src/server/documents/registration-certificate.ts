// Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ.
import { renderNd30, type Issuer, type Signer } from "./nd30.js";
import { bodyName, defaultSigner } from "./issuer.js";
import { vnShortDate } from "./format.js";

export interface RegistrationCertificateInput {
  issuer: Issuer;
  number: number | null;
  date: Date | string | null;
  /** The year printed while the date is blank (the year the document is drawn up). */
  year: number;
  registrationCode: string;
  taskCode: string;
  taskTitle: string;
  leadOrganisation: string;
  principalInvestigator: string;
  /** Acceptance date and the implementation period, as calendar days. */
  acceptanceDate: string;
  startDate: string;
  endDate: string;
  /** The day the result was registered (the dossier received). */
  registeredOn: string;
  recipients: string[];
  signer?: Signer;
}

export async function registrationCertificate(input: RegistrationCertificateInput): Promise<Buffer> {
  return renderNd30({
    issuer: input.issuer,
    variant: "administrative",
    number: input.number,
    typeAbbreviation: "GCN",
    date: input.date,
    year: input.year,
    type: "GIẤY CHỨNG NHẬN",
    summary: ["Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ"],
    body: [
      { kind: "paragraph", text: `${bodyName(input.issuer)} chứng nhận kết quả thực hiện nhiệm vụ khoa học và công nghệ dưới đây đã được đăng ký:` },
      { kind: "paragraph", text: [{ text: "Số đăng ký: " }, { text: input.registrationCode, bold: true }] },
      { kind: "paragraph", text: `Tên nhiệm vụ: ${input.taskTitle} (mã số: ${input.taskCode}).` },
      { kind: "paragraph", text: `Tổ chức chủ trì: ${input.leadOrganisation}.` },
      { kind: "paragraph", text: `Chủ nhiệm nhiệm vụ: ${input.principalInvestigator}.` },
      { kind: "paragraph", text: `Thời gian thực hiện: từ ngày ${vnShortDate(input.startDate)} đến ngày ${vnShortDate(input.endDate)}.` },
      { kind: "paragraph", text: `Ngày nghiệm thu: ${vnShortDate(input.acceptanceDate)}. Ngày đăng ký: ${vnShortDate(input.registeredOn)}./.` },
    ],
    signature: { kind: "official", recipients: input.recipients, archiveUnit: input.issuer.archiveUnit, signer: input.signer ?? defaultSigner(input.issuer) },
  });
}
