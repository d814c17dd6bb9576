// npm run admin:create -- --username NAME [--display-name TEXT] [--email ADDRESS] [--password-stdin] [--force]
// Creates the first administrator of an installation without demo data (src/server/modules/auth/first-admin.ts), in
// the configured database: DATABASE_URL, or the embedded one in DATA_DIR (stop the application first: the embedded
// database has a single owner, DATA_DIR/khcn.lock). An empty database is prepared first exactly as start-up prepares
// it (startup.ts prepareDatabase), so the command may run before the first start.
// The password is asked twice on the terminal without echo, or read from the first line of standard input with
// --password-stdin; the app's password rules apply. Refused while an active administrator exists, unless --force.
// The account has no second factor yet: its first sign-in walks through enrolling an authenticator app (TOTP).
import os from "node:os";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/server/config.js";
import { checkFirstAdminInput, createFirstAdministrator, FIRST_ADMIN_DISPLAY_NAME } from "../src/server/modules/auth/first-admin.js";
import { AppError } from "../src/server/platform/errors.js";
import { t } from "../src/server/platform/messages.js";
import { systemClock } from "../src/server/platform/clock.js";

/** The maintenance commands' bilingual error (message in Vietnamese and English). */
class CommandError extends Error {
  constructor(
    public readonly vi: string,
    en: string,
  ) {
    super(en);
  }
}
const viMessage = (err: Error) => (err as Error & { vi: string }).vi;

const usage = "Cách dùng / usage: npm run admin:create -- --username NAME [--display-name TEXT] [--email ADDRESS] [--password-stdin] [--force]";

function parse() {
  try {
    return parseArgs({
      options: {
        username: { type: "string" },
        "display-name": { type: "string" },
        email: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    process.exit(2);
  }
}
const args = parse();
if (args.help) {
  console.log(usage);
  process.exit(0);
}
if (!args.username) {
  console.error(`Thiếu --username / --username is required\n${usage}`);
  process.exit(2);
}

/** The first line of standard input (a password piped in). */
async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  let value = "";
  return new Promise((resolve, reject) => {
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          finish();
          resolve(value);
          return;
        }
        if (ch === "\u0003" || ch === "\u0004") {
          finish();
          reject(new CommandError("đã hủy.", "cancelled."));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdinLine();
  if (!process.stdin.isTTY) {
    throw new CommandError(
      "không có cửa sổ dòng lệnh để hỏi mật khẩu; dùng --password-stdin và đưa mật khẩu vào đầu vào chuẩn.",
      "no terminal to ask for the password; use --password-stdin and pipe the password in.",
    );
  }
  const first = await askHidden("Mật khẩu / password: ");
  const again = await askHidden("Nhập lại / again: ");
  if (first !== again) throw new CommandError("hai lần nhập mật khẩu không khớp.", "the two passwords differ.");
  return first;
}

const config = loadConfig();
try {
  const input = {
    username: args.username,
    password: await readPassword(args["password-stdin"]),
    displayName: args["display-name"] ?? FIRST_ADMIN_DISPLAY_NAME,
    email: args.email ?? null,
    force: args.force,
  };
  checkFirstAdminInput(input); // before the database is opened and prepared: a weak password is refused at once
  // The database side is loaded only now (the whole application's modules, through start-up).
  const { openForMaintenance } = await import("../src/server/db/backup.js");
  const { prepareDatabase } = await import("../src/server/startup.js");
  const database = await openForMaintenance(config, { mustExist: false });
  try {
    await prepareDatabase(database, { now: systemClock.now() });
    const created = await createFirstAdministrator(database.db, input, {
      now: systemClock.now(),
      operator: `${os.userInfo().username}@${os.hostname()}`,
    });
    const where = config.publicUrl ?? `http://localhost:${config.port}`;
    console.log(
      [
        `Đã tạo quản trị viên “${created.username}” (${database.mode}). / Administrator “${created.username}” created (${database.mode}).`,
        ...(created.existingAdmins.length ? [`  Quản trị viên khác đang hoạt động / other active administrators: ${created.existingAdmins.join(", ")}`] : []),
        `Tiếp theo: đăng nhập tại ${where} với tên này; lần đăng nhập đầu tiên yêu cầu cài ứng dụng xác thực (TOTP) trước mọi việc khác.`,
        `Next: sign in at ${where} with this name; the first sign-in asks you to enrol an authenticator app (TOTP) before anything else.`,
      ].join("\n"),
    );
  } finally {
    await database.close();
  }
} catch (err) {
  if (err instanceof AppError) {
    console.error(`Lỗi: ${t("vi", err.messageKey, err.params)}\nError: ${t("en", err.messageKey, err.params)}`);
    process.exitCode = 1;
  } else if (err instanceof CommandError || (err instanceof Error && err.name === "BackupError")) {
    // BackupError (db/backup.ts, e.g. an embedded folder held by a running server) has the same two messages.
    console.error(`Lỗi: ${viMessage(err)}\nError: ${err.message}`);
    process.exitCode = 1;
  } else throw err;
}
