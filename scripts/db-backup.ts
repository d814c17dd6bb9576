// npm run db:backup -- [FILE]
// Dumps the configured database (DATABASE_URL, or the embedded one in DATA_DIR) to FILE, a gzip'd NDJSON file with
// per-table row counts and checksums (format: src/server/db/backup.ts). With the embedded database, stop the
// application first: the embedded database has a single owner (DATA_DIR/khcn.lock).
import { loadConfig } from "../src/server/config.js";
import { backupDatabase, BackupError, openForMaintenance, summaryLines } from "../src/server/db/backup.js";

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
if (files.length > 1 || args.some((a) => a.startsWith("--"))) {
  console.error("Cách dùng / usage: npm run db:backup -- [FILE]");
  process.exit(2);
}
const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
const file = files[0] ?? `khcn-backup-${stamp}.ndjson.gz`;

const config = loadConfig();
try {
  const database = await openForMaintenance(config, { mustExist: true });
  try {
    const summary = await backupDatabase(database.pool, file, { source: database.mode });
    console.log(`Đã sao lưu / backed up (${database.mode}, migration ${summary.migration}) → ${summary.file}`);
    for (const line of summaryLines(summary)) console.log(line);
  } finally {
    await database.close();
  }
} catch (err) {
  if (!(err instanceof BackupError)) throw err;
  console.error(`Lỗi: ${err.vi}\nError: ${err.message}`);
  process.exit(1);
}
