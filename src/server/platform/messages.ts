// Server-side messages in Vietnamese (default) and English. Keys are stable codes; {{name}} is interpolated.
export type Lang = "vi" | "en";

const messages = {
  "error.validation": { vi: "Dữ liệu không hợp lệ", en: "Invalid input" },
  "error.unauthenticated": { vi: "Vui lòng đăng nhập", en: "Please sign in" },
  "error.forbidden": { vi: "Bạn không có quyền thực hiện thao tác này", en: "You are not allowed to do this" },
  "error.not_found": { vi: "Không tìm thấy", en: "Not found" },
  "error.route_not_found": { vi: "Không có địa chỉ này", en: "No such address" },
  "error.conflict_version": {
    vi: "Bản ghi đã được người khác thay đổi. Hãy xem dữ liệu mới nhất rồi lưu lại.",
    en: "Someone else changed this record. Review the latest data and save again.",
  },
  "error.duplicate": { vi: "Đã có bản ghi với {{field}} này", en: "A record with this {{field}} already exists" },
  "error.in_use": { vi: "Bản ghi đang được sử dụng, không thể xoá", en: "The record is in use and cannot be deleted" },
  "error.internal": {
    vi: "Đã có lỗi hệ thống. Mã tra cứu: {{correlationId}}",
    en: "Something went wrong on our side. Reference: {{correlationId}}",
  },
  "error.payload_too_large": { vi: "Tệp hoặc dữ liệu gửi lên quá lớn", en: "The upload is too large" },
  "error.unsupported_media": { vi: "Kiểu dữ liệu không được hỗ trợ", en: "Unsupported content type" },
  "error.bad_request": { vi: "Yêu cầu không hợp lệ", en: "Bad request" },
  "error.cross_site": { vi: "Yêu cầu từ trang khác bị từ chối", en: "Cross-site request refused" },
  "error.rate_limited": {
    vi: "Quá nhiều lần thử. Vui lòng thử lại sau {{seconds}} giây.",
    en: "Too many attempts. Try again in {{seconds}} seconds.",
  },
  // ─── security (cross-cutting input refusals) ───
  "error.invalid_value": {
    vi: "Có giá trị nằm ngoài phạm vi cho phép hoặc sai định dạng (ví dụ ngày không có thật)",
    en: "A value is out of range or malformed (for example a date that does not exist)",
  },
  "error.invalid_reference": {
    vi: "Bản ghi được tham chiếu không tồn tại",
    en: "A referenced record does not exist",
  },
  "error.uri_too_long": { vi: "Địa chỉ yêu cầu quá dài", en: "The request address is too long" },
  "input.nul_character": {
    vi: "Không được chứa ký tự NUL (\\u0000)",
    en: "Must not contain the NUL character (\\u0000)",
  },
  "auth.invalid_credentials": { vi: "Tên đăng nhập hoặc mật khẩu không đúng", en: "Wrong username or password" },
  "auth.locked": {
    vi: "Tài khoản tạm khoá do đăng nhập sai nhiều lần. Thử lại sau {{minutes}} phút hoặc liên hệ quản trị.",
    en: "The account is locked after too many failed sign-ins. Try again in {{minutes}} minutes or contact an administrator.",
  },
  "auth.disabled": { vi: "Tài khoản đã bị vô hiệu hoá", en: "The account is disabled" },
  "auth.totp_required": { vi: "Cần mã xác thực hai lớp", en: "A two-factor code is required" },
  "auth.totp_invalid": { vi: "Mã xác thực không đúng hoặc đã được dùng", en: "The code is wrong or was already used" },
  "auth.totp_setup_required": {
    vi: "Vai trò của bạn bắt buộc xác thực hai lớp. Hãy thiết lập ứng dụng xác thực.",
    en: "Your role requires two-factor sign-in. Set up an authenticator app.",
  },
  "auth.totp_already_enrolled": {
    vi: "Đã thiết lập xác thực hai lớp. Nếu mất thiết bị, hãy đề nghị quản trị đặt lại.",
    en: "Two-factor sign-in is already set up. If you lost your device, ask an administrator to reset it.",
  },
  "auth.session_expired": { vi: "Phiên làm việc đã hết hạn", en: "Your session has expired" },
  "password.too_short": { vi: "Mật khẩu phải có ít nhất 8 ký tự", en: "The password needs at least 8 characters" },
  "password.too_long": { vi: "Mật khẩu tối đa 128 ký tự", en: "The password may have at most 128 characters" },
  "password.common": {
    vi: "Mật khẩu quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.",
    en: "This password is too common and easy to guess. Choose another.",
  },
  "password.wrong_current": { vi: "Mật khẩu hiện tại không đúng", en: "The current password is wrong" },
  "user.cannot_remove_own_admin": {
    vi: "Không thể tự gỡ quyền quản trị của chính mình",
    en: "You cannot remove your own administrator role",
  },
  "reference.unknown_code": {
    vi: "Mã “{{code}}” không có trong danh mục {{list}}",
    en: "Code “{{code}}” is not in the {{list}} list",
  },
  "org.parent_cycle": { vi: "Tổ chức cha không được là chính nó hoặc đơn vị con", en: "The parent cannot be the organisation itself or one of its units" },
  "import.unknown_kind": { vi: "Loại dữ liệu nhập không hợp lệ", en: "Unknown import kind" },
  "import.not_xlsx": { vi: "Tệp phải là bảng tính Excel (.xlsx)", en: "The file must be an Excel workbook (.xlsx)" },
  "import.bad_workbook": { vi: "Không đọc được tệp Excel: {{reason}}", en: "The Excel file could not be read: {{reason}}" },
  "import.missing_columns": {
    vi: "Thiếu cột bắt buộc: {{columns}}",
    en: "Required columns are missing: {{columns}}",
  },
  "import.empty": { vi: "Tệp không có dòng dữ liệu nào", en: "The file has no data rows" },
  "import.too_many_rows": { vi: "Tệp có quá {{max}} dòng", en: "The file has more than {{max}} rows" },
  "import.has_errors": {
    vi: "Tệp còn {{count}} lỗi; không có dòng nào được nhập",
    en: "The file still has {{count}} errors; nothing was imported",
  },
  "import.required": { vi: "Bắt buộc nhập", en: "Required" },
  "import.invalid_number": { vi: "Phải là số nguyên", en: "Must be a whole number" },
  "import.out_of_range": { vi: "Giá trị phải trong khoảng {{min}}–{{max}}", en: "Must be between {{min}} and {{max}}" },
  "import.invalid_code": { vi: "“{{value}}” không có trong danh mục", en: "“{{value}}” is not in the code list" },
  "import.invalid_email": { vi: "Thư điện tử không hợp lệ", en: "Invalid e-mail address" },
  "import.invalid_orcid": { vi: "ORCID phải có dạng 0000-0000-0000-000X", en: "ORCID must look like 0000-0000-0000-000X" },
  "import.invalid_tax_code": { vi: "Mã số thuế gồm 10 hoặc 13 chữ số", en: "A tax code has 10 or 13 digits" },
  "import.duplicate_in_file": { vi: "Trùng với dòng {{row}} trong tệp", en: "Duplicates row {{row}} of the file" },
  "import.duplicate_in_db": { vi: "Đã có trong hệ thống", en: "Already in the system" },
  "import.unknown_organisation": {
    vi: "Không tìm thấy tổ chức “{{value}}”",
    en: "Organisation “{{value}}” was not found",
  },
  "import.too_long": { vi: "Tối đa {{max}} ký tự", en: "At most {{max}} characters" },
  "upload.type_not_allowed": {
    vi: "Loại tệp không được phép ({{allowed}})",
    en: "This file type is not allowed ({{allowed}})",
  },
  "upload.bomb": { vi: "Tệp nén bất thường (quá nhiều hoặc quá lớn khi giải nén)", en: "Suspicious archive (too many entries or too large when unpacked)" },
  "upload.missing": { vi: "Chưa chọn tệp", en: "No file was sent" },
  "deletion.already_open": { vi: "Đã có yêu cầu xoá đang xử lý", en: "A deletion request is already open" },
  "state.not_allowed": { vi: "Không thể thực hiện ở trạng thái hiện tại", en: "Not possible in the current state" },
  // ─── Users, audit, dashboard (helper "admin") ───
  "user.cannot_disable_self": { vi: "Không thể tự vô hiệu hoá tài khoản của chính mình", en: "You cannot disable your own account" },
  "user.username_taken": { vi: "Tên đăng nhập “{{username}}” đã được dùng", en: "The username “{{username}}” is already taken" },
  "user.person_not_found": { vi: "Không tìm thấy hồ sơ cá nhân được liên kết", en: "The linked person was not found" },
  "user.organisation_not_found": { vi: "Không tìm thấy tổ chức được liên kết", en: "The linked organisation was not found" },
  "user.person_taken": { vi: "Người này đã có một tài khoản khác", en: "This person already has another account" },
  "user.already_disabled": { vi: "Tài khoản đã bị vô hiệu hoá", en: "The account is already disabled" },
  "user.already_active": { vi: "Tài khoản đang hoạt động", en: "The account is already active" },
  "user.not_locked": { vi: "Tài khoản không bị khoá", en: "The account is not locked" },
  "user.no_totp": { vi: "Tài khoản chưa thiết lập xác thực hai lớp", en: "The account has no two-factor authentication set up" },
  // ─── People registry and self-service: /people, /me, /deletion-requests (helper "people") ───
  "person.unknown_organisation": { vi: "Không tìm thấy tổ chức đã chọn", en: "The selected organisation was not found" },
  "person.orcid_taken": {
    vi: "ORCID {{orcid}} đã được gán cho một người khác trong danh sách nhân lực",
    en: "ORCID {{orcid}} already belongs to another person in the registry",
  },
  "person.staff_managed_fields": {
    vi: "Chỉ chuyên viên của Sở được thay đổi: {{fields}}",
    en: "Only the Department's staff may change: {{fields}}",
  },
  "me.no_person": {
    vi: "Tài khoản của bạn chưa được liên kết với hồ sơ nhân lực nào. Hãy liên hệ chuyên viên của Sở.",
    en: "Your account is not linked to a person record. Contact the Department's staff.",
  },
  "deletion.not_open": {
    vi: "Yêu cầu xoá này đã được xử lý (trạng thái: {{status}})",
    en: "This deletion request has already been handled (status: {{status}})",
  },
  "me.export.yes": { vi: "Có", en: "Yes" },
  "me.export.no": { vi: "Không", en: "No" },
  "me.export.col.item": { vi: "Mục", en: "Item" },
  "me.export.col.value": { vi: "Giá trị", en: "Value" },
  "me.export.sheet.account": { vi: "Tài khoản", en: "Account" },
  "me.export.sheet.person": { vi: "Hồ sơ", en: "Profile" },
  "me.export.sheet.affiliations": { vi: "Quá trình công tác", en: "Affiliations" },
  "me.export.sheet.consents": { vi: "Đồng ý xử lý dữ liệu", en: "Consents" },
  "me.export.sheet.deletionRequests": { vi: "Yêu cầu xoá dữ liệu", en: "Deletion requests" },
  "me.export.f.username": { vi: "Tên đăng nhập", en: "Username" },
  "me.export.f.displayName": { vi: "Tên hiển thị", en: "Display name" },
  "me.export.f.email": { vi: "Thư điện tử", en: "E-mail" },
  "me.export.f.roles": { vi: "Vai trò", en: "Roles" },
  "me.export.f.createdAt": { vi: "Ngày tạo", en: "Created" },
  "me.export.f.updatedAt": { vi: "Cập nhật lần cuối", en: "Last updated" },
  "me.export.f.lastLoginAt": { vi: "Đăng nhập lần cuối", en: "Last sign-in" },
  "me.export.f.exportedAt": { vi: "Thời điểm xuất dữ liệu", en: "Exported at" },
  "me.export.f.fullName": { vi: "Họ và tên", en: "Full name" },
  "me.export.f.birthYear": { vi: "Năm sinh", en: "Birth year" },
  "me.export.f.gender": { vi: "Giới tính", en: "Gender" },
  "me.export.f.degree": { vi: "Học vị", en: "Degree" },
  "me.export.f.title": { vi: "Chức danh", en: "Academic title" },
  "me.export.f.fields": { vi: "Lĩnh vực", en: "Fields of science" },
  "me.export.f.keywords": { vi: "Từ khoá chuyên môn", en: "Expertise keywords" },
  "me.export.f.orcid": { vi: "ORCID", en: "ORCID" },
  "me.export.f.phone": { vi: "Điện thoại", en: "Phone" },
  "me.export.f.address": { vi: "Địa chỉ", en: "Address" },
  "me.export.f.isExpert": { vi: "Thuộc cơ sở dữ liệu chuyên gia", en: "In the expert pool" },
  "me.export.f.expertSince": { vi: "Là chuyên gia từ", en: "Expert since" },
  "me.export.f.primaryOrganisation": { vi: "Cơ quan công tác chính", en: "Main organisation" },
  "me.export.f.organisation": { vi: "Tổ chức", en: "Organisation" },
  "me.export.f.position": { vi: "Chức vụ", en: "Position" },
  "me.export.f.startDate": { vi: "Từ ngày", en: "From" },
  "me.export.f.endDate": { vi: "Đến ngày", en: "To" },
  "me.export.f.purpose": { vi: "Mục đích", en: "Purpose" },
  "me.export.f.granted": { vi: "Đồng ý", en: "Granted" },
  "me.export.f.noticeVersion": { vi: "Phiên bản thông báo", en: "Notice version" },
  "me.export.f.recordedAt": { vi: "Thời điểm ghi nhận", en: "Recorded at" },
  "me.export.f.requestedAt": { vi: "Ngày yêu cầu", en: "Requested at" },
  "me.export.f.status": { vi: "Trạng thái", en: "Status" },
  "me.export.f.reason": { vi: "Lý do", en: "Reason" },
  "me.export.f.resolution": { vi: "Kết quả xử lý", en: "Resolution" },
  "me.export.f.resolvedAt": { vi: "Ngày xử lý", en: "Resolved at" },
  // ─── end people ───
  // ─── Import / export (helper "xlsx") ───
  "import.too_short": { vi: "Tối thiểu {{min}} ký tự", en: "At least {{min}} characters" },
  "import.too_many_items": { vi: "Tối đa {{max}} mục", en: "At most {{max}} items" },
  "import.invalid_ror": { vi: "Mã ROR phải có dạng 05a28rw58", en: "A ROR ID looks like 05a28rw58" },
  "import.invalid_boolean": { vi: "Phải là “Có” hoặc “Không”", en: "Must be “Yes” or “No”" },
  "import.ambiguous_organisation": {
    vi: "Có nhiều tổ chức tên “{{value}}”; hãy ghi mã số thuế",
    en: "Several organisations are named “{{value}}”; give the tax code instead",
  },
  "import.bad_idempotency_key": {
    vi: "Idempotency-Key phải gồm 1–200 ký tự ASCII nhìn thấy được",
    en: "Idempotency-Key must be 1–200 visible ASCII characters",
  },
  "import.commit_failed": {
    vi: "Cơ sở dữ liệu từ chối một dòng của tệp; không có dòng nào được nhập",
    en: "The database refused a row of the file; nothing was imported",
  },
  "import.changed_since_upload": {
    vi: "Dữ liệu trong hệ thống đã thay đổi từ khi tải tệp lên: có {{count}} lỗi mới; không có dòng nào được nhập",
    en: "The registry changed since the upload: {{count}} new errors; nothing was imported",
  },
  "import.requires_column": { vi: "Cần nhập cả cột “{{column}}”", en: "Also fill in the column “{{column}}”" },
  "import.yes": { vi: "Có", en: "Yes" },
  "import.no": { vi: "Không", en: "No" },
  "import.template.file": { vi: "Mẫu nhập", en: "Import template" },
  "import.template.codes_sheet": { vi: "Danh mục", en: "Code lists" },
  "import.template.column": { vi: "Cột", en: "Column" },
  "import.template.code": { vi: "Mã", en: "Code" },
  "import.template.meaning_vi": { vi: "Ý nghĩa", en: "Meaning (Vietnamese)" },
  "import.template.meaning_en": { vi: "Ý nghĩa (tiếng Anh)", en: "Meaning" },
  "export.too_many_rows": {
    vi: "Kết quả có {{count}} dòng, vượt giới hạn {{max}} dòng mỗi lần xuất. Hãy thu hẹp bộ lọc.",
    en: "The result has {{count}} rows, more than the {{max}} rows an export may hold. Narrow the filters.",
  },
  "export.title.organisations": { vi: "Danh sách tổ chức", en: "Organisations" },
  "export.title.people": { vi: "Danh sách nhân lực", en: "People" },
  "export.col.labCount": { vi: "Số phòng thí nghiệm", en: "Laboratories" },
  "export.col.expertSince": { vi: "Ngày vào mạng lưới chuyên gia", en: "Expert since" },
  "export.col.updatedAt": { vi: "Cập nhật lần cuối", en: "Last updated" },
  // ─── end import / export ───
  // ─── programmes and calls (issue 3 item 1) ───
  "call.edit.not_draft": {
    vi: "Chỉ sửa được đợt đang ở trạng thái nháp",
    en: "Only a draft call can be edited",
  },
  "call.publish.not_draft": { vi: "Chỉ công bố được đợt đang ở trạng thái nháp", en: "Only a draft call can be published" },
  "call.publish.already": { vi: "Đợt này đã được công bố", en: "This call has already been published" },
  "call.publish.no_title": { vi: "Đợt cần có tên trước khi công bố", en: "The call needs a title before it is published" },
  "call.publish.window_ended": {
    vi: "Hạn nộp của đợt đã qua. Hãy sửa thời gian nhận hồ sơ trước khi công bố.",
    en: "The call's deadline has passed. Change the submission window before publishing.",
  },
  "call.publish.no_required_document": {
    vi: "Đợt cần ít nhất một tài liệu bắt buộc trong hồ sơ trước khi công bố",
    en: "The call needs at least one required document before it is published",
  },
  "call.close.not_published": { vi: "Chỉ đóng được đợt đang công bố", en: "Only a published call can be closed" },
  "call.close.already": { vi: "Đợt này đã được đóng", en: "This call has already been closed" },
  "call.close.early_needs_reason": {
    vi: "Đóng đợt trước hạn nộp cần nêu lý do",
    en: "Closing a call before its deadline needs a reason",
  },
  "call.cancel.not_open": { vi: "Chỉ huỷ được đợt đang nháp hoặc đang công bố", en: "Only a draft or published call can be cancelled" },
  "call.cancel.already": { vi: "Đợt này đã bị huỷ", en: "This call has already been cancelled" },
  "call.not_accepting.not_published": {
    vi: "Đợt này hiện không nhận hồ sơ",
    en: "This call is not taking submissions",
  },
  "call.not_accepting.not_open_yet": { vi: "Đợt này chưa đến thời gian nhận hồ sơ", en: "This call is not open for submissions yet" },
  "call.not_accepting.deadline_passed": { vi: "Đã hết hạn nộp hồ sơ của đợt này", en: "The deadline of this call has passed" },
  // ─── end programmes and calls ───
  // ─── process templates and workflow engine (issue 3 item 2) ───
  "workflow.not_allowed": {
    vi: "Không thể thực hiện “{{actionVi}}” khi hồ sơ đang ở bước “{{stateVi}}”",
    en: "“{{actionEn}}” is not allowed in state “{{stateEn}}”",
  },
  "workflow.guard_failed": {
    vi: "Chưa đủ điều kiện “{{guardVi}}”: {{reasonVi}}",
    en: "Condition “{{guardEn}}” is not met: {{reasonEn}}",
  },
  "workflow.documents_missing": {
    vi: "Còn thiếu tài liệu bắt buộc: {{documents}}",
    en: "Required documents are missing: {{documents}}",
  },
  "process.invalid_definition": {
    vi: "Định nghĩa quy trình không hợp lệ: {{first}}",
    en: "The process definition is invalid: {{first}}",
  },
  "process.effective_in_past": {
    vi: "Ngày hiệu lực của phiên bản mới không được trước ngày hôm nay ({{today}})",
    en: "A new version cannot take effect before today ({{today}})",
  },
  "process.effective_before_previous": {
    vi: "Ngày hiệu lực không được trước ngày hiệu lực của phiên bản {{version}} ({{date}})",
    en: "The effective date cannot be before that of version {{version}} ({{date}})",
  },
  // ─── end process templates ───
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageKey = keyof typeof messages;

export function t(lang: Lang, key: MessageKey, params: Record<string, unknown> = {}): string {
  const template: string = messages[key]?.[lang] ?? messages[key]?.vi ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ""));
}

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return "vi";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "vi";
}
