// Migration 0029 on a database that already holds process template versions: the one note holding both languages
// becomes a Vietnamese and an English note — split for the two shipped versions, kept as the Vietnamese note for a
// version an administrator added — in the columns and in the stored definitions, which still validate; the versions
// stay immutable afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client.js";
import { createScratchDatabase } from "../../db/scratch-database.js";
import { listMigrations, migrate } from "../../db/migrate.js";
import { migrationsDir } from "../../paths.js";
import { testDbMode } from "../../testing/harness.js";
import { BASELINE_2013, LAW_2025, parseProcessDefinition } from "../../../common/processes/index.js";

const BASELINE_OLD =
  "Hội đồng tuyển chọn / giao trực tiếp theo TT 20/2023/TT-BKHCN từ 27/11/2023; đợt đã thông báo trước đó theo TT 08/2017/TT-BKHCN. " +
  "Nghiệm thu cơ sở là tuỳ chọn. Selection councils follow TT 20/2023 from 27/11/2023 (calls announced earlier: TT 08/2017); internal acceptance is optional.";
const LAW_OLD =
  "(check) Chưa đối chiếu văn bản chính thức: thành phần và số thành viên hội đồng xét tài trợ / đặt hàng (NĐ 267/2025, TT 36/2025), " +
  "thủ tục khoán chi đến sản phẩm cuối cùng và quyết toán (NĐ 262/2025), điều kiện kết thúc có chấp nhận rủi ro. " +
  "(check) Not yet confirmed from the official texts: composition of the funding/ordering review council, lump-sum " +
  "settlement steps, and the conditions for closing a task with accepted research risk.";

/** A definition as versions before 0029 stored it: one `note`. */
function oldShape(def: typeof BASELINE_2013, note: string, version = def.version) {
  const { noteVi: _vi, noteEn: _en, ...rest } = def;
  return { ...rest, version, note };
}

let database: Database;
let done: () => Promise<void>;
let tmp: string;

beforeAll(async () => {
  if (testDbMode() === "server") {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    done = async () => (await database.close(), await scratch.drop());
  } else {
    database = await openDatabase({ dataDir: null, poolSize: 2 });
    done = () => database.close();
  }
  // the migrations before 0029, as a database of that time has them
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "khcn-0029-"));
  for (const m of listMigrations().filter((x) => x.id < "0029")) fs.writeFileSync(path.join(tmp, `${m.id}.sql`), m.sql);
  await migrate(database.pool, tmp);
  await database.pool.query(`INSERT INTO process_templates (key, name_vi, name_en) VALUES ($1, $2, $3), ($4, $5, $6)`, [
    BASELINE_2013.key,
    BASELINE_2013.nameVi,
    BASELINE_2013.nameEn,
    LAW_2025.key,
    LAW_2025.nameVi,
    LAW_2025.nameEn,
  ]);
  const insert = (def: ReturnType<typeof oldShape>) =>
    database.pool.query(
      `INSERT INTO process_template_versions (template_key, version, effective_from, legal_basis, note, definition, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, '2026-01-01T00:00:00Z')`,
      [def.key, def.version, def.effectiveFrom, def.legalBasis, def.note, JSON.stringify(def)],
    );
  await insert(oldShape(BASELINE_2013, BASELINE_OLD));
  await insert(oldShape(LAW_2025, LAW_OLD));
  await insert(oldShape(BASELINE_2013, "Bỏ nghiệm thu cơ sở", 2));
  await migrate(database.pool, migrationsDir);
});
afterAll(async () => {
  await done?.();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`migration 0029: a process version's note in each language (${testDbMode()})`, () => {
  it("splits the shipped versions' notes, keeps an added version's note as the Vietnamese one, in columns and definitions", async () => {
    const { rows } = await database.pool.query<{ template_key: string; version: number; note_vi: string | null; note_en: string | null; definition: object }>(
      `SELECT template_key, version, note_vi, note_en, definition FROM process_template_versions ORDER BY template_key, version`,
    );
    expect(rows.map((r) => [r.template_key, r.version, r.note_vi, r.note_en])).toEqual([
      ["baseline-2013", 1, BASELINE_2013.noteVi, BASELINE_2013.noteEn],
      ["baseline-2013", 2, "Bỏ nghiệm thu cơ sở", null],
      ["law-2025", 1, LAW_2025.noteVi, LAW_2025.noteEn],
    ]);
    for (const r of rows) {
      expect(r.definition).not.toHaveProperty("note");
      expect(r.definition).toMatchObject({ noteVi: r.note_vi, ...(r.note_en ? { noteEn: r.note_en } : {}) });
      expect(parseProcessDefinition(r.definition).ok).toBe(true);
    }
    // the shipped versions now equal the shipped definitions
    expect(rows[0].definition).toEqual(JSON.parse(JSON.stringify(BASELINE_2013)));
    expect(rows[2].definition).toEqual(JSON.parse(JSON.stringify(LAW_2025)));
  });

  it("leaves the versions immutable", async () => {
    await expect(database.pool.query(`UPDATE process_template_versions SET note_en = 'x'`)).rejects.toThrow();
  });
});
