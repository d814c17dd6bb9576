// Import of historical task records (nhiệm vụ KH&CN đã thực hiện trước khi có nền tảng): one row per task, which
// becomes a task with origin 'historical' in its final state (accepted, registered, liquidated or terminated).
// Process version: these tasks follow baseline-2013 at its EARLIEST stored version. Their years (1996 onwards) predate
// that template's effective date (2014-01-01), so no version was "in force" when they started; the earliest version is
// the closest description of the process they went through, and it never changes once stored.
// The lead organisation must already be registered (tax code or exact name); the principal investigator is linked
// to the people registry only when exactly one person has that full name, otherwise the task has none.
import { sql, type SQL } from "drizzle-orm";
import { foldVietnamese } from "../../../../common/list.js";
import { hasRole, type Ctx, type Executor, type Tx } from "../../../platform/context.js";
import {
  code,
  integer,
  normaliseHeader,
  organisationRef,
  recordsOf,
  text,
  type ImportColumn,
  type ImportKind,
  type Parsed,
  type RowError,
} from "../columns.js";
import { STAFF_ROLES } from "../../../../common/roles.js";
import { insertHistoricalTasks } from "../../tasks/tasks.bulk.js";

export const HISTORICAL_TEMPLATE_KEY = "baseline-2013";

type ColumnBase = Omit<ImportColumn, "parse" | "codeList" | "organisationRef">;

/** One of a fixed set of values, named by its key or any of its Vietnamese/English names. */
const choice = (c: ColumnBase, options: Record<string, string[]>): ImportColumn => {
  const byAlias = new Map<string, string>();
  for (const [value, aliases] of Object.entries(options)) for (const a of [value, ...aliases]) byAlias.set(normaliseHeader(a), value);
  return {
    ...c,
    parse: (raw): Parsed => {
      const found = byAlias.get(normaliseHeader(raw));
      return found ? { ok: true, value: found } : { ok: false, key: "import.invalid_code", params: { value: raw } };
    },
  };
};

const rowsOf = (rows: SQL) => sql`jsonb_to_recordset(${rows}) AS r(
  "row" int, id uuid, code text, "titleVi" text, "taskType" text, level text, field text, sector text, "startYear" int,
  "endYear" int, "leadOrganisationId" uuid, "piName" text, "budgetCity" bigint, "budgetOther" bigint, "resultGrade" text,
  "finalState" text)`;

/** What the registry checks read. */
const CHECKED = { row: "int", code: "text", leadOrganisationId: "uuid", finalState: "text" } as const;

const MAX_MONEY = 1_000_000_000_000_000;

