// The embedded database folder has one owner at a time: two processes on one PGlite folder would corrupt it.
// The owner writes its process id to DATA_DIR/khcn.lock; a lock whose process is gone (a crash) is taken over.
import fs from "node:fs";
import path from "node:path";

const lockFile = (dir: string) => path.join(dir, "khcn.lock");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process id holding the folder, or null when nobody (alive) does. */
export function dataDirHolder(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile(dir), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export class DataDirInUse extends Error {
  constructor(
    public readonly dir: string,
    public readonly pid: number,
  ) {
    super(`Thư mục cơ sở dữ liệu nhúng ${dir} đang được tiến trình ${pid} sử dụng. / ` + `The embedded database folder ${dir} is in use by process ${pid}.`);
  }
}

/** Takes the folder for this process; returns the release function. Throws DataDirInUse when another owner lives. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const holder = dataDirHolder(dir);
  if (holder !== null) throw new DataDirInUse(dir, holder);
  fs.writeFileSync(lockFile(dir), String(process.pid));
  return () => {
    try {
      if (Number(fs.readFileSync(lockFile(dir), "utf8")) === process.pid) fs.rmSync(lockFile(dir));
    } catch {
      /* already gone */
    }
  };
}
