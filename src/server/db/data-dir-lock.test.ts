import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { DataDirInUse, dataDirHolder, lockDataDir } from "./data-dir-lock.js";
import { openDatabase } from "./client.js";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "khcn-lock-"));

it("a second owner of an embedded database folder is refused while the first lives", async () => {
  const dir = tmp();
  const first = await openDatabase({ dataDir: dir, poolSize: 1 });
  try {
    expect(dataDirHolder(dir)).toBe(process.pid);
    await expect(openDatabase({ dataDir: dir, poolSize: 1 })).rejects.toBeInstanceOf(DataDirInUse);
  } finally {
    await first.close();
  }
  expect(dataDirHolder(dir)).toBeNull();
  const again = await openDatabase({ dataDir: dir, poolSize: 1 });
  await again.close();
});

it("a lock left by a process that is gone (a crash) is taken over", () => {
  const dir = tmp();
  const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
  fs.writeFileSync(path.join(dir, "khcn.lock"), dead);
  expect(dataDirHolder(dir)).toBeNull();
  const release = lockDataDir(dir);
  expect(dataDirHolder(dir)).toBe(process.pid);
  release();
  expect(fs.existsSync(path.join(dir, "khcn.lock"))).toBe(false);
});
