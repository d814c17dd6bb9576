// Biên bản họp hội đồng (NĐ 30/2020 mẫu 1.9 and the council circulars): I general information,
// II proceedings, III voting result (ballots, the score table members × criteria, averages, ranking), IV conclusions,
// V adoption; signed by the secretary (left) and the chair (right).
import { renderNd30, type Block, type Issuer } from "./nd30.js";
import { vnDateTime, vnLocalDay, vnLocalTime, vnScore, vnShortDate } from "./format.js";
import { COUNCIL_NAME_VI, type CouncilKindVi } from "./council-establishment.js";

export interface MinutesGeneral {
  /** The council's kind and the subject of the meeting (task or tasks). */
  kind: CouncilKindVi;
  subjects: string[];
  /** "Quyết định số 05/QĐ-SKHCN ngày 05/01/2026 của Giám đốc Sở …" */
  establishingDecision: string;
  startsAt: Date | string;
  place: string;
  membersTotal: number;
  present: string[];
  absent: string[];
  guests: string[];
}

export interface BallotsSummary {
  issued: number;
  returned: number;
  valid: number;
  /** Invalid ballots with the reason, e.g. "tổng điểm lệch quá 20% so với điểm trung bình". */
  invalid: { member: string; reason: string }[];
}

/** The score table of one dossier: members × criteria (valid and invalid ballots), with the averages of valid ballots. */
export interface ScoreTable {
  subject: string;
  criteria: { label: string; max: number }[];
  ballots: { member: string; scores: number[]; valid: boolean }[];
}

/** One dossier in the ranking: the average of its valid ballots, the bonus for the proposing organisation, and the
 *  final score (average + bonus) that ranks. */
export interface RankingLine {
  rank: number;
  subject: string;
  average: number;
  bonus: number;
  score: number;
  passed: boolean;
}

export interface CouncilMinutesInput {
  issuer: Issuer;
  number: number | null;
  general: MinutesGeneral;
  /** II: what happened, in order (the builder lists the standard steps first when empty). */
  proceedings?: string[];
  ballots: BallotsSummary;
  /** III: one score table per dossier (selection, scoring councils). */
  scoreTables?: ScoreTable[];
  ranking?: RankingLine[];
  /** III: grade counts instead of scores (acceptance, identification): label → count. */
  gradeCounts?: { label: string; count: number }[];
  conclusions: string[];
  /** V: the share of members present who agreed, and the time the meeting ended (null: not known, left blank). */
  adoption: { agreed: number; present: number; endsAt: Date | string | null };
  secretary: string;
  chair: string;
}

/** Whether the end of a meeting is known: at least a minute after its start. */
export const meetingEnded = (startsAt: Date | string, endsAt: Date | string | null) =>
  endsAt !== null && Math.floor(new Date(endsAt).getTime() / 60_000) > Math.floor(new Date(startsAt).getTime() / 60_000);

/** The hour of the end left blank, to be written by hand before signing, when the record does not know it. */
const BLANK_TIME = "…… giờ ……";

/**
 * When the meeting took place: "từ 08 giờ 30 đến 11 giờ 15 ngày 10/03/2026", or with both days when it ran past
 * midnight. Minutes never show a meeting that ended as it began: an end not known to be at least a minute after the
 * start is left blank for the secretary to write in.
 */
export function meetingPeriod(startsAt: Date | string, endsAt: Date | string | null): string {
  const hm = (d: Date | string) => {
    const { hour, minute } = vnLocalTime(d);
    return `${String(hour).padStart(2, "0")} giờ ${String(minute).padStart(2, "0")}`;
  };
  if (!meetingEnded(startsAt, endsAt)) return `từ ${hm(startsAt)} đến ${BLANK_TIME} ngày ${vnShortDate(startsAt)}`;
  return vnShortDate(startsAt) === vnShortDate(endsAt!)
    ? `từ ${hm(startsAt)} đến ${hm(endsAt!)} ngày ${vnShortDate(startsAt)}`
    : `từ ${vnDateTime(startsAt)} đến ${vnDateTime(endsAt!)}`;
}

/** The closing sentence's time: "11 giờ 15 ngày 10/03/2026", or blank hours on the day of the start. */
export const meetingEnd = (startsAt: Date | string, endsAt: Date | string | null) =>
  meetingEnded(startsAt, endsAt) ? vnDateTime(endsAt!) : `${BLANK_TIME} ngày ${vnShortDate(startsAt)}`;

/** Averages of valid ballots per criterion and of the totals. */
export function scoreAverages(t: ScoreTable): { perCriterion: number[]; total: number } {
  const valid = t.ballots.filter((b) => b.valid);
  const perCriterion = t.criteria.map((_, i) => (valid.length ? valid.reduce((a, b) => a + (b.scores[i] ?? 0), 0) / valid.length : 0));
  return { perCriterion, total: perCriterion.reduce((a, b) => a + b, 0) };
}

