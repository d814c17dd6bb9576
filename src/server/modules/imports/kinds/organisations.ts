// Import of the organisations registry (tổ chức KH&CN): one row per organisation; laboratories are entered on the
// organisation's page. The parent (cơ quan chủ quản) must already be registered.
import { sql, type SQL } from "drizzle-orm";
import { foldVietnamese } from "../../../../common/list.js";
import type { Ctx, Executor, Tx } from "../../../platform/context.js";
import { organisationPolicy } from "../../organisations/organisations.policy.js";
import { code, codes, email, integer, organisationRef, recordsOf, ror, taxCode, text, webAddressColumn, type ImportKind, type RowError } from "../columns.js";
import { insertOrganisations } from "../../organisations/organisations.bulk.js";

const fold = (s: unknown) => (typeof s === "string" ? foldVietnamese(s).replace(/\s+/g, " ").trim() : null);

/** The stored rows as a relation; keys are the column keys. */
const rowsOf = (rows: SQL) => sql`jsonb_to_recordset(${rows}) AS r(
  "row" int, id uuid, "nameVi" text, "nameEn" text, abbreviation text, type text, "taxCode" text, "orgIdCode" text,
  ror text, "parentId" uuid, address text, commune text, district text, governance text, fields text[], website text, email text,
  phone text, "foundedYear" int)`;

/** What the registry checks read. */
const CHECKED = { row: "int", nameVi: "text", taxCode: "text", parentId: "uuid" } as const;

export const organisationsImport: ImportKind = {
  kind: "organisations",
  title: { vi: "Tổ chức KH&CN", en: "S&T organisations" },
  canImport: (a) => !!organisationPolicy.general.import?.(a),
  columns: [
    text({ key: "nameVi", label: { vi: "Tên tổ chức", en: "Name (Vietnamese)" }, required: true, sample: "Viện Nghiên cứu Hải sản", width: 40 }, 300, 2),
    text({ key: "nameEn", label: { vi: "Tên tiếng Anh", en: "English name" }, sample: "Research Institute for Marine Fisheries", width: 36 }, 300),
    text({ key: "abbreviation", label: { vi: "Tên viết tắt", en: "Abbreviation" }, sample: "RIMF" }, 40),
    code(
      {
        key: "type",
        label: { vi: "Loại hình", en: "Type" },
        required: true,
        sample: "Tổ chức nghiên cứu và phát triển",
        width: 30,
        hint: { vi: "Mã hoặc tên trong sheet “Danh mục”", en: "A code or name from the “Danh mục” sheet" },
      },
      "org_type",
    ),
    taxCode({
      key: "taxCode",
      label: { vi: "Mã số thuế", en: "Tax code" },
      sample: "0200578541",
      hint: { vi: "10 hoặc 13 chữ số", en: "10 or 13 digits" },
    }),
    text({ key: "orgIdCode", label: { vi: "Mã định danh", en: "Organisation ID code" }, sample: "", text: true }, 40),
    ror({ key: "ror", label: { vi: "Mã ROR", en: "ROR ID" }, sample: "", hint: { vi: "Ví dụ 05a28rw58", en: "e.g. 05a28rw58" } }),
    organisationRef(
      {
        key: "parent",
        label: { vi: "Cơ quan chủ quản", en: "Parent organisation" },
        sample: "",
        width: 30,
        hint: { vi: "Mã số thuế hoặc tên chính xác của tổ chức đã có", en: "Tax code or exact name of a registered organisation" },
      },
      "parentId",
    ),
    text({ key: "address", label: { vi: "Địa chỉ", en: "Address" }, sample: "224 Lê Lai, phường Ngô Quyền, thành phố Hải Phòng", width: 36 }, 500),
    code(
      {
        key: "commune",
        label: { vi: "Xã/phường/đặc khu", en: "Commune/ward/special zone" },
        sample: "Phường Ngô Quyền",
        width: 22,
        hint: { vi: "Đơn vị hành chính cấp xã từ 01/7/2025", en: "Commune-level unit since 1 July 2025" },
      },
      "admin_unit",
    ),
    code(
      {
        key: "district",
        label: { vi: "Quận/huyện", en: "District" },
        sample: "",
        width: 20,
        hint: { vi: "Chỉ cho hồ sơ lập trước 01/7/2025 (nay là lịch sử)", en: "Only for records made before 1 July 2025 (history)" },
      },
      "district",
    ),
    code(
      {
        key: "governance",
        label: { vi: "Cấp quản lý", en: "Governance" },
        sample: "Trung ương",
        empty: "local",
        hint: { vi: "Trung ương hoặc Địa phương", en: "Central or Local" },
      },
      "governance",
    ),
    codes(
      {
        key: "fields",
        label: { vi: "Lĩnh vực KH&CN", en: "Fields of science" },
        sample: "405; 106",
        text: true,
        hint: { vi: "Các mã cách nhau bởi dấu ;", en: "Codes separated by ;" },
      },
      "field",
      30,
    ),
    webAddressColumn({ key: "website", label: { vi: "Trang web", en: "Website" }, sample: "https://rimf.org.vn" }, 300),
    email({ key: "email", label: { vi: "Thư điện tử", en: "E-mail" }, sample: "vanthu@rimf.org.vn" }),
    text({ key: "phone", label: { vi: "Điện thoại", en: "Phone" }, sample: "0225 3836 656", text: true }, 40),
    integer({ key: "foundedYear", label: { vi: "Năm thành lập", en: "Year founded" }, sample: 1961 }, 1800, 2100),
  ],
  uniqueKeys: [
    { column: "taxCode", key: (r) => (typeof r.taxCode === "string" ? r.taxCode : null) },
    { column: "nameVi", key: (r) => fold(r.nameVi) },
  ],

  checkedColumns: CHECKED,

  // Already registered: the same tax code, or the same name with accents, case and surrounding spaces ignored. Each
  // lookup is an equality probe of a btree (the tax code's unique index; organisations_name_key_idx of migration 0025
  // on the same expression as here), so a file costs a few index pages per row whatever the registry's size.
  async checkDatabase(db: Executor, rows: SQL): Promise<RowError[]> {
    const r = await db.execute<{ row: number; column: string; value: string }>(sql`
      WITH r AS MATERIALIZED (SELECT * FROM ${recordsOf(rows, CHECKED)})
      SELECT r."row", 'taxCode' AS "column", r."taxCode" AS value
        FROM r
       WHERE r."taxCode" IS NOT NULL AND EXISTS (SELECT 1 FROM organisations o WHERE o.tax_code = r."taxCode")
      UNION ALL
      SELECT r."row", 'nameVi', r."nameVi"
        FROM r
       WHERE r."nameVi" IS NOT NULL AND EXISTS (SELECT 1 FROM organisations o WHERE f_fold(btrim(o.name_vi)) = f_fold(btrim(r."nameVi")))
      UNION ALL
      SELECT r."row", 'parent', r."parentId"::text
        FROM r
       WHERE r."parentId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = r."parentId")`);
    return r.rows.map((e) => ({
      row: Number(e.row),
      column: e.column,
      value: e.value,
      key: e.column === "parent" ? "import.unknown_organisation" : "import.duplicate_in_db",
      params: { value: e.value },
    }));
  },

  /** The registry's own set-based insert (organisations.bulk.ts), in the commit's transaction. */
  insertAll: (tx: Tx, ctx: Ctx, rows: SQL) => insertOrganisations(tx, ctx, rowsOf(rows)),
};
