// Biên bản họp hội đồng đánh giá, nghiệm thu (TT 11/2014/TT-BKHCN): the grades given per product and for the summary
// report, the count of each member's overall grade and the council's grade.
import { renderNd30, type Block, type Issuer } from "./nd30.js";
import { vnLocalDay } from "./format.js";
import { meetingEnd, meetingPeriod, standardProceedings, type BallotsSummary, type MinutesGeneral } from "./council-minutes.js";

export type Grade = "excellent" | "pass" | "fail";
export const GRADE_VI: Record<Grade, string> = { excellent: "Xuất sắc", pass: "Đạt", fail: "Không đạt" };

export interface AcceptanceMinutesInput {
  issuer: Issuer;
  number: number | null;
  general: Omit<MinutesGeneral, "kind">;
  proceedings?: string[];
  ballots: BallotsSummary;
  /** Each product with the number of members giving each grade. */
  products: { name: string; counts: Record<Grade, number> }[];
  report: Record<Grade, number>;
  /** Members' overall grades, counted. */
  overall: Record<Grade, number>;
  councilGrade: Grade;
  conclusions: string[];
  adoption: { agreed: number; present: number; endsAt: Date | string | null };
  secretary: string;
  chair: string;
}

const countsRow = (label: string, c: Record<Grade, number>) => [label, String(c.excellent), String(c.pass), String(c.fail)];

export async function acceptanceMinutes(input: AcceptanceMinutesInput): Promise<Buffer> {
  const g = input.general;
  const body: Block[] = [
    { kind: "heading", text: "I. THÔNG TIN CHUNG" },
    { kind: "paragraph", text: `1. Nhiệm vụ: ${g.subjects.join("; ")}.` },
    { kind: "paragraph", text: `2. Quyết định thành lập Hội đồng: ${g.establishingDecision}.` },
    { kind: "paragraph", text: `3. Thời gian: ${meetingPeriod(g.startsAt, input.adoption.endsAt)}. Địa điểm: ${g.place}.` },
    {
      kind: "paragraph",
      text: `4. Số thành viên có mặt: ${g.present.length}/${g.membersTotal} thành viên${g.present.length ? ` (${g.present.join(", ")})` : ""}. Vắng mặt: ${g.absent.length ? `${g.absent.length} thành viên (${g.absent.join(", ")})` : "không"}.`,
    },
    { kind: "paragraph", text: `5. Khách mời tham dự: ${g.guests.length ? g.guests.join(", ") : "không"}.` },
    { kind: "heading", text: "II. NỘI DUNG LÀM VIỆC" },
    ...(input.proceedings?.length ? input.proceedings : standardProceedings("acceptance")).map((text, i) => ({
      kind: "paragraph" as const,
      text: `${i + 1}. ${text}`,
    })),
    { kind: "heading", text: "III. KẾT QUẢ BỎ PHIẾU" },
    {
      kind: "paragraph",
      text: `Số phiếu phát ra: ${input.ballots.issued}; số phiếu thu về: ${input.ballots.returned}; số phiếu hợp lệ: ${input.ballots.valid}; số phiếu không hợp lệ: ${input.ballots.invalid.length}.`,
    },
  ];
  if (input.ballots.invalid.length) body.push({ kind: "list", items: input.ballots.invalid.map((b) => `Phiếu của ${b.member}: ${b.reason}`) });
  body.push({ kind: "paragraph", text: "1. Đánh giá sản phẩm và báo cáo tổng hợp (số phiếu theo mức đánh giá):" });
  body.push({
    kind: "table",
    header: ["Sản phẩm", "Xuất sắc", "Đạt", "Không đạt"],
    widths: [8, 2, 2, 2],
    align: ["left", "center", "center", "center"],
    rows: [...input.products.map((p) => countsRow(p.name, p.counts)), countsRow("Báo cáo tổng hợp kết quả thực hiện nhiệm vụ", input.report)],
  });
  body.push({ kind: "paragraph", text: "2. Đánh giá chung của các thành viên:" });
  body.push({
    kind: "table",
    header: ["Mức đánh giá", "Số phiếu"],
    widths: [8, 3],
    align: ["left", "center"],
    rows: (["excellent", "pass", "fail"] as const).map((k) => [GRADE_VI[k], String(input.overall[k])]),
  });
  body.push({
    kind: "paragraph",
    text: [{ text: "3. Kết quả đánh giá của Hội đồng: " }, { text: GRADE_VI[input.councilGrade].toUpperCase(), bold: true }, { text: "." }],
  });
  body.push({ kind: "heading", text: "IV. KẾT LUẬN CỦA HỘI ĐỒNG" });
  body.push(...input.conclusions.map((text) => ({ kind: "paragraph" as const, text })));
  body.push({ kind: "heading", text: "V. THÔNG QUA BIÊN BẢN" });
  body.push({
    kind: "paragraph",
    text: `Biên bản đã được đọc lại cho các thành viên Hội đồng cùng nghe và được ${input.adoption.agreed}/${input.adoption.present} thành viên có mặt nhất trí thông qua. Cuộc họp kết thúc vào ${meetingEnd(g.startsAt, input.adoption.endsAt)}./.`,
  });
  return renderNd30({
    issuer: input.issuer,
    variant: "minutes",
    number: input.number,
    typeAbbreviation: "BB",
    // Minutes are dated on the day of the meeting.
    date: new Date(input.general.startsAt),
    year: vnLocalDay(input.general.startsAt).year,
    type: "BIÊN BẢN",
    summary: ["Họp Hội đồng tư vấn đánh giá, nghiệm thu", "kết quả thực hiện nhiệm vụ khoa học và công nghệ"],
    body,
    signature: { kind: "pair", left: [{ authority: ["THƯ KÝ"], name: input.secretary }], right: [{ authority: ["CHỦ TỊCH HỘI ĐỒNG"], name: input.chair }] },
  });
}
