// The 2025-law variant: tasks funded (tài trợ) or ordered (đặt hàng) under Luật KH,CN&ĐMST 93/2025/QH15 and its
// decrees. Steps whose details are not yet confirmed from the official texts are said so in `noteVi` / `noteEn`.
import type { ProcessDefinition, ProcessTransition } from "./schema.js";
import { ACCEPTANCE_DOCUMENTS, DOSSIER_DOCUMENTS, REGISTRATION_DOCUMENTS } from "./baseline-2013.js";

type T = ProcessTransition;
const tr = (action: string, from: T["from"], to: string, roles: T["roles"], labelVi: string, labelEn: string, extra: Partial<T> = {}): T => ({
  action,
  from,
  to,
  roles,
  labelVi,
  labelEn,
  ...extra,
});

export const LAW_2025: ProcessDefinition = {
  key: "law-2025",
  version: 1,
  effectiveFrom: "2025-10-01",
  legalBasis: "Luật KH,CN&ĐMST 93/2025/QH15; NĐ 262/2025/NĐ-CP; NĐ 267/2025/NĐ-CP; TT 36/2025/TT-BKHCN",
  documentBases: [
    "Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15",
    "Căn cứ Nghị định số 262/2025/NĐ-CP ngày 14 tháng 10 năm 2025 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Khoa học, công nghệ và đổi mới sáng tạo",
    "Căn cứ Nghị định số 265/2025/NĐ-CP của Chính phủ hướng dẫn thi hành một số điều của Luật Khoa học, công nghệ và đổi mới sáng tạo về tài chính và đầu tư trong khoa học, công nghệ và đổi mới sáng tạo",
  ],
  noteVi:
    "(check) Chưa đối chiếu văn bản chính thức: thành phần và số thành viên hội đồng xét tài trợ / đặt hàng (NĐ 267/2025, TT 36/2025), " +
    "thủ tục khoán chi đến sản phẩm cuối cùng và quyết toán (NĐ 262/2025), điều kiện kết thúc có chấp nhận rủi ro.",
  noteEn:
    "(check) Not yet confirmed from the official texts: composition of the funding/ordering review council, lump-sum " +
    "settlement steps, and the conditions for closing a task with accepted research risk.",
  nameVi: "Nhiệm vụ KH&CN cấp thành phố — tài trợ / đặt hàng (Luật 93/2025)",
  nameEn: "City-level S&T task — funding / ordering (Law 93/2025)",
  steps: [
    { key: "proposal", labelVi: "Đề xuất nhiệm vụ", labelEn: "Proposal", kind: "initial" },
    { key: "order_council", labelVi: "Hội đồng xác định nhiệm vụ đặt hàng", labelEn: "Ordering identification council", kind: "normal" },
    { key: "order_list_approved", labelVi: "Danh mục đặt hàng đã phê duyệt", labelEn: "Ordered task list approved", kind: "normal" },
    { key: "call_open", labelVi: "Thông báo xét tài trợ / đặt hàng — nhận hồ sơ", labelEn: "Call open — receiving dossiers", kind: "normal" },
    { key: "dossier_submitted", labelVi: "Hồ sơ đã nộp", labelEn: "Dossier submitted", kind: "normal" },
    { key: "dossier_opened", labelVi: "Đã mở và kiểm tra hồ sơ", labelEn: "Dossier opened and checked", kind: "normal" },
    { key: "review_council", labelVi: "Hội đồng xét tài trợ / đặt hàng", labelEn: "Funding / ordering review council", kind: "normal" },
    { key: "revision", labelVi: "Hoàn thiện hồ sơ theo ý kiến hội đồng", labelEn: "Revision after the council", kind: "normal" },
    { key: "appraisal", labelVi: "Thẩm định kinh phí", labelEn: "Budget appraisal", kind: "normal" },
    { key: "decision_prepared", labelVi: "Dự thảo quyết định tài trợ / đặt hàng", labelEn: "Funding / ordering decision drafted", kind: "normal" },
    { key: "approved", labelVi: "Đã phê duyệt tài trợ / đặt hàng", labelEn: "Funding / order approved", kind: "normal" },
    { key: "contracted", labelVi: "Đã ký hợp đồng", labelEn: "Contract signed", kind: "normal" },
    { key: "in_progress", labelVi: "Đang thực hiện", labelEn: "In progress", kind: "normal" },
    { key: "change_requested", labelVi: "Đề nghị điều chỉnh", labelEn: "Change requested", kind: "normal" },
    { key: "internal_acceptance", labelVi: "Đánh giá cơ sở", labelEn: "Internal evaluation", kind: "normal" },
    { key: "acceptance_dossier", labelVi: "Hồ sơ đánh giá kết quả đã nộp", labelEn: "Evaluation dossier filed", kind: "normal" },
    { key: "acceptance_council", labelVi: "Hội đồng đánh giá, nghiệm thu kết quả", labelEn: "Result evaluation council", kind: "normal" },
    { key: "acceptance_failed", labelVi: "Đánh giá không đạt", labelEn: "Evaluation failed", kind: "normal" },
    { key: "risk_accepted", labelVi: "Kết thúc, chấp nhận rủi ro", labelEn: "Closed with accepted risk", kind: "normal" },
    { key: "accepted", labelVi: "Đã nghiệm thu", labelEn: "Accepted", kind: "normal" },
    { key: "registered", labelVi: "Đã đăng ký kết quả", labelEn: "Result registered", kind: "normal" },
    { key: "applied", labelVi: "Đã báo cáo ứng dụng kết quả", labelEn: "Application reported", kind: "normal" },
    { key: "terminated", labelVi: "Chấm dứt hợp đồng", labelEn: "Terminated", kind: "normal" },
    { key: "liquidated", labelVi: "Đã thanh lý, quyết toán", labelEn: "Liquidated and settled", kind: "final" },
    { key: "rejected", labelVi: "Không thực hiện", labelEn: "Not carried out", kind: "final" },
  ],
  transitions: [
    tr("send_to_order_council", "proposal", "order_council", ["officer"], "Đưa ra hội đồng xác định đặt hàng", "Send to the ordering council"),
    tr("open_funding_call", "proposal", "call_open", ["officer"], "Thông báo xét tài trợ", "Announce the funding call"),
    tr("reject_proposal", "proposal", "rejected", ["officer"], "Không tiếp nhận đề xuất", "Decline the proposal"),
    tr("approve_order_list", "order_council", "order_list_approved", ["leader"], "Phê duyệt danh mục đặt hàng", "Approve the ordered list", {
      guards: ["council_quorum", "council_concluded", "two_person_rule"],
    }),
    tr("not_recommended", "order_council", "rejected", ["officer", "leader"], "Không đặt hàng", "Not ordered", { guards: ["council_concluded"] }),
    tr("announce_order", "order_list_approved", "call_open", ["officer"], "Thông báo đặt hàng", "Announce the order"),
    tr("submit_dossier", "call_open", "dossier_submitted", ["pi", "org_rep"], "Nộp hồ sơ", "Submit the dossier", {
      requiredDocuments: DOSSIER_DOCUMENTS,
      guards: ["before_deadline", "dossier_complete"],
    }),
    tr("close_without_dossier", "call_open", "rejected", ["officer"], "Kết thúc đợt, không có hồ sơ", "Close the call without a dossier"),
    tr("open_dossier", "dossier_submitted", "dossier_opened", ["officer"], "Mở hồ sơ, kiểm tra tính hợp lệ", "Open the dossier and check validity"),
    tr("declare_invalid", ["dossier_submitted", "dossier_opened"], "rejected", ["officer"], "Hồ sơ không hợp lệ", "Declare the dossier invalid"),
    tr("convene_review", "dossier_opened", "review_council", ["officer"], "Trình hội đồng xét tài trợ / đặt hàng", "Convene the review council"),
    tr("recommend", "review_council", "revision", ["officer"], "Được đề nghị tài trợ / đặt hàng", "Recommended", {
      guards: ["council_quorum", "council_concluded"],
    }),
    tr("not_recommended_for_funding", "review_council", "rejected", ["officer"], "Không được đề nghị", "Not recommended", { guards: ["council_concluded"] }),
    tr("submit_revision", "revision", "appraisal", ["pi", "org_rep"], "Nộp hồ sơ đã hoàn thiện", "Submit the revised dossier"),
    tr("request_changes", "appraisal", "revision", ["officer"], "Yêu cầu hoàn thiện thêm", "Ask for further revision"),
    tr("prepare_decision", "appraisal", "decision_prepared", ["officer"], "Dự thảo quyết định", "Draft the decision"),
    tr("approve", "decision_prepared", "approved", ["leader"], "Ký quyết định tài trợ / đặt hàng", "Sign the funding / ordering decision", {
      guards: ["two_person_rule"],
    }),
    tr("return_to_appraisal", "decision_prepared", "appraisal", ["leader"], "Trả lại để thẩm định lại", "Return for appraisal"),
    tr("refuse", "decision_prepared", "rejected", ["leader"], "Không phê duyệt", "Refuse approval"),
    tr("sign_contract", "approved", "contracted", ["officer"], "Ký hợp đồng", "Sign the contract"),
    tr("start", "contracted", "in_progress", ["finance"], "Cấp kinh phí, bắt đầu thực hiện", "Fund and start", { guards: ["contract_signed"] }),
    tr("request_change", "in_progress", "change_requested", ["pi", "org_rep"], "Đề nghị điều chỉnh", "Request a change"),
    tr("approve_change", "change_requested", "in_progress", ["leader"], "Chấp thuận điều chỉnh", "Approve the change", { guards: ["two_person_rule"] }),
    tr("reject_change", "change_requested", "in_progress", ["officer", "leader"], "Không chấp thuận điều chỉnh", "Reject the change"),
    tr("terminate", ["contracted", "in_progress", "change_requested"], "terminated", ["leader"], "Chấm dứt hợp đồng", "Terminate", {
      guards: ["two_person_rule"],
    }),
    tr("request_internal_acceptance", "in_progress", "internal_acceptance", ["pi", "org_rep"], "Đánh giá cơ sở", "Hold internal evaluation", {
      guards: ["reports_up_to_date"],
    }),
    tr(
      "submit_for_acceptance",
      ["in_progress", "internal_acceptance"],
      "acceptance_dossier",
      ["pi", "org_rep"],
      "Nộp hồ sơ đánh giá kết quả",
      "File for evaluation",
      {
        requiredDocuments: ACCEPTANCE_DOCUMENTS,
        guards: ["reports_up_to_date"],
      },
    ),
    tr("convene_acceptance", "acceptance_dossier", "acceptance_council", ["officer"], "Trình hội đồng đánh giá", "Convene the evaluation council"),
    tr("pass_acceptance", "acceptance_council", "accepted", ["officer"], "Đánh giá đạt", "Accepted", { guards: ["council_quorum", "council_concluded"] }),
    tr("fail_acceptance", "acceptance_council", "acceptance_failed", ["officer"], "Đánh giá không đạt", "Not accepted", {
      guards: ["council_quorum", "council_concluded"],
    }),
    tr("reevaluate", "acceptance_failed", "acceptance_dossier", ["officer"], "Đánh giá lại", "Re-evaluate"),
    tr("accept_risk", "acceptance_failed", "risk_accepted", ["leader"], "Chấp nhận rủi ro, kết thúc", "Close with accepted risk", {
      guards: ["two_person_rule"],
    }),
    tr("terminate_failed", "acceptance_failed", "terminated", ["leader"], "Chấm dứt hợp đồng", "Terminate", { guards: ["two_person_rule"] }),
    tr("register_result", "accepted", "registered", ["officer"], "Đăng ký kết quả", "Register the result", { requiredDocuments: REGISTRATION_DOCUMENTS }),
    tr("report_application", "registered", "applied", ["pi", "org_rep"], "Báo cáo ứng dụng kết quả", "Report the application"),
    tr("liquidate", ["registered", "applied", "terminated", "risk_accepted"], "liquidated", ["finance"], "Thanh lý, quyết toán", "Liquidate and settle", {
      guards: ["payments_settled"],
    }),
  ],
};
