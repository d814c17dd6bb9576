// Baseline lifecycle of a city-level S&T task selected openly (tuyển chọn) or assigned directly (giao trực tiếp),
// Steps 1–12 of a city-level task, as the 2013 law, its circulars and Hải Phòng's QĐ 2848/2015 describe it.
import type { ProcessDefinition, ProcessTransition } from "./schema.js";

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

/** Documents of a selection / direct-assignment dossier (form codes of TT 20/2023/TT-BKHCN). */
export const DOSSIER_DOCUMENTS = ["B1-1-ĐON", "B1-3-LLTC", "B1-4-LLCN", "DU-TOAN"];
/** Documents the PI files for the acceptance council (TT 11/2014/TT-BKHCN). */
export const ACCEPTANCE_DOCUMENTS = ["BC-TONG-HOP", "BC-TOM-TAT", "SAN-PHAM"];
/** Documents of result registration. */
export const REGISTRATION_DOCUMENTS = ["PHIEU-DANG-KY", "BC-TONG-HOP", "BB-NGHIEM-THU"];

export const BASELINE_2013: ProcessDefinition = {
  key: "baseline-2013",
  version: 1,
  effectiveFrom: "2014-01-01",
  legalBasis: "Luật KH&CN 2013; TT 20/2023/TT-BKHCN; TT 11/2014/TT-BKHCN; QĐ 2848/2015/QĐ-UBND",
  documentBases: [
    "Căn cứ Luật Khoa học và Công nghệ số 29/2013/QH13 ngày 18 tháng 6 năm 2013",
    "Căn cứ Nghị định số 08/2014/NĐ-CP ngày 27 tháng 01 năm 2014 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Khoa học và Công nghệ",
    "Căn cứ Thông tư số 20/2023/TT-BKHCN của Bộ trưởng Bộ Khoa học và Công nghệ về xác định, tuyển chọn, giao trực tiếp tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ",
    "Căn cứ Thông tư số 11/2014/TT-BKHCN của Bộ trưởng Bộ Khoa học và Công nghệ quy định việc đánh giá, nghiệm thu kết quả thực hiện nhiệm vụ khoa học và công nghệ",
  ],
  noteVi:
    "Hội đồng tuyển chọn / giao trực tiếp theo TT 20/2023/TT-BKHCN từ 27/11/2023; đợt đã thông báo trước đó theo TT 08/2017/TT-BKHCN. " +
    "Nghiệm thu cơ sở là tuỳ chọn.",
  noteEn: "Selection councils follow TT 20/2023 from 27/11/2023 (calls announced earlier: TT 08/2017); internal acceptance is optional.",
  nameVi: "Nhiệm vụ KH&CN cấp thành phố — tuyển chọn / giao trực tiếp",
  nameEn: "City-level S&T task — open selection / direct assignment",
  steps: [
    { key: "proposal", labelVi: "Đề xuất đặt hàng", labelEn: "Proposal", kind: "initial" },
    { key: "identification", labelVi: "Hội đồng xác định nhiệm vụ", labelEn: "Identification council", kind: "normal" },
    { key: "list_approved", labelVi: "Danh mục đã phê duyệt", labelEn: "Task list approved", kind: "normal" },
    { key: "call_open", labelVi: "Thông báo tuyển chọn / giao trực tiếp — nhận hồ sơ", labelEn: "Call open — receiving dossiers", kind: "normal" },
    { key: "dossier_submitted", labelVi: "Hồ sơ đã nộp", labelEn: "Dossier submitted", kind: "normal" },
    { key: "dossier_opened", labelVi: "Đã mở và kiểm tra hồ sơ", labelEn: "Dossier opened and checked", kind: "normal" },
    { key: "selection_council", labelVi: "Hội đồng tư vấn tuyển chọn / giao trực tiếp", labelEn: "Selection council", kind: "normal" },
    { key: "revision", labelVi: "Hoàn thiện hồ sơ theo ý kiến hội đồng", labelEn: "Revision after the council", kind: "normal" },
    { key: "appraisal", labelVi: "Thẩm định nội dung và kinh phí", labelEn: "Content and budget appraisal", kind: "normal" },
    { key: "decision_prepared", labelVi: "Dự thảo quyết định phê duyệt", labelEn: "Approval decision drafted", kind: "normal" },
    { key: "approved", labelVi: "Đã phê duyệt", labelEn: "Approved", kind: "normal" },
    { key: "contracted", labelVi: "Đã ký hợp đồng", labelEn: "Contract signed", kind: "normal" },
    { key: "in_progress", labelVi: "Đang thực hiện", labelEn: "In progress", kind: "normal" },
    { key: "change_requested", labelVi: "Đề nghị điều chỉnh", labelEn: "Change requested", kind: "normal" },
    { key: "internal_acceptance", labelVi: "Nghiệm thu cơ sở", labelEn: "Internal acceptance", kind: "normal" },
    { key: "acceptance_dossier", labelVi: "Hồ sơ đánh giá, nghiệm thu đã nộp", labelEn: "Acceptance dossier filed", kind: "normal" },
    { key: "acceptance_council", labelVi: "Hội đồng đánh giá, nghiệm thu", labelEn: "Acceptance council", kind: "normal" },
    { key: "acceptance_failed", labelVi: "Nghiệm thu không đạt", labelEn: "Acceptance failed", kind: "normal" },
    { key: "accepted", labelVi: "Đã nghiệm thu", labelEn: "Accepted", kind: "normal" },
    { key: "registered", labelVi: "Đã đăng ký kết quả", labelEn: "Result registered", kind: "normal" },
    { key: "applied", labelVi: "Đã báo cáo ứng dụng kết quả", labelEn: "Application reported", kind: "normal" },
    { key: "terminated", labelVi: "Chấm dứt hợp đồng", labelEn: "Terminated", kind: "normal" },
    { key: "liquidated", labelVi: "Đã thanh lý, quyết toán", labelEn: "Liquidated and settled", kind: "final" },
    { key: "rejected", labelVi: "Không thực hiện", labelEn: "Not carried out", kind: "final" },
  ],
  transitions: [
    tr("send_to_identification", "proposal", "identification", ["officer"], "Đưa ra hội đồng xác định", "Send to the identification council"),
    tr("reject_proposal", "proposal", "rejected", ["officer"], "Không tiếp nhận đề xuất", "Decline the proposal"),
    tr("approve_list", "identification", "list_approved", ["leader"], "Phê duyệt danh mục", "Approve the task list", {
      guards: ["council_quorum", "council_concluded", "two_person_rule"],
    }),
    tr("not_recommended", "identification", "rejected", ["officer", "leader"], "Không đưa vào danh mục", "Not recommended", {
      guards: ["council_concluded"],
    }),
    tr("announce_selection", "list_approved", "call_open", ["officer"], "Thông báo tuyển chọn", "Announce open selection"),
    tr("invite_direct", "list_approved", "call_open", ["officer"], "Mời tổ chức được giao trực tiếp", "Invite the directly assigned organisation"),
    tr("submit_dossier", "call_open", "dossier_submitted", ["pi", "org_rep"], "Nộp hồ sơ", "Submit the dossier", {
      requiredDocuments: DOSSIER_DOCUMENTS,
      guards: ["before_deadline", "dossier_complete"],
    }),
    tr("close_without_dossier", "call_open", "rejected", ["officer"], "Kết thúc đợt, không có hồ sơ", "Close the call without a dossier"),
    tr("open_dossier", "dossier_submitted", "dossier_opened", ["officer"], "Mở hồ sơ, kiểm tra tính hợp lệ", "Open the dossier and check validity"),
    tr("declare_invalid", ["dossier_submitted", "dossier_opened"], "rejected", ["officer"], "Hồ sơ không hợp lệ", "Declare the dossier invalid"),
    tr("convene_selection", "dossier_opened", "selection_council", ["officer"], "Trình hội đồng tuyển chọn", "Convene the selection council"),
    tr("select", "selection_council", "revision", ["officer"], "Được tuyển chọn / giao trực tiếp", "Selected", {
      guards: ["council_quorum", "council_concluded"],
    }),
    tr("not_selected", "selection_council", "rejected", ["officer"], "Không được tuyển chọn", "Not selected", { guards: ["council_concluded"] }),
    tr("submit_revision", "revision", "appraisal", ["pi", "org_rep"], "Nộp hồ sơ đã hoàn thiện", "Submit the revised dossier", {
      requiredDocuments: ["B2-8-GTHĐ"],
    }),
    tr("request_changes", "appraisal", "revision", ["officer"], "Yêu cầu hoàn thiện thêm", "Ask for further revision"),
    tr("prepare_decision", "appraisal", "decision_prepared", ["officer"], "Dự thảo quyết định phê duyệt", "Draft the approval decision"),
    tr("approve", "decision_prepared", "approved", ["leader"], "Ký quyết định phê duyệt", "Sign the approval decision", {
      guards: ["two_person_rule"],
    }),
    tr("return_to_appraisal", "decision_prepared", "appraisal", ["leader"], "Trả lại để thẩm định lại", "Return for appraisal"),
    tr("refuse", "decision_prepared", "rejected", ["leader"], "Không phê duyệt", "Refuse approval"),
    tr("sign_contract", "approved", "contracted", ["officer"], "Ký hợp đồng", "Sign the contract"),
    tr("start", "contracted", "in_progress", ["finance"], "Tạm ứng, bắt đầu thực hiện", "Pay the advance and start", { guards: ["contract_signed"] }),
    tr("request_change", "in_progress", "change_requested", ["pi", "org_rep"], "Đề nghị điều chỉnh", "Request a change"),
    tr("approve_change", "change_requested", "in_progress", ["leader"], "Chấp thuận điều chỉnh", "Approve the change", { guards: ["two_person_rule"] }),
    tr("reject_change", "change_requested", "in_progress", ["officer", "leader"], "Không chấp thuận điều chỉnh", "Reject the change"),
    tr("terminate", ["contracted", "in_progress", "change_requested", "acceptance_failed"], "terminated", ["leader"], "Chấm dứt hợp đồng", "Terminate", {
      guards: ["two_person_rule"],
    }),
    tr("request_internal_acceptance", "in_progress", "internal_acceptance", ["pi", "org_rep"], "Nghiệm thu cơ sở", "Hold internal acceptance", {
      guards: ["reports_up_to_date"],
    }),
    tr(
      "submit_for_acceptance",
      ["in_progress", "internal_acceptance"],
      "acceptance_dossier",
      ["pi", "org_rep"],
      "Nộp hồ sơ nghiệm thu",
      "File for acceptance",
      {
        requiredDocuments: ACCEPTANCE_DOCUMENTS,
        guards: ["reports_up_to_date"],
      },
    ),
    tr("convene_acceptance", "acceptance_dossier", "acceptance_council", ["officer"], "Trình hội đồng nghiệm thu", "Convene the acceptance council"),
    tr("pass_acceptance", "acceptance_council", "accepted", ["officer"], "Nghiệm thu đạt", "Accepted", { guards: ["council_quorum", "council_concluded"] }),
    tr("fail_acceptance", "acceptance_council", "acceptance_failed", ["officer"], "Nghiệm thu không đạt", "Not accepted", {
      guards: ["council_quorum", "council_concluded"],
    }),
    tr("reevaluate", "acceptance_failed", "acceptance_dossier", ["officer"], "Đánh giá lại", "Re-evaluate"),
    tr("register_result", "accepted", "registered", ["officer"], "Đăng ký kết quả", "Register the result", { requiredDocuments: REGISTRATION_DOCUMENTS }),
    tr("report_application", "registered", "applied", ["pi", "org_rep"], "Báo cáo ứng dụng kết quả", "Report the application"),
    tr("liquidate", ["registered", "applied", "terminated"], "liquidated", ["finance"], "Thanh lý, quyết toán", "Liquidate and settle", {
      guards: ["payments_settled"],
    }),
  ],
};
