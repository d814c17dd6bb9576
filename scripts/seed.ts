// npm run seed -- [--scale N] [--people N] [--organisations N] [--laboratories N] [--seed TEXT] [--reset]
// Loads the deterministic demo data (src/server/demo) into the configured database: DATABASE_URL, or the embedded one
// in DATA_DIR (stop the application first: the embedded database has a single owner, DATA_DIR/khcn.lock). An empty
// folder or an empty database is prepared first exactly as start-up prepares it (startup.ts prepareDatabase:
// migrations, configuration data), under the start-up lock; the demo data goes in in one transaction.
// --scale N multiplies people (1,500), organisations (150) and laboratories (20); scale 67 ≈ 100,000 people.
// The database must be empty; --reset first DROPS EVERYTHING in it (schema public) and prepares it again.
import { parseArgs } from "node:util";
import { loadConfig } from "../src/server/config.js";
// BackupError: the maintenance commands' bilingual error (message in Vietnamese and English).
import { openForMaintenance, BackupError } from "../src/server/db/backup.js";
import { prepareDatabase } from "../src/server/startup.js";
import { systemClock } from "../src/server/platform/clock.js";

const usage = "Cách dùng / usage: npm run seed -- [--scale N] [--people N] [--organisations N] [--laboratories N] [--seed TEXT] [--reset]";

let args;
try {
  args = parseArgs({
    options: {
      scale: { type: "string" },
      people: { type: "string" },
      organisations: { type: "string" },
      laboratories: { type: "string" },
      seed: { type: "string" },
      reset: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const count = (name: string, v: string | undefined, min: number) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) {
    console.error(`--${name} phải là số ≥ ${min} / must be a number ≥ ${min}: "${v}"\n${usage}`);
    process.exit(2);
  }
  return n;
};
const scale = count("scale", args.scale, 0.001) ?? 1;
const people = count("people", args.people, 2);
const organisations = count("organisations", args.organisations, 150);
const laboratories = count("laboratories", args.laboratories, 0);

const config = loadConfig();
try {
  const database = await openForMaintenance(config, { mustExist: false });
  try {
    if (args.reset) console.log(`Xóa toàn bộ dữ liệu / dropping all data (${database.mode}) …`);
    const started = performance.now();
    const now = systemClock.now();
    const prepared = await prepareDatabase(database, {
      reset: args.reset,
      now,
      demo: { scale, people, organisations, laboratories, seed: args.seed, now },
    });
    if (!prepared.demo) {
      throw new BackupError(
        "cơ sở dữ liệu đã có dữ liệu; thêm --reset để xóa và nạp lại.",
        "the database is not empty; add --reset to wipe it and seed again.",
      );
    }
    console.log(
      `Đã nạp dữ liệu mẫu / demo data loaded (${database.mode}, migration ${prepared.migration}) in ${((performance.now() - started) / 1000).toFixed(1)} s:`,
    );
    for (const [k, v] of Object.entries(prepared.demo)) console.log(`  ${k.padEnd(14)} ${String(v).padStart(9)}`);
    console.log("  Tài khoản / accounts: admin, officer, finance, leader, expert, pi, org_rep, enterprise — mật khẩu / password: khcn-demo");
  } finally {
    await database.close();
  }
} catch (err) {
  if (!(err instanceof BackupError)) throw err;
  console.error(`Lỗi: ${err.vi}\nError: ${err.message}`);
  process.exitCode = 1;
}