export function scoreTableBlock(t: ScoreTable): Block {
  const avg = scoreAverages(t);
  const total = (s: number[]) => s.reduce((a, b) => a + b, 0);
  return {
    kind: "table",
    header: ["Thành viên", ...t.criteria.map((c) => `${c.label}\n(tối đa ${c.max})`), "Tổng điểm", "Phiếu"],
    widths: [4, ...t.criteria.map(() => 2), 2, 2],
    align: ["left", ...t.criteria.map(() => "center" as const), "center", "center"],
    fontSize: 11,
    rows: [
      ...t.ballots.map((b) => [
        b.member,
        ...t.criteria.map((_, i) => vnScore(b.scores[i] ?? 0)),
        vnScore(total(b.scores)),
        b.valid ? "Hợp lệ" : "Không hợp lệ",
      ]),
      ["Điểm trung bình (phiếu hợp lệ)", ...avg.perCriterion.map(vnScore), vnScore(avg.total), ""],
    ],
  };
}

export function standardProceedings(kind: CouncilKindVi): string[] {
  const reviews =
    kind === "acceptance"
      ? "Chủ nhiệm nhiệm vụ báo cáo kết quả thực hiện; các ủy viên phản biện đọc nhận xét; thư ký đọc ý kiến bằng văn bản của thành viên vắng mặt (nếu có)."
      : "Các ủy viên phản biện đọc nhận xét; thư ký đọc ý kiến bằng văn bản của thành viên vắng mặt (nếu có).";
  return [
    "Đại diện cơ quan quản lý đọc quyết định thành lập Hội đồng và giới thiệu thành phần tham dự.",
    "Hội đồng thống nhất nguyên tắc làm việc; bầu thư ký khoa học và Ban kiểm phiếu gồm 03 thành viên (Trưởng ban và 02 thành viên).",
    reviews,
    "Hội đồng trao đổi, đặt câu hỏi và thảo luận; các thành viên bỏ phiếu đánh giá; Ban kiểm phiếu tổng hợp kết quả.",
  ];
}

export async function councilMinutes(input: CouncilMinutesInput): Promise<Buffer> {
  const g = input.general;
  const name = COUNCIL_NAME_VI[g.kind];
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
    ...(input.proceedings?.length ? input.proceedings : standardProceedings(g.kind)).map((text, i) => ({
      kind: "paragraph" as const,
      text: `${i + 1}. ${text}`,
    })),
    { kind: "heading", text: "III. KẾT QUẢ BỎ PHIẾU" },
    {
      kind: "paragraph",
      text: `Số phiếu phát ra: ${input.ballots.issued}; số phiếu thu về: ${input.ballots.returned}; số phiếu hợp lệ: ${input.ballots.valid}; số phiếu không hợp lệ: ${input.ballots.invalid.length}.`,
    },
  ];
  if (input.ballots.invalid.length) {
    body.push({ kind: "paragraph", text: "Phiếu không hợp lệ và lý do:" });
    body.push({ kind: "list", items: input.ballots.invalid.map((b) => `Phiếu của ${b.member}: ${b.reason}`) });
  }
  for (const t of input.scoreTables ?? []) {
    body.push({ kind: "paragraph", text: `Bảng tổng hợp điểm - ${t.subject}:`, indent: false });
    body.push(scoreTableBlock(t));
  }
  if (input.ranking?.length) {
    body.push({
      kind: "paragraph",
      text: "Xếp hạng theo điểm xếp hạng (điểm trung bình của các phiếu hợp lệ cộng điểm ưu tiên cho tổ chức đề xuất nhiệm vụ):",
    });
    body.push({
      kind: "table",
      header: ["Xếp hạng", "Hồ sơ", "Điểm trung bình của các phiếu hợp lệ", "Điểm ưu tiên (tổ chức đề xuất)", "Điểm xếp hạng", "Kết quả"],
      widths: [2, 6, 3, 3, 2, 2],
      align: ["center", "left", "center", "center", "center", "center"],
      fontSize: 11,
      rows: input.ranking.map((r) => [String(r.rank), r.subject, vnScore(r.average), vnScore(r.bonus), vnScore(r.score), r.passed ? "Đạt" : "Không đạt"]),
    });
  }
  if (input.gradeCounts?.length) {
    body.push({
      kind: "table",
      header: ["Mức đánh giá", "Số phiếu"],
      widths: [8, 3],
      align: ["left", "center"],
      rows: input.gradeCounts.map((c) => [c.label, String(c.count)]),
    });
  }
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
    summary: [`Họp ${name}`],
    body,
    signature: { kind: "pair", left: [{ authority: ["THƯ KÝ"], name: input.secretary }], right: [{ authority: ["CHỦ TỊCH HỘI ĐỒNG"], name: input.chair }] },
  });
}
