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
