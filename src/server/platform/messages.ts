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
  "input.web_address": {
    vi: "Địa chỉ trang web phải bắt đầu bằng http:// hoặc https:// (ví dụ https://skhcn.haiphong.gov.vn)",
    en: "A website address must start with http:// or https:// (for example https://skhcn.haiphong.gov.vn)",
  },
  "input.number_too_small": {
    vi: "Số khác 0 phải có giá trị tuyệt đối từ 0,000000001 trở lên",
    en: "A non-zero number must be at least 0.000000001 in absolute value",
  },
  "input.nul_character": {
    vi: "Không được chứa ký tự NUL (\\u0000)",
    en: "Must not contain the NUL character (\\u0000)",
  },
  // One answer for a wrong password, an unknown account and a locked one: it says how locking works, not whether
  // this account exists or is locked (ARCHITECTURE.md, security model).
  "auth.invalid_credentials": {
    vi: "Tên đăng nhập hoặc mật khẩu không đúng. Sau {{max}} lần nhập sai, tài khoản tạm khoá {{minutes}} phút; cần hỗ trợ, hãy liên hệ quản trị.",
    en: "Wrong username or password. After {{max}} wrong attempts an account is locked for {{minutes}} minutes; for help, contact an administrator.",
  },
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
  "import.too_many_rows": {
    vi: "Tệp có hơn {{max}} dòng dữ liệu: mỗi lần nhập tối đa {{max}} dòng. Hãy chia thành nhiều tệp.",
    en: "The file has more than {{max}} data rows: an import takes at most {{max}} rows. Split it into several files.",
  },
  "import.sheet_too_large": {
    vi: "Dữ liệu bảng tính khi giải nén lớn hơn {{max}} MB, giới hạn của một tệp nhập. Hãy chia thành nhiều tệp nhỏ hơn.",
    en: "The spreadsheet's data unpacks to more than {{max}} MB, the limit for one file to import. Split it into smaller files.",
  },
  "import.has_errors": {
    vi: "Tệp còn {{count}} lỗi; không có dòng nào được nhập",
    en: "The file still has {{count}} errors; nothing was imported",
  },
  "import.required": { vi: "Bắt buộc nhập", en: "Required" },
  "import.invalid_number": { vi: "Phải là số nguyên", en: "Must be a whole number" },
  "import.out_of_range": { vi: "Giá trị phải trong khoảng {{min}}–{{max}}", en: "Must be between {{min}} and {{max}}" },
  "import.invalid_code": { vi: "“{{value}}” không có trong danh mục", en: "“{{value}}” is not in the code list" },
  "import.invalid_web_address": {
    vi: "Địa chỉ trang web phải bắt đầu bằng http:// hoặc https://",
    en: "A website address must start with http:// or https://",
  },
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
  // ─── The first administrator (npm run admin:create) ───
  "admin_setup.username_invalid": {
    vi: "Tên đăng nhập gồm 2–64 ký tự: chữ, số và . _ - @, bắt đầu bằng chữ hoặc số",
    en: "A username has 2–64 characters: letters, digits and . _ - @, starting with a letter or digit",
  },
  "admin_setup.display_name_invalid": { vi: "Tên hiển thị gồm 1–200 ký tự", en: "A display name has 1–200 characters" },
  "admin_setup.admin_exists": {
    vi: "Đã có quản trị viên đang hoạt động: {{usernames}}. Thêm --force để vẫn tạo thêm một quản trị viên.",
    en: "There is already an active administrator: {{usernames}}. Add --force to create another one anyway.",
  },
  "user.person_not_found": { vi: "Không tìm thấy hồ sơ cá nhân được liên kết", en: "The linked person was not found" },
  "user.organisation_not_found": { vi: "Không tìm thấy tổ chức được liên kết", en: "The linked organisation was not found" },
  "user.person_taken": { vi: "Người này đã có một tài khoản khác", en: "This person already has another account" },
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
  "me.export.yes": { vi: "Có", en: "Yes" },
  "me.export.no": { vi: "Không", en: "No" },
  "me.export.col.item": { vi: "Mục", en: "Item" },
  "me.export.col.value": { vi: "Giá trị", en: "Value" },
  "me.export.sheet.account": { vi: "Tài khoản", en: "Account" },
  "me.export.sheet.person": { vi: "Hồ sơ", en: "Profile" },
  "me.export.sheet.affiliations": { vi: "Quá trình công tác", en: "Affiliations" },
  "me.export.sheet.consents": { vi: "Đồng ý xử lý dữ liệu", en: "Consents" },
  "me.export.sheet.deletionRequests": { vi: "Yêu cầu xoá dữ liệu", en: "Deletion requests" },
  "me.export.sheet.education": { vi: "Quá trình đào tạo", en: "Education" },
  "me.export.sheet.languages": { vi: "Ngoại ngữ", en: "Languages" },
  "me.export.sheet.awards": { vi: "Giải thưởng", en: "Awards" },
  "me.export.f.level": { vi: "Bậc đào tạo", en: "Level" },
  "me.export.f.institution": { vi: "Nơi đào tạo", en: "Institution" },
  "me.export.f.speciality": { vi: "Chuyên ngành", en: "Speciality" },
  "me.export.f.year": { vi: "Năm", en: "Year" },
  "me.export.f.language": { vi: "Ngoại ngữ", en: "Language" },
  "me.export.f.listening": { vi: "Nghe", en: "Listening" },
  "me.export.f.speaking": { vi: "Nói", en: "Speaking" },
  "me.export.f.writing": { vi: "Viết", en: "Writing" },
  "me.export.f.reading": { vi: "Đọc", en: "Reading" },
  "me.export.f.award": { vi: "Giải thưởng", en: "Award" },
  "me.export.f.awardedBy": { vi: "Cơ quan trao tặng", en: "Awarded by" },
  "me.export.level.good": { vi: "Tốt", en: "Good" },
  "me.export.level.fair": { vi: "Khá", en: "Fair" },
  "me.export.level.average": { vi: "Trung bình", en: "Average" },
  "me.export.gender.male": { vi: "Nam", en: "Male" },
  "me.export.gender.female": { vi: "Nữ", en: "Female" },
  "me.export.gender.other": { vi: "Khác", en: "Other" },
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
  // ─── programmes and calls ───
  "call.publish.no_title": { vi: "Đợt cần có tên trước khi công bố", en: "The call needs a title before it is published" },
  "call.publish.window_ended": {
    vi: "Hạn nộp của đợt đã qua. Hãy sửa thời gian nhận hồ sơ trước khi công bố.",
    en: "The call's deadline has passed. Change the submission window before publishing.",
  },
  "call.publish.no_required_document": {
    vi: "Đợt cần ít nhất một tài liệu bắt buộc trong hồ sơ trước khi công bố",
    en: "The call needs at least one required document before it is published",
  },
  "call.close.early_needs_reason": {
    vi: "Đóng đợt trước hạn nộp cần nêu lý do",
    en: "Closing a call before its deadline needs a reason",
  },
  "call.not_accepting.not_published": {
    vi: "Đợt này hiện không nhận hồ sơ",
    en: "This call is not taking submissions",
  },
  "call.not_accepting.not_open_yet": { vi: "Đợt này chưa đến thời gian nhận hồ sơ", en: "This call is not open for submissions yet" },
  "call.not_accepting.deadline_passed": { vi: "Đã hết hạn nộp hồ sơ của đợt này", en: "The deadline of this call has passed" },
  // ─── end programmes and calls ───
  // ─── process templates and workflow engine ───
  "workflow.not_allowed": {
    vi: "Không thể thực hiện “{{actionVi}}” khi hồ sơ đang ở bước “{{stateVi}}”",
    en: "“{{actionEn}}” is not allowed in state “{{stateEn}}”",
  },
  "lifecycle.invalid_state": {
    vi: "Không thể {{command}} khi {{entity}} đang ở trạng thái “{{state}}”. Ở trạng thái này có thể: {{allowed}}.",
    en: "Cannot {{command}} while the {{entity}} is “{{state}}”. Possible now: {{allowed}}.",
  },
  "workflow.guard_failed": {
    vi: "Chưa đủ điều kiện “{{guardVi}}”: {{reasonVi}}",
    en: "Condition “{{guardEn}}” is not met: {{reasonEn}}",
  },
  "workflow.documents_missing": {
    vi: "Còn thiếu tài liệu bắt buộc: {{documents}}",
    en: "Required documents are missing: {{documents}}",
  },
  "workflow.documents_missing_dossier": {
    vi: "Hồ sơ còn thiếu tài liệu bắt buộc: {{documents}} (tải lên trong hồ sơ, không phải ở tài liệu chung của nhiệm vụ)",
    en: "The dossier lacks required documents: {{documents}} (upload them to the dossier, not to the task's general documents)",
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
  // ─── contracts and payments ───
  "contract.task_not_approved": {
    vi: "Chỉ lập hợp đồng cho nhiệm vụ đã được phê duyệt (bước hiện tại: {{state}})",
    en: "A contract is drawn up only for an approved task (current step: {{state}})",
  },
  "contract.task_incomplete": {
    vi: "Quyết định phê duyệt nhiệm vụ còn thiếu: {{fields}}",
    en: "The task's approval decision lacks: {{fields}}",
  },
  "contract.exists": { vi: "Nhiệm vụ này đã có hợp đồng {{number}}", en: "This task already has contract {{number}}" },
  "contract.terminated_no_payment": {
    vi: "Hợp đồng đã chấm dứt: chỉ ghi nhận khoản hoàn trả hoặc điều chỉnh giảm, không cấp thêm kinh phí",
    en: "The contract is terminated: only returns and reversals are recorded, no further payment",
  },
  "contract.two_person.sign_preparer": {
    vi: "Nguyên tắc hai người: người ký không được là người đã lập hợp đồng ({{name}})",
    en: "Two-person rule: the signer must not be the person who prepared the contract ({{name}})",
  },
  "contract.two_person.sign_editor": {
    vi: "Nguyên tắc hai người: người ký không được là người sửa hợp đồng lần cuối ({{name}})",
    en: "Two-person rule: the signer must not be the person who last edited the contract ({{name}})",
  },
  "contract.two_person.payment_recorder": {
    vi: "Nguyên tắc hai người: người duyệt hoặc từ chối không được là người đã ghi khoản này ({{name}})",
    en: "Two-person rule: the person approving or rejecting must not be the one who recorded this entry ({{name}})",
  },
  "contract.two_person.amendment_requester": {
    vi: "Nguyên tắc hai người: người quyết định không được là người đã đề nghị điều chỉnh ({{name}})",
    en: "Two-person rule: the person deciding must not be the one who requested the change ({{name}})",
  },
  "contract.two_person.terminate_preparer": {
    vi: "Nguyên tắc hai người: người chấm dứt hợp đồng không được là người đã lập hợp đồng ({{name}})",
    en: "Two-person rule: the person terminating the contract must not be the one who prepared it ({{name}})",
  },
  "contract.value_exceeds_approved": {
    vi: "Kinh phí từ ngân sách KH&CN thành phố ({{value}} đồng) vượt mức được phê duyệt ({{approved}} đồng)",
    en: "The city S&T budget part ({{value}} VND) exceeds the approved amount ({{approved}} VND)",
  },
  "contract.plan_sum": {
    vi: "Tổng kế hoạch cấp kinh phí từ ngân sách thành phố ({{sum}} đồng) phải bằng giá trị hợp đồng phần ngân sách thành phố ({{value}} đồng)",
    en: "The disbursement plan's city-budget total ({{sum}} VND) must equal the contract's city-budget value ({{value}} VND)",
  },
  "contract.no_products": { vi: "Hợp đồng cần ít nhất một sản phẩm", en: "The contract needs at least one product" },
  "contract.signed_in_future": {
    vi: "Ngày ký không được sau ngày hôm nay ({{today}})",
    en: "A signing date cannot be after today ({{today}})",
  },
  "contract.tranche_not_found": { vi: "Không có đợt cấp kinh phí này trong hợp đồng", en: "No such tranche in this contract" },
  "contract.tranche_cancelled": { vi: "Đợt cấp kinh phí này đã bị huỷ", en: "This tranche has been cancelled" },
  "contract.tranche_has_payments": {
    vi: "Không thể bỏ đợt “{{label}}” vì đã có khoản thanh toán; hãy huỷ đợt (phần chưa cấp) thay vì xoá",
    en: "Tranche “{{label}}” has payments and cannot be removed; cancel it instead",
  },
  "contract.tranche_below_paid": {
    vi: "Đợt “{{label}}” không thể nhỏ hơn số đã cấp hoặc đang chờ duyệt ({{paid}} đồng)",
    en: "Tranche “{{label}}” cannot be less than what is paid or awaiting approval ({{paid}} VND)",
  },
  "contract.tranche_pending": {
    vi: "Đợt “{{label}}” còn khoản thanh toán chờ duyệt",
    en: "Tranche “{{label}}” has payments awaiting approval",
  },
  "contract.payment_exceeds_tranche": {
    vi: "Vượt kế hoạch của đợt “{{label}}”: chỉ còn được cấp {{available}} đồng",
    en: "Over the plan of tranche “{{label}}”: only {{available}} VND remain",
  },
  "contract.payment_exceeds_value": {
    vi: "Vượt giá trị hợp đồng: chỉ còn được cấp {{available}} đồng",
    en: "Over the contract value: only {{available}} VND remain",
  },
  "contract.return_exceeds": {
    vi: "Số hoàn trả vượt số đã cấp chưa hoàn trả ({{available}} đồng)",
    en: "The return exceeds what was disbursed and not yet returned ({{available}} VND)",
  },
  "contract.payment_decided": {
    vi: "Khoản này đã được xử lý (trạng thái “{{status}}”)",
    en: "This entry has already been decided (status “{{status}}”)",
  },
  "contract.reversal_not_allowed": {
    vi: "Chỉ điều chỉnh giảm được khoản thanh toán hoặc hoàn trả đã được duyệt",
    en: "Only an approved payment or return can be reversed",
  },
  "contract.reversal_exceeds": {
    vi: "Số điều chỉnh giảm vượt số còn lại của khoản gốc ({{available}} đồng)",
    en: "The reversal exceeds what remains of the original entry ({{available}} VND)",
  },
  "contract.spent_exceeds": {
    vi: "Số đã chi được quyết toán ({{spent}} đồng) vượt số đã cấp ({{disbursed}} đồng)",
    en: "The settled expenditure ({{spent}} VND) exceeds what was disbursed ({{disbursed}} VND)",
  },
  "contract.amendment_decided": {
    vi: "Đề nghị điều chỉnh này đã được xử lý (trạng thái “{{status}}”)",
    en: "This change request has already been decided (status “{{status}}”)",
  },
  "contract.budget_below_disbursed": {
    vi: "Kinh phí ngân sách thành phố mới ({{value}} đồng) không được thấp hơn số đã cấp hoặc đang chờ duyệt ({{disbursed}} đồng)",
    en: "The new city-budget value ({{value}} VND) cannot be below what is disbursed or awaiting approval ({{disbursed}} VND)",
  },
  "contract.budget_plan_absorb": {
    vi: "Không có đợt cấp kinh phí còn mở đủ để điều chỉnh chênh lệch {{difference}} đồng; hãy điều chỉnh kế hoạch cấp kinh phí",
    en: "No open tranche can absorb the difference of {{difference}} VND; adjust the disbursement plan",
  },
  "contract.end_before_start": {
    vi: "Ngày kết thúc không được trước ngày bắt đầu ({{start}})",
    en: "The end date cannot be before the start date ({{start}})",
  },
  "contract.return_amount_exceeds": {
    vi: "Số phải hoàn trả ({{amount}} đồng) vượt số đã cấp ({{disbursed}} đồng)",
    en: "The amount to return ({{amount}} VND) exceeds what was disbursed ({{disbursed}} VND)",
  },
  "contract.not_settled": { vi: "Chưa thể thanh lý: {{reason}}", en: "Cannot liquidate yet: {{reason}}" },
  // ─── end contracts ───
  // ─── task analytics ───
  "taskAnalytics.file": { vi: "Thống kê nhiệm vụ KH&CN", en: "S&T task statistics" },
  "taskAnalytics.sheet.totals": { vi: "Tổng hợp", en: "Totals" },
  "taskAnalytics.sheet.field1": { vi: "Lĩnh vực cấp 1", en: "Fields level 1" },
  "taskAnalytics.sheet.field2": { vi: "Lĩnh vực cấp 2", en: "Fields level 2" },
  "taskAnalytics.sheet.sector": { vi: "Lĩnh vực quản lý", en: "Sectors" },
  "taskAnalytics.sheet.status": { vi: "Trạng thái", en: "Status" },
  "taskAnalytics.sheet.year": { vi: "Theo năm", en: "By year" },
  "taskAnalytics.sheet.programme": { vi: "Chương trình", en: "Programmes" },
  "taskAnalytics.sheet.organisation": { vi: "Tổ chức chủ trì", en: "Lead organisations" },
  "taskAnalytics.sheet.taskType": { vi: "Loại nhiệm vụ", en: "Task types" },
  "taskAnalytics.sheet.outputs": { vi: "Sản phẩm", en: "Outputs" },
  "taskAnalytics.sheet.historical": { vi: "Giai đoạn 1996–2012", en: "1996–2012" },
  "taskAnalytics.col.item": { vi: "Chỉ tiêu", en: "Item" },
  "taskAnalytics.col.code": { vi: "Mã", en: "Code" },
  "taskAnalytics.col.name": { vi: "Tên", en: "Name" },
  "taskAnalytics.col.count": { vi: "Số nhiệm vụ", en: "Tasks" },
  "taskAnalytics.col.value": { vi: "Giá trị", en: "Value" },
  "taskAnalytics.col.year": { vi: "Năm", en: "Year" },
  "taskAnalytics.col.approvedCity": { vi: "Ngân sách thành phố được duyệt (đồng)", en: "Approved city budget (VND)" },
  "taskAnalytics.col.approvedOther": { vi: "Nguồn khác được duyệt (đồng)", en: "Approved other sources (VND)" },
  "taskAnalytics.col.proposed": { vi: "Kinh phí đề xuất (đồng)", en: "Proposed budget (VND)" },
  "taskAnalytics.col.quantity": { vi: "Số lượng", en: "Quantity" },
  "taskAnalytics.col.original": { vi: "Nguyên văn", en: "As written" },
  "taskAnalytics.col.unit": { vi: "Đơn vị", en: "Unit" },
  "taskAnalytics.col.period": { vi: "Giai đoạn", en: "Period" },
  "taskAnalytics.col.sourceLine": { vi: "Dòng nguồn", en: "Source line" },
  "taskAnalytics.col.sourceQuote": { vi: "Trích dẫn nguồn", en: "Source quote" },
  "taskAnalytics.none": { vi: "(chưa xác định)", en: "(not set)" },
  "taskAnalytics.total.tasks": { vi: "Tổng số nhiệm vụ", en: "Tasks" },
  "taskAnalytics.group.proposal": { vi: "Đề xuất", en: "Proposal" },
  "taskAnalytics.group.selection": { vi: "Tuyển chọn, xét duyệt", en: "Selection" },
  "taskAnalytics.group.approved": { vi: "Đã phê duyệt", en: "Approved" },
  "taskAnalytics.group.in_progress": { vi: "Đang thực hiện", en: "In progress" },
  "taskAnalytics.group.acceptance": { vi: "Đánh giá, nghiệm thu", en: "Acceptance" },
  "taskAnalytics.group.completed": { vi: "Đã hoàn thành", en: "Completed" },
  "taskAnalytics.group.rejected_terminated": { vi: "Không được duyệt / chấm dứt", en: "Rejected or terminated" },
  "taskAnalytics.type.de_tai": { vi: "Đề tài", en: "Research project" },
  "taskAnalytics.type.du_an_sxtn": { vi: "Dự án sản xuất thử nghiệm", en: "Pilot production project" },
  "taskAnalytics.type.du_an_khcn": { vi: "Dự án KH&CN", en: "S&T project" },
  "taskAnalytics.type.de_an": { vi: "Đề án", en: "Scheme" },
  "taskAnalytics.type.htqt": { vi: "Hợp tác quốc tế", en: "International cooperation" },
  "taskAnalytics.type.co_so": { vi: "Cấp cơ sở", en: "Grassroots" },
  "taskAnalytics.output.scientific_argument": { vi: "Luận cứ khoa học", en: "Scientific arguments" },
  "taskAnalytics.output.model": { vi: "Mô hình", en: "Models" },
  "taskAnalytics.output.solution": { vi: "Giải pháp, công nghệ", en: "Solutions and technologies" },
  "taskAnalytics.output.product": { vi: "Sản phẩm mới", en: "New products" },
  "taskAnalytics.output.variety": { vi: "Giống cây trồng, vật nuôi", en: "Varieties and breeds" },
  "taskAnalytics.output.publication": { vi: "Bài báo, công bố", en: "Publications" },
  "taskAnalytics.output.patent": { vi: "Sáng chế, giải pháp hữu ích", en: "Patents" },
  "taskAnalytics.output.training": { vi: "Đào tạo", en: "Training" },
  "taskAnalytics.output.other": { vi: "Khác", en: "Other" },
  "import.task_code_taken": { vi: "Mã nhiệm vụ {{value}} đã có trong hệ thống", en: "Task code {{value}} is already registered" },
  "import.year_before_start": { vi: "Năm kết thúc trước năm bắt đầu", en: "The end year is before the start year" },
  "import.historical_template_missing": {
    vi: "Chưa có quy trình baseline-2013 trong cơ sở dữ liệu",
    en: "The baseline-2013 process is not in the database",
  },
  // ─── end task analytics ───
  // ─── tasks: proposals, dossiers, transitions, documents ───
  "task.proposal.call_not_proposal": {
    vi: "Đợt này không phải đợt nhận đề xuất đặt hàng",
    en: "This call does not collect task proposals",
  },
  "task.proposal.not_editable": {
    vi: "Chỉ sửa được đề xuất khi còn ở bước đề xuất",
    en: "A proposal can be edited only while it is at the proposal step",
  },
  "task.proposal.org_not_own": {
    vi: "Chỉ đề xuất được nhân danh tổ chức của mình",
    en: "You can propose only on behalf of your own organisation",
  },
  "task.template_missing": {
    vi: "Chưa có quy trình “{{key}}” có hiệu lực vào ngày {{date}}",
    en: "No version of process “{{key}}” is in force on {{date}}",
  },
  "task.action.not_recommended": {
    vi: "Hội đồng xác định nhiệm vụ không kiến nghị thực hiện nhiệm vụ này",
    en: "The identification council did not recommend this task",
  },
  "task.action.call_not_selection": {
    vi: "Cần chọn một đợt tuyển chọn / xét tài trợ đã công bố",
    en: "Choose a published selection call",
  },
  "task.action.call_still_accepting": {
    vi: "Chưa hết hạn nộp hồ sơ: chỉ mở hồ sơ sau thời hạn",
    en: "The call still takes dossiers: open them after the deadline",
  },
  "task.action.checks_mismatch": {
    vi: "Cần đúng một kết quả kiểm tra cho mỗi hồ sơ đã nộp",
    en: "Give exactly one check for each submitted dossier",
  },
  "task.action.no_selected_dossier": {
    vi: "Hội đồng chưa chọn hồ sơ hợp lệ nào",
    en: "The council has not selected a valid dossier",
  },
  "task.action.no_grade": {
    vi: "Hội đồng đánh giá, nghiệm thu chưa xếp loại nhiệm vụ",
    en: "The acceptance council has not graded the task",
  },
  "task.action.grade_mismatch": {
    vi: "Hội đồng đã xếp loại nhiệm vụ “{{gradeVi}}”: hãy chọn “{{otherVi}}”",
    en: "The council graded the task “{{gradeEn}}”: take “{{otherEn}}” instead",
  },
  "task.action.contract_not_signed": {
    vi: "Nhiệm vụ chưa thể chuyển sang bước đã ký hợp đồng: {{reasonVi}}",
    en: "The task cannot move to “Contract signed” yet: {{reasonEn}}",
  },
  "task.action.performed_elsewhere": {
    vi: "Thao tác “{{action}}” không thực hiện tại địa chỉ này: dùng {{route}}",
    en: "The action “{{action}}” is not performed here: use {{route}}",
  },
  "task.guard.council_not_formed": {
    vi: "Chưa thành lập {{kindVi}} cho nhiệm vụ này (hội đồng đã huỷ không tính). Bước tiếp theo: cán bộ quản lý lập hội đồng cho nhiệm vụ (mục Hội đồng), tổ chức phiên họp và kết luận, rồi thực hiện lại “{{actionVi}}”",
    en: "No {{kindEn}} has been formed for this task yet (a cancelled one does not count). Next step: an officer forms one for the task (Councils), holds its session and concludes it; then take “{{actionEn}}” again",
  },
  "task.action.dates_order": { vi: "Ngày kết thúc phải sau ngày bắt đầu", en: "The end date must follow the start date" },
  "task.dossier.locked": {
    vi: "Hồ sơ đang ở trạng thái “{{statusVi}}” nên không sửa được: chỉ sửa hồ sơ đang soạn, hoặc hồ sơ được chọn khi nhiệm vụ ở bước hoàn thiện",
    en: "The dossier is “{{statusEn}}” and cannot be changed: only a draft, or the selected dossier while the task is at revision, can be",
  },
  "task.dossier.not_receiving": {
    vi: "Nhiệm vụ này hiện không nhận hồ sơ đăng ký",
    en: "This task is not receiving dossiers",
  },
  "task.dossier.already_yours": {
    vi: "Bạn đã có hồ sơ đăng ký cho nhiệm vụ này: mở hồ sơ để tiếp tục",
    en: "You already have a dossier for this task: open it to go on",
  },
  "call.tasks.not_accepting": {
    vi: "Đợt này hiện không nhận hồ sơ (ngoài thời hạn nhận hoặc chưa công bố)",
    en: "This call is not taking dossiers now (outside its window or not published)",
  },
  "task.dossier.duplicate_org": {
    vi: "Tổ chức này đã có hồ sơ đăng ký cho nhiệm vụ",
    en: "This organisation already has a dossier for the task",
  },
  "task.dossier.person_required": {
    vi: "Tài khoản chưa gắn với hồ sơ nhà khoa học: hãy chọn chủ nhiệm",
    en: "Your account has no person record: choose the principal investigator",
  },
  "task.dossier.organisation_required": {
    vi: "Tài khoản chưa gắn với tổ chức: hãy chọn tổ chức chủ trì",
    en: "Your account has no organisation: choose the lead organisation",
  },
  "task.dossier.incomplete": { vi: "Hồ sơ chưa đầy đủ: {{itemsVi}}", en: "The dossier is incomplete: {{itemsEn}}" },
  "task.dossier.not_draft": { vi: "Chỉ nộp được hồ sơ đang soạn", en: "Only a draft dossier can be submitted" },
  "task.dossier.cannot_withdraw": {
    vi: "Chỉ rút được hồ sơ đang soạn hoặc đã nộp, trước hạn nộp",
    en: "Only a draft or submitted dossier can be withdrawn, before the deadline",
  },
  "task.dossier.budget_year_outside": {
    vi: "Năm {{year}} của dự toán nằm ngoài thời gian thực hiện ({{from}}–{{to}})",
    en: "Budget year {{year}} is outside the period ({{from}}–{{to}})",
  },
  "task.dossier.unknown_person": { vi: "Không có nhà khoa học này trong danh bạ", en: "No such person in the registry" },
  "task.dossier.unknown_organisation": { vi: "Không có tổ chức này trong danh bạ", en: "No such organisation in the registry" },
  "task.document.not_editable": {
    vi: "Chỉ thêm hoặc xoá tài liệu của hồ sơ khi hồ sơ đang soạn hoặc đang hoàn thiện",
    en: "A dossier's documents change only while it is a draft or under revision",
  },
  "task.document.bad_fields": {
    vi: "Trường của biểu mẫu tải lên thiếu hoặc không hợp lệ (code, stage, dossierId, note): xem chi tiết từng trường",
    en: "A field of the upload form is missing or invalid (code, stage, dossierId, note): see the details per field",
  },
  // ─── end tasks ───
  // ─── councils ───
  "council.locked": {
    vi: "Hội đồng đã kết luận, kết quả đã khoá. Cần lãnh đạo mở lại (có lý do) trước khi sửa.",
    en: "The council has concluded and its result is locked. A leader must re-open it (with a reason) first.",
  },
  "council.no_rule_set": {
    vi: "Chưa có quy định hội đồng loại này có hiệu lực vào ngày {{day}}",
    en: "No council rule set of this kind is in force on {{day}}",
  },
  "council.subjects.one_task": { vi: "Hội đồng loại này xét đúng một nhiệm vụ", en: "A council of this kind considers exactly one task" },
  "council.subjects.no_valid_dossier": {
    vi: "Nhiệm vụ chưa có hồ sơ hợp lệ để hội đồng tuyển chọn xem xét",
    en: "The task has no valid dossier for the selection council",
  },
  "council.subjects.unknown_task": { vi: "Không có nhiệm vụ này", en: "No such task" },
  "council.composition": {
    vi: "Thành phần hội đồng chưa đúng quy định {{legalBasis}}",
    en: "The council's composition does not meet {{legalBasis}}",
  },
  "council.conflict": {
    vi: "Người này có xung đột lợi ích với nhiệm vụ được xem xét; chỉ lãnh đạo hoặc quản trị mới có thể chấp thuận kèm lý do",
    en: "This person has a conflict of interest with a task under review; only a leader or administrator may override it, with a reason",
  },
  "council.conflict.invite": {
    vi: "Chưa gửi được giấy mời: kiểm tra lại xung đột lợi ích trên dữ liệu hiện tại cho thấy {{members}} Cần thay thành viên, hoặc lãnh đạo / quản trị chấp thuận kèm lý do.",
    en: "The invitations were not sent: checking conflicts of interest again on the current records found {{members}} Replace the member, or have a leader / administrator override it with a reason.",
  },
  "council.conflict.conclude": {
    vi: "Chưa kết luận được: kiểm tra lại xung đột lợi ích trên dữ liệu hiện tại cho thấy {{members}} Phiếu của thành viên này chưa được tính. Lãnh đạo / quản trị chấp thuận kèm lý do, hoặc ghi nhận thành viên vắng mặt (phiếu của họ không được tính).",
    en: "The council was not concluded: checking conflicts of interest again on the current records found {{members}} That member's ballots cannot be counted yet. Have a leader / administrator override it with a reason, or record the member as absent (their ballots are then not counted).",
  },
  "council.conflict.ballot": {
    vi: "Phiếu chưa được nhận: kiểm tra lại cho thấy thành viên {{name}} có xung đột lợi ích ({{lines}}). Cần lãnh đạo hoặc quản trị chấp thuận kèm lý do.",
    en: "The ballot was not accepted: checking again found a conflict of interest for {{name}} ({{lines}}). A leader or administrator must override it, with a reason.",
  },
  "council.conflict.nothing_to_override": {
    vi: "Thành viên {{name}} hiện không có xung đột lợi ích nào cần chấp thuận",
    en: "{{name}} has no conflict of interest to override now",
  },
  "council.member.duplicate": { vi: "Người này đã là thành viên hội đồng", en: "This person is already a member of the council" },
  "council.member.unknown_person": { vi: "Không có nhà khoa học này trong danh bạ", en: "No such person in the registry" },
  "council.no_quorum": {
    vi: "Phiên họp chưa đủ điều kiện hợp lệ: có mặt {{present}}/{{total}} (cần {{required}}); {{reasons}}",
    en: "The session has no quorum: {{present}}/{{total}} present ({{required}} needed); {{reasons}}",
  },
  "council.ballots_missing": {
    vi: "Còn {{count}} phiếu của thành viên có mặt chưa nộp",
    en: "{{count}} ballots of members present have not been submitted",
  },
  "council.declaration_required": {
    vi: "Thành viên cần ký bản cam kết không xung đột lợi ích trước khi chấm",
    en: "The member must sign the conflict-of-interest declaration before scoring",
  },
  "council.ballot.not_in_session": {
    vi: "Hội đồng chưa họp hoặc đã huỷ: chỉ chấm được khi phiên họp đã mở",
    en: "The council is not in session: ballots can be scored only once the session is open",
  },
  "council.ballot.conflict_pending": {
    vi: "Có xung đột lợi ích với nhiệm vụ được xem xét, chưa được lãnh đạo chấp thuận: chưa chấm được",
    en: "A conflict of interest with a task under review has not been overridden by a leader: scoring must wait",
  },
  "council.ballot.submitted": { vi: "Phiếu đã nộp, không sửa được", en: "The ballot has been submitted and cannot be changed" },
  "council.ballot.invalid_scores": { vi: "Phiếu chấm chưa đúng mẫu: {{reason}}", en: "The ballot does not match the form: {{reason}}" },
  "council.ballot.not_member": {
    vi: "Người này không phải thành viên có quyền biểu quyết của hội đồng",
    en: "This person is not a voting member of the council",
  },
  "council.reopen.reason": { vi: "Cần ghi lý do mở lại hội đồng", en: "A reason is needed to re-open the council" },
  "council.declaration.already_signed": { vi: "Thành viên này đã ký bản cam kết", en: "This member has already signed the declaration" },
  "council.declaration.future_date": { vi: "Ngày ký bản cam kết không được sau ngày hôm nay", en: "The declaration cannot be signed after today" },
  // ─── end councils ───
  // ─── monitoring, calendar, notifications ───
  "monitoring.task.not_in_progress": {
    vi: "Chỉ theo dõi, kiểm tra nhiệm vụ đang thực hiện",
    en: "Only tasks in progress are monitored and inspected",
  },
  "monitoring.task.no_dates": {
    vi: "Nhiệm vụ chưa có ngày bắt đầu và ngày kết thúc",
    en: "The task has no start and end dates",
  },
  "monitoring.report.locked": {
    vi: "Báo cáo đã được chấp nhận, không thay đổi được nữa",
    en: "The report has been accepted and can no longer be changed",
  },
  "monitoring.report.empty": {
    vi: "Báo cáo cần nêu khối lượng đã thực hiện hoặc tiến độ từng nội dung",
    en: "The report needs the work done or the progress of each milestone",
  },
  "monitoring.report.unknown_milestone": {
    vi: "Nội dung công việc không thuộc thuyết minh được phê duyệt của nhiệm vụ",
    en: "The milestone is not part of the task's approved description",
  },
  "monitoring.report.duplicate": {
    vi: "Đã có báo cáo cho kỳ này",
    en: "A report for this period already exists",
  },
  "monitoring.action.done": { vi: "Việc khắc phục đã hoàn thành", en: "The follow-up action is already done" },
  "monitoring.guard.reports_overdue": {
    vi: "Còn {{count}} báo cáo tiến độ quá hạn chưa nộp (hạn sớm nhất {{dueOn}})",
    en: "{{count}} progress reports are overdue and not submitted (earliest due {{dueOn}})",
  },
  "monitoring.guard.reports_pending_review": {
    vi: "Còn {{count}} báo cáo tiến độ cần bổ sung theo yêu cầu của cơ quan quản lý",
    en: "{{count}} progress reports were returned for revision and not submitted again",
  },
  "notification.generic.title": { vi: "Thông báo", en: "Notification" },
  "notification.generic.body": { vi: "Bạn có một thông báo mới", en: "You have a new notification" },
  "notification.report_due_soon.title": { vi: "Sắp đến hạn báo cáo tiến độ", en: "Progress report due soon" },
  "notification.report_due_soon.body": {
    vi: "Nhiệm vụ {{code}} – {{title}}: báo cáo tiến độ kỳ {{sequence}} đến hạn ngày {{dueOn}}",
    en: "Task {{code}} – {{title}}: progress report {{sequence}} is due on {{dueOn}}",
  },
  "notification.report_overdue.title": { vi: "Báo cáo tiến độ quá hạn", en: "Progress report overdue" },
  "notification.report_overdue.body": {
    vi: "Nhiệm vụ {{code}} – {{title}}: báo cáo tiến độ kỳ {{sequence}} đã quá hạn ngày {{dueOn}}",
    en: "Task {{code}} – {{title}}: progress report {{sequence}} was due on {{dueOn}}",
  },
  "notification.report_scheduled.title": { vi: "Lịch báo cáo tiến độ", en: "Progress report schedule" },
  "notification.report_scheduled.body": {
    vi: "Nhiệm vụ {{code}} – {{title}}: đã lập lịch {{count}} kỳ báo cáo tiến độ",
    en: "Task {{code}} – {{title}}: {{count}} progress reports have been scheduled",
  },
  "notification.report_submitted.title": { vi: "Báo cáo tiến độ đã nộp", en: "Progress report submitted" },
  "notification.report_submitted.body": {
    vi: "Nhiệm vụ {{code}} – {{title}}: báo cáo tiến độ kỳ {{sequence}} đã được nộp",
    en: "Task {{code}} – {{title}}: progress report {{sequence}} was submitted",
  },
  "notification.report_accepted.title": { vi: "Báo cáo tiến độ được chấp nhận", en: "Progress report accepted" },
  "notification.report_accepted.body": {
    vi: "Nhiệm vụ {{code}} – {{title}}: báo cáo tiến độ kỳ {{sequence}} đã được chấp nhận",
    en: "Task {{code}} – {{title}}: progress report {{sequence}} was accepted",
  },
  "notification.report_needs_revision.title": { vi: "Báo cáo tiến độ cần bổ sung", en: "Progress report needs revision" },
  "notification.report_needs_revision.body": {
    vi: "Nhiệm vụ {{code}} – {{title}}: báo cáo tiến độ kỳ {{sequence}} cần bổ sung: {{comment}}",
    en: "Task {{code}} – {{title}}: progress report {{sequence}} needs revision: {{comment}}",
  },
  "notification.inspection_planned.title": { vi: "Lịch kiểm tra định kỳ", en: "Inspection planned" },
  "notification.inspection_planned.body": {
    vi: "Nhiệm vụ {{code}} – {{title}} sẽ được kiểm tra ngày {{plannedOn}}",
    en: "Task {{code}} – {{title}} will be inspected on {{plannedOn}}",
  },
  "notification.inspection_concluded.title": { vi: "Kết luận kiểm tra", en: "Inspection concluded" },
  "notification.inspection_concluded.body": {
    vi: "Nhiệm vụ {{code}} – {{title}}: đã có kết luận kiểm tra ngày {{inspectedOn}}",
    en: "Task {{code}} – {{title}}: the inspection of {{inspectedOn}} has been concluded",
  },
  // ─── end monitoring ───
  // ─── official documents (.docx) ───
  "document.council_minutes_not_concluded": {
    vi: "Biên bản họp chỉ có sau khi hội đồng kết thúc phiên họp và có kết quả",
    en: "The minutes exist only after the council has concluded with a result",
  },
  "register.already_issued": {
    vi: "Văn bản này đã được cấp số {{symbol}} ngày {{issuedOn}}",
    en: "This document was already issued as {{symbol}} on {{issuedOn}}",
  },
  "register.not_ready": {
    vi: "Chưa thể cấp số: văn bản chưa có đủ nội dung để ban hành",
    en: "Cannot issue yet: the document does not have what it needs to be issued",
  },
  "document.council_cancelled": {
    vi: "Hội đồng đã bị huỷ, không có quyết định thành lập",
    en: "The council was cancelled: there is no establishment decision",
  },
  "document.task_not_approved": {
    vi: "Nhiệm vụ chưa được phê duyệt: chưa có quyết định phê duyệt",
    en: "The task has not been approved yet: there is no approval decision",
  },
  "document.task_not_registered": {
    vi: "Kết quả nhiệm vụ chưa được đăng ký: chưa có giấy chứng nhận",
    en: "The task's result has not been registered yet: there is no certificate",
  },
  "document.contract_terms_incomplete": {
    vi: "Hợp đồng chưa đủ thông tin để lập văn bản: {{missing}}",
    en: "The contract lacks what the document needs: {{missing}}",
  },
  // ─── end official documents ───
  // ─── task results: internal acceptance, result summary, application reports ───
  "result.internal.wrong_state": {
    vi: "Chỉ ghi nhận nghiệm thu cơ sở khi nhiệm vụ đang ở bước nghiệm thu cơ sở",
    en: "The internal acceptance is recorded only while the task is at the internal acceptance step",
  },
  "result.summary.wrong_state": {
    vi: "Tóm tắt kết quả chỉ được soạn từ bước nghiệm thu cơ sở trở đi",
    en: "The result summary is written from the internal acceptance step onwards",
  },
  "result.application.wrong_state": {
    vi: "Báo cáo ứng dụng chỉ được nộp sau khi kết quả đã được đăng ký",
    en: "Application reports are filed only after the result is registered",
  },
  "result.application.locked": {
    vi: "Báo cáo ứng dụng đã được chấp nhận, không sửa được nữa",
    en: "The application report was accepted and can no longer be changed",
  },
  "result.application.effect_required": {
    vi: "Cần nêu hiệu quả kinh tế hoặc hiệu quả xã hội",
    en: "State the economic or the social effect",
  },
  "result.document.unknown": {
    vi: "Tài liệu không thuộc nhiệm vụ này",
    en: "The document does not belong to this task",
  },
  "result.version_required": {
    vi: "Bản ghi đã có: cần gửi phiên bản đang sửa",
    en: "The record exists: send the version you are editing",
  },
  // ─── end task results ───
  // ─── funding plans ───
  "fundingPlan.scenario_years": {
    vi: "Kịch bản phải có số liệu đầu vào cho đúng các năm {{years}}, mỗi năm một dòng",
    en: "A scenario needs inputs for exactly the years {{years}}, one row per year",
  },
  "fundingPlan.name_taken": { vi: "Đã có phiên bản kế hoạch mang tên này", en: "A plan version with this name already exists" },
  "fundingPlan.based_on_unknown": { vi: "Không có phiên bản kế hoạch được chọn làm gốc", en: "The version to start from does not exist" },
  "fundingPlan.actual_year_taken": {
    vi: "Đã có số liệu thực hiện của năm {{year}}: hãy sửa bản ghi đó",
    en: "Actual allocations for {{year}} already exist: edit that record",
  },
  "fundingPlan.file": { vi: "Khai toan kinh phi KHCN", en: "S&T funding plan" },
  "fundingPlan.sheet.table": { vi: "Bảng khái toán (mô hình)", en: "Funding plan (model)" },
  "fundingPlan.sheet.inputs": { vi: "Số liệu đầu vào (mô hình)", en: "Inputs (model)" },
  "fundingPlan.sheet.checks": { vi: "Kiểm tra bản in", en: "Checks of the print" },
  "fundingPlan.sheet.printed": { vi: "Bảng như bản in", en: "Table as printed" },
  "fundingPlan.col.row": { vi: "Năm", en: "Year" },
  "fundingPlan.col.column": { vi: "Cột", en: "Column" },
  "fundingPlan.col.printedText": { vi: "Bản in (nguyên văn)", en: "Printed (verbatim)" },
  "fundingPlan.col.decimals": { vi: "Số chữ số thập phân in", en: "Printed decimals" },
  "fundingPlan.col.recomputed": { vi: "Tính lại (mô hình)", en: "Recomputed (model)" },
  "fundingPlan.col.arithmetic": { vi: "Phép tính", en: "Arithmetic" },
  "fundingPlan.col.sourceLine": { vi: "Dòng trong Đề án", en: "Plan line" },
  "fundingPlan.col.baseline": { vi: "Phương án gốc (mô hình)", en: "Baseline (model)" },
  "fundingPlan.col.delta": { vi: "Chênh so với gốc", en: "Change from baseline" },
  "fundingPlan.col.number": { vi: "Số", en: "No." },
  "fundingPlan.col.class": { vi: "Kết luận", en: "Finding" },
  "fundingPlan.col.relation": { vi: "Quan hệ kiểm tra", en: "Relation checked" },
  "fundingPlan.col.explanation": { vi: "Giải thích", en: "Explanation" },
  "fundingPlan.col.computed": { vi: "Tính từ số in", en: "Computed from the print" },
  "fundingPlan.col.printedValue": { vi: "Số in", en: "Printed figure" },
  "fundingPlan.col.difference": { vi: "Chênh lệch (in − tính)", en: "Difference (printed − computed)" },
  "fundingPlan.col.rangeLow": { vi: "Khoảng tính được: từ", en: "Computed range: from" },
  "fundingPlan.col.rangeHigh": { vi: "Khoảng tính được: đến", en: "Computed range: to" },
  "fundingPlan.col.widenedLow": { vi: "Khi số nguyên ±0,5: từ", en: "With whole numbers ±0.5: from" },
  "fundingPlan.col.widenedHigh": { vi: "Khi số nguyên ±0,5: đến", en: "With whole numbers ±0.5: to" },
  "fundingPlan.col.gap": { vi: "Lệch ngoài mọi sai số làm tròn", en: "Gap beyond any rounding" },
  "fundingPlan.col.lines": { vi: "Dòng các số trong Đề án", en: "Plan lines of the figures" },
  "fundingPlan.col.worst": { vi: "Kết luận xấu nhất của các phép kiểm tra", en: "Worst finding of its checks" },
  "fundingPlan.col.checks": { vi: "Các phép kiểm tra (số)", en: "Checks (numbers)" },
  "fundingPlan.col.errors": { vi: "Lỗi (số)", en: "Errors (numbers)" },
  "fundingPlan.class.exact": { vi: "Khớp đúng", en: "Exact" },
  "fundingPlan.class.rounded": { vi: "Bằng nhau sau khi làm tròn", en: "Equal after rounding" },
  "fundingPlan.class.decimals": { vi: "Giải thích được bằng làm tròn phần thập phân", en: "Explained by rounding of the printed decimals" },
  "fundingPlan.class.wholes": { vi: "Chỉ giải thích được nếu số nguyên cũng đã làm tròn", en: "Explained only if the whole numbers were rounded" },
  "fundingPlan.class.inconsistent": { vi: "Lỗi: không khớp ngoài mọi sai số làm tròn", en: "Error: inconsistent beyond any rounding" },
  "fundingPlan.col.gdp": { vi: "GRDP (tỷ đồng)", en: "GDP (billion VND)" },
  "fundingPlan.col.citySpending": { vi: "Chi ngân sách TP (tỷ đồng)", en: "City budget spending (billion VND)" },
  "fundingPlan.col.socialShare": { vi: "Đầu tư xã hội cho KH&CN (% GRDP)", en: "Social S&T investment (% of GDP)" },
  "fundingPlan.col.cityShare": { vi: "Ngân sách TP cho KH&CN (% chi)", en: "City S&T budget (% of spending)" },
  "fundingPlan.col.recurrentShare": { vi: "Tỷ lệ sự nghiệp (%)", en: "Recurrent share (%)" },
  "fundingPlan.col.basis": { vi: "Cách có số liệu", en: "Basis" },
  "fundingPlan.implied": { vi: "Suy ra từ bảng in: {{arithmetic}}", en: "Implied from the printed table: {{arithmetic}}" },
  "fundingPlan.entered": { vi: "Nhập trong kịch bản", en: "Entered in the scenario" },
  // ─── end funding plans ───
  // ─── statistics ───
  "statistics.form.unknown": { vi: "Không có biểu mẫu thống kê «{{key}}».", en: "There is no statistical form “{{key}}”." },
  "statistics.period.dates": { vi: "Hạn nộp phải sau ngày chốt số liệu.", en: "The deadline must come after the reference date." },
  "statistics.period.not_draft": {
    vi: "Chỉ sửa danh sách biểu mẫu của kỳ báo cáo khi kỳ còn ở trạng thái nháp.",
    en: "The forms of a period can be changed only while it is a draft.",
  },
  "statistics.period.forms_in_use": {
    vi: "Có báo cáo đã được giao theo biểu mẫu này: không bỏ được biểu mẫu khỏi kỳ.",
    en: "Reports have been assigned on this form: it cannot be removed from the period.",
  },
  "statistics.period.not_open": {
    vi: "Kỳ báo cáo chưa mở hoặc đã đóng: không thể sửa hay nộp báo cáo.",
    en: "The reporting period is not open: reports cannot be edited or submitted.",
  },
  "statistics.period.form_not_included": { vi: "Biểu mẫu «{{key}}» không thuộc kỳ báo cáo này.", en: "Form “{{key}}” is not part of this reporting period." },
  "statistics.assign.unknown_organisation": {
    vi: "Có tổ chức không tồn tại trong danh sách giao báo cáo.",
    en: "An organisation in the assignment list does not exist.",
  },
  "statistics.report.locked": {
    vi: "Báo cáo đã được phê duyệt và bị khoá. Chỉ lãnh đạo hoặc quản trị mới huỷ phê duyệt (kèm lý do).",
    en: "The report is approved and locked. Only a leader or an administrator can withdraw the approval (with a reason).",
  },
  "statistics.report.has_errors": {
    vi: "Báo cáo còn {{count}} lỗi: hãy sửa trước khi nộp.",
    en: "The report has {{count}} errors: fix them before submitting.",
  },
  "statistics.report.not_removable": { vi: "Chỉ gỡ được báo cáo chưa nhập số liệu.", en: "Only reports with no data yet can be removed." },
  "statistics.report.unreadable": {
    vi: "{{count}} ô số có nội dung không phải là số; chưa lưu gì. Hãy sửa các ô đó (ô để trống là chưa báo cáo).",
    en: "{{count}} numeric cells hold something that is not a number; nothing was saved. Correct them (an empty cell is not reported).",
  },
  "statistics.import.invalid": {
    vi: "Tệp có {{count}} ô không hợp lệ; chưa nhập dữ liệu nào.",
    en: "The file has {{count}} invalid cells; nothing was imported.",
  },
  "statistics.import.too_many_rows": {
    vi: "Trang tính của biểu có hơn {{max}} dòng, giới hạn của một biểu báo cáo. Hãy dùng mẫu tải từ báo cáo này.",
    en: "The form's sheet has more than {{max}} rows, the limit for a report form. Use the template downloaded from this report.",
  },
  "statistics.import.wrong_form": {
    vi: "Tệp không phải mẫu của biểu {{code}} (ô A2 phải ghi mã biểu và phiên bản {{version}}). Hãy tải mẫu từ báo cáo này.",
    en: "The file is not the template of form {{code}} (cell A2 must hold the form code and version {{version}}). Download the template from this report.",
  },
  "statistics.xlsx.title": { vi: "Tổng hợp", en: "Consolidated" },
  "statistics.xlsx.form": { vi: "Biểu", en: "Form" },
  "statistics.xlsx.unit": { vi: "Đơn vị báo cáo", en: "Reporting unit" },
  "statistics.xlsx.receiver": { vi: "Đơn vị nhận báo cáo", en: "Receiving unit" },
  "statistics.xlsx.city": { vi: "Sở Khoa học và Công nghệ (tổng hợp toàn thành phố)", en: "Department of Science and Technology (city aggregate)" },
  "statistics.xlsx.period": { vi: "Kỳ báo cáo", en: "Reporting period" },
  "statistics.xlsx.referenceDate": { vi: "Thời điểm chốt số liệu", en: "Reference date" },
  "statistics.xlsx.approved": {
    vi: "Số báo cáo đã phê duyệt được tổng hợp: {{approved}} / {{assigned}}",
    en: "Approved reports consolidated: {{approved}} / {{assigned}}",
  },
  "statistics.xlsx.unitOf": { vi: "Đơn vị tính: {{unit}}", en: "Unit: {{unit}}" },
  "statistics.xlsx.item": { vi: "Chỉ tiêu", en: "Item" },
  "statistics.xlsx.value": { vi: "Giá trị", en: "Value" },
  "statistics.xlsx.key": { vi: "Mã ô", en: "Cell key" },
  "statistics.xlsx.count": { vi: "Số đơn vị", en: "Units" },
  "statistics.xlsx.templateHint": {
    vi: "Điền số liệu vào các ô trắng; không sửa cột «Mã ô», dòng và cột tiêu đề.",
    en: "Fill the white cells; do not change the “Cell key” column or the header rows and columns.",
  },
  "statistics.xlsx.exportedAt": { vi: "Xuất lúc {{at}}", en: "Exported at {{at}}" },
  // ─── end statistics ───
  // ─── indicators ───
  "indicator.computation_unknown": {
    vi: 'Không có phép tính "{{name}}". Chọn một phép tính trong danh sách.',
    en: 'There is no computation "{{name}}". Choose one from the list.',
  },
  "indicator.computation_required": {
    vi: "Chỉ tiêu tính tự động cần chọn phép tính",
    en: "A computed indicator needs a computation",
  },
  "indicator.consolidation_required": {
    vi: "Chỉ tiêu tổng hợp từ báo cáo thống kê cần mã biểu và mã ô",
    en: "An indicator consolidated from statistical reports needs a form code and a cell key",
  },
  "indicator.already_published": { vi: "Chỉ tiêu đã được công bố", en: "The indicator is already published" },
  "indicator.not_published": { vi: "Chỉ tiêu chưa được công bố", en: "The indicator is not published" },
  "indicator.value_not_found": { vi: "Chưa có giá trị của năm {{year}}", en: "There is no value for {{year}}" },
  "indicator.value_exists": {
    vi: "Năm {{year}} đã có giá trị: hãy tải lại và sửa giá trị đó",
    en: "{{year}} already has a value: reload and edit it",
  },
  "series.not_found": { vi: 'Không có chuỗi số liệu "{{key}}"', en: 'There is no series "{{key}}"' },
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
