// Import of the people registry (nhân lực KH&CN): one row per person. The working unit (đơn vị công tác) must already
// be registered; it becomes the person's primary organisation and an affiliation with the given position.
import { sql, type SQL } from "drizzle-orm";
import { foldVietnamese } from "../../../../common/list.js";
import type { Ctx, Executor, Tx } from "../../../platform/context.js";
import { personPolicy } from "../../people/people.policy.js";
import { code, codes, email, integer, orcid, organisationRef, recordsOf, text, wordList, yesNo, type ImportKind, type RowError } from "../columns.js";
import { insertPeopleWithAffiliations } from "../../people/people.bulk.js";

const fold = (s: unknown) => (typeof s === "string" ? foldVietnamese(s).replace(/\s+/g, " ").trim() : "");

const rowsOf = (rows: SQL) => sql`jsonb_to_recordset(${rows}) AS r(
  "row" int, id uuid, "fullName" text, "birthYear" int, gender text, degree text, title text, fields text[],
  keywords text[], orcid text, email text, phone text, address text, "isExpert" boolean, "organisationId" uuid,
  position text)`;

/** What the registry checks read. */
const CHECKED = { row: "int", fullName: "text", birthYear: "int", orcid: "text", organisationId: "uuid" } as const;

export const peopleImport: ImportKind = {
  kind: "people",
  title: { vi: "Nhân lực KH&CN", en: "S&T people" },
  canImport: (a) => !!personPolicy.general.import?.(a),
  columns: [
    text({ key: "fullName", label: { vi: "Họ và tên", en: "Full name" }, required: true, sample: "Nguyễn Thị Thu Hà", width: 28 }, 200, 2),
    integer({ key: "birthYear", label: { vi: "Năm sinh", en: "Birth year" }, sample: 1982 }, 1900, 2100),
    code({ key: "gender", label: { vi: "Giới tính", en: "Gender" }, sample: "Nữ", hint: { vi: "Nam, Nữ hoặc Khác", en: "Male, Female or Other" } }, "gender"),
    code(
      {
        key: "degree",
        label: { vi: "Học vị", en: "Degree" },
        sample: "TS",
        hint: { vi: "TSKH, TS, ThS, ĐH, CĐ (mã hoặc tên)", en: "TSKH, TS, ThS, DH, CD (code or name)" },
      },
      "degree",
    ),
    code({ key: "title", label: { vi: "Chức danh", en: "Academic title" }, sample: "PGS", hint: { vi: "GS hoặc PGS", en: "GS or PGS" } }, "title"),
    codes(
      {
        key: "fields",
        label: { vi: "Lĩnh vực KH&CN", en: "Fields of science" },
        sample: "102; 202",
        text: true,
        hint: { vi: "Các mã cách nhau bởi dấu ;", en: "Codes separated by ;" },
      },
      "field",
      20,
    ),
    wordList(
      { key: "keywords", label: { vi: "Từ khoá chuyên môn", en: "Expertise keywords" }, sample: "trí tuệ nhân tạo; thị giác máy tính", width: 32 },
      80,
      30,
    ),
    orcid({
      key: "orcid",
      label: { vi: "ORCID", en: "ORCID" },
      sample: "0000-0002-1825-0097",
      hint: { vi: "Dạng 0000-0000-0000-000X", en: "Like 0000-0000-0000-000X" },
    }),
    email({ key: "email", label: { vi: "Thư điện tử", en: "E-mail" }, sample: "ha.ntt@example.edu.vn" }),
    text({ key: "phone", label: { vi: "Điện thoại", en: "Phone" }, sample: "0912 345 678", text: true }, 40),
    text({ key: "address", label: { vi: "Địa chỉ liên hệ", en: "Contact address" }, sample: "", width: 30 }, 500),
    yesNo({ key: "isExpert", label: { vi: "Chuyên gia", en: "Expert" }, sample: "Có", hint: { vi: "Có hoặc Không", en: "Yes or No" } }),
    organisationRef(
      {
        key: "organisation",
        label: { vi: "Đơn vị công tác", en: "Organisation" },
        sample: "",
        width: 36,
        hint: { vi: "Mã số thuế hoặc tên chính xác của tổ chức đã có", en: "Tax code or exact name of a registered organisation" },
      },
      "organisationId",
    ),
    text(
      {
        key: "position",
        label: { vi: "Chức vụ", en: "Position" },
        sample: "",
        width: 20,
        hint: { vi: "Chức vụ tại đơn vị công tác, ví dụ Trưởng phòng", en: "Position at the organisation, e.g. Head of department" },
      },
      200,
    ),
  ],
  uniqueKeys: [
    { column: "orcid", key: (r) => (typeof r.orcid === "string" ? r.orcid : null) },
    { column: "fullName", key: (r) => `${fold(r.fullName)}|${r.birthYear ?? ""}|${r.organisationId ?? ""}` },
  ],

  // A position belongs to an affiliation: without the organisation it would be lost.
  checkRow: (r) =>
    r.position && !r.organisationId && r.organisation === null
      ? [{ column: "position", key: "import.requires_column", params: { columnKey: "organisation" } }]
      : [],

  checkedColumns: CHECKED,

  // Already registered: the same ORCID, or the same person — the same folded name (people.search_text =
  // f_fold(full_name)), the same birth year and the same primary organisation, an empty value matching an empty one.
  // Every lookup is an equality probe of a btree (migration 0025: people_name_key_idx carries the year and the
  // organisation), so a file costs a few index pages per row whatever the registry's size; the trigram index of the
  // list search made each probe scan every name sharing a trigram (quadratic).
  async checkDatabase(db: Executor, rows: SQL): Promise<RowError[]> {
    const r = await db.execute<{ row: number; column: string; value: string }>(sql`
      WITH r AS MATERIALIZED (SELECT r.*, f_fold(r."fullName") AS folded FROM ${recordsOf(rows, CHECKED)})
      SELECT r."row", 'orcid' AS "column", r.orcid AS value
        FROM r
       WHERE r.orcid IS NOT NULL AND EXISTS (SELECT 1 FROM people p WHERE p.orcid = r.orcid)
      UNION ALL
      SELECT r."row", 'fullName', r."fullName"
        FROM r
       WHERE r.folded IS NOT NULL AND EXISTS (
             SELECT 1 FROM people p
              WHERE p.search_text = r.folded
                AND p.birth_year IS NOT DISTINCT FROM r."birthYear"
                AND p.primary_organisation_id IS NOT DISTINCT FROM r."organisationId")
      UNION ALL
      SELECT r."row", 'organisation', r."organisationId"::text
        FROM r
       WHERE r."organisationId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = r."organisationId")`);
    return r.rows.map((e) => ({
      row: Number(e.row),
      column: e.column,
      value: e.value,
      key: e.column === "organisation" ? "import.unknown_organisation" : "import.duplicate_in_db",
      params: { value: e.value },
    }));
  },

  /** The registry's own set-based insert of the people and their affiliations (people.bulk.ts), in the commit's transaction. */
  insertAll: (tx: Tx, ctx: Ctx, rows: SQL) => insertPeopleWithAffiliations(tx, ctx, rowsOf(rows)),
};
