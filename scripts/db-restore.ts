// npm run db:restore -- FILE
// Restores a backup made by `npm run db:backup` into an EMPTY database (DATABASE_URL, or the embedded one in
// DATA_DIR: use a new folder): applies the migrations, loads every table in one transaction, resets sequences,
// verifies row counts, checksums and the audit chain, then applies any newer migrations. Nothing is written unless
// everything matches. With the embedded database the application must be stopped (DATA_DIR/khcn.lock).
import { loadConfig } from "../src/server/config.js";
import { BackupError, openForMaintenance, restoreDatabase, summaryLines } from "../src/server/db/backup.js";

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
if (files.length !== 1 || args.some((a) => a.startsWith("--"))) {
  console.error("Cách dùng / usage: npm run db:restore -- FILE");
  process.exit(2);
}

const config = loadConfig();
try {
  const database = await openForMaintenance(config, { mustExist: false });
  try {
    const summary = await restoreDatabase(database.pool, files[0]);
    const where = database.mode === "embedded" ? config.dataDir : "DATABASE_URL";
    console.log(`Đã khôi phục và kiểm tra / restored and verified (${database.mode}: ${where}, migration ${summary.migratedTo})`);
    for (const line of summaryLines(summary)) console.log(line);
  } finally {
    await database.close();
  }
} catch (err) {
  if (!(err instanceof BackupError)) throw err;
  console.error(`Lỗi: ${err.vi}\nError: ${err.message}`);
  process.exit(1);
}