export const historicalTasksImport: ImportKind = {
  kind: "historical-tasks",
  title: { vi: "Nhiệm vụ KH&CN đã thực hiện", en: "Historical S&T tasks" },
  canImport: (a) => hasRole(a, ...STAFF_ROLES),
  columns: [
    text({ key: "code", label: { vi: "Mã nhiệm vụ", en: "Task code" }, required: true, sample: "ĐT.2005.12", width: 16, text: true }, 40),
    text(
      { key: "titleVi", label: { vi: "Tên nhiệm vụ", en: "Title" }, required: true, sample: "Nghiên cứu chọn tạo giống lúa lai hai dòng", width: 48 },
      500,
      3,
    ),
    choice(
      {
        key: "taskType",
        label: { vi: "Loại nhiệm vụ", en: "Task type" },
        required: true,
        sample: "Đề tài",
        width: 18,
        hint: {
          vi: "Đề tài, Dự án SXTN, Dự án KH&CN, Đề án, Hợp tác quốc tế, Cơ sở",
          en: "Research project, Pilot production project, S&T project, Scheme, International cooperation, Grassroots",
        },
      },
      {
        de_tai: ["Đề tài", "Research project"],
        du_an_sxtn: ["Dự án SXTN", "Dự án sản xuất thử nghiệm", "Pilot production project"],
        du_an_khcn: ["Dự án KH&CN", "Dự án khoa học và công nghệ", "S&T project"],
        de_an: ["Đề án", "Scheme"],
        htqt: ["Hợp tác quốc tế", "Nhiệm vụ hợp tác quốc tế", "International cooperation"],
        co_so: ["Cơ sở", "Cấp cơ sở", "Grassroots"],
      },
    ),
    choice(
      {
        key: "level",
        label: { vi: "Cấp quản lý", en: "Level" },
        sample: "Thành phố",
        empty: "city",
        hint: { vi: "Thành phố, Bộ, Quốc gia hoặc Cơ sở (trống: Thành phố)", en: "City, Ministry, National or Grassroots (empty: City)" },
      },
      {
        city: ["Thành phố", "Cấp thành phố", "City"],
        ministry: ["Bộ", "Cấp bộ", "Ministry"],
        national: ["Quốc gia", "Cấp quốc gia", "National"],
        grassroots: ["Cơ sở", "Cấp cơ sở", "Grassroots"],
      },
    ),
    code(
      {
        key: "field",
        label: { vi: "Lĩnh vực KH&CN", en: "Field of science" },
        sample: "401",
        text: true,
        hint: { vi: "Mã cấp 1 hoặc cấp 2", en: "Level 1 or 2 code" },
      },
      "field",
    ),
    code(
      {
        key: "sector",
        label: { vi: "Lĩnh vực quản lý", en: "Sector" },
        sample: "NN",
        hint: { vi: "Mã hoặc tên trong sheet “Danh mục”", en: "A code or name from the “Danh mục” sheet" },
      },
      "sector",
    ),
    integer({ key: "startYear", label: { vi: "Năm bắt đầu", en: "Start year" }, required: true, sample: 2005 }, 1990, 2100),
    integer({ key: "endYear", label: { vi: "Năm kết thúc", en: "End year" }, sample: 2007 }, 1990, 2100),
    organisationRef(
      {
        key: "leadOrganisation",
        label: { vi: "Tổ chức chủ trì", en: "Lead organisation" },
        required: true,
        sample: "",
        width: 36,
        hint: { vi: "Mã số thuế hoặc tên chính xác của tổ chức đã có", en: "Tax code or exact name of a registered organisation" },
      },
      "leadOrganisationId",
    ),
    text(
      {
        key: "piName",
        label: { vi: "Chủ nhiệm nhiệm vụ", en: "Principal investigator" },
        sample: "",
        width: 26,
        hint: {
          vi: "Họ và tên; gắn với hồ sơ nhân lực khi trùng đúng một người",
          en: "Full name; linked to the people registry when exactly one person matches",
        },
      },
      200,
      2,
    ),
    integer({ key: "budgetCity", label: { vi: "Kinh phí ngân sách thành phố (đồng)", en: "City budget (VND)" }, sample: 450000000, width: 22 }, 0, MAX_MONEY),
    integer({ key: "budgetOther", label: { vi: "Kinh phí nguồn khác (đồng)", en: "Other sources (VND)" }, sample: 0, width: 22 }, 0, MAX_MONEY),
    choice(
      {
        key: "resultGrade",
        label: { vi: "Kết quả nghiệm thu", en: "Result grade" },
        sample: "Đạt",
        hint: { vi: "Xuất sắc, Đạt hoặc Không đạt", en: "Excellent, Pass or Fail" },
      },
      { excellent: ["Xuất sắc", "Excellent"], pass: ["Đạt", "Pass", "Passed"], fail: ["Không đạt", "Fail", "Failed"] },
    ),
    choice(
      {
        key: "finalState",
        label: { vi: "Trạng thái cuối", en: "Final state" },
        required: true,
        sample: "Đã nghiệm thu",
        width: 18,
        hint: { vi: "Đã nghiệm thu, Đã đăng ký, Đã thanh lý hoặc Đã chấm dứt", en: "Accepted, Registered, Liquidated or Terminated" },
      },
      {
        accepted: ["Đã nghiệm thu", "Nghiệm thu", "Accepted"],
        registered: ["Đã đăng ký", "Đăng ký kết quả", "Registered"],
        liquidated: ["Đã thanh lý", "Thanh lý", "Liquidated"],
        terminated: ["Đã chấm dứt", "Chấm dứt", "Terminated"],
      },
    ),
  ],
  uniqueKeys: [{ column: "code", key: (r) => (typeof r.code === "string" ? foldVietnamese(r.code).replace(/\s+/g, "") : null) }],

  checkRow: (r) =>
    typeof r.startYear === "number" && typeof r.endYear === "number" && r.endYear < r.startYear ? [{ column: "endYear", key: "import.year_before_start" }] : [],

  checkedColumns: CHECKED,
  async checkDatabase(db: Executor, rows: SQL): Promise<RowError[]> {
    const r = await db.execute<{ row: number; column: string; value: string }>(sql`
      WITH r AS MATERIALIZED (SELECT * FROM ${recordsOf(rows, CHECKED)})
      SELECT r."row", 'code' AS "column", r.code AS value
        FROM r
       WHERE r.code IS NOT NULL AND EXISTS (SELECT 1 FROM tasks t WHERE t.code = r.code)
      UNION ALL
      SELECT r."row", 'leadOrganisation', r."leadOrganisationId"::text
        FROM r
       WHERE r."leadOrganisationId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = r."leadOrganisationId")
      UNION ALL
      SELECT r."row", 'finalState', r."finalState"
        FROM r
       WHERE r."finalState" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM process_template_versions v WHERE v.template_key = ${HISTORICAL_TEMPLATE_KEY})`);
    return r.rows.map((e) => ({
      row: Number(e.row),
      column: e.column,
      value: e.value,
      key:
        e.column === "code" ? "import.task_code_taken" : e.column === "leadOrganisation" ? "import.unknown_organisation" : "import.historical_template_missing",
      params: { value: e.value },
    }));
  },

  /** The tasks module's own set-based insert (tasks.bulk.ts), in the commit's transaction. */
  insertAll: (tx: Tx, ctx: Ctx, rows: SQL) => insertHistoricalTasks(tx, ctx, rowsOf(rows), HISTORICAL_TEMPLATE_KEY),
};
