// `npm start`: serves the web app and the API on http://localhost:$PORT (default 3000).
// - After `npm run build` (dist/server/main.js exists): runs the production build with plain Node.
// - Otherwise: runs the server from source through tsx, first building the web app into dist/web when it is missing.
// Configuration comes from the environment (README, "Configuration"); this script only picks what to run.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const builtServer = path.join(root, "dist/server/main.js");
const webIndex = path.join(root, "dist/web/index.html");

/** Newest modification time of the files under the given folders (0 when none). */
function newest(...dirs) {
  let max = 0;
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) max = Math.max(max, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return max;
}

function warnIfStale(output, sources, command) {
  if (newest(...sources.map((s) => path.join(root, s))) > fs.statSync(output).mtimeMs)
    console.warn(`[start] ${path.relative(root, output)} is older than ${sources.join(", ")}: run \`${command}\` to refresh it.`);
}

function buildWeb() {
  const require = createRequire(import.meta.url);
  const vitePackage = require.resolve("vite/package.json");
  const viteBin = path.join(path.dirname(vitePackage), require(vitePackage).bin.vite);
  console.log("[start] Building the web app into dist/web (first start) …");
  const r = spawnSync(process.execPath, [viteBin, "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error("[start] The web app build failed (see above).");
    process.exit(r.status ?? 1);
  }
}

if (fs.existsSync(builtServer)) {
  console.log("[start] Serving the production build (dist/).");
  warnIfStale(builtServer, ["src/server", "src/common"], "npm run build");
  if (fs.existsSync(webIndex)) warnIfStale(webIndex, ["src/web", "src/common"], "npm run build");
  else console.warn("[start] dist/web is missing: the web app is not served. Run `npm run build`.");
  await import(pathToFileURL(builtServer).href);
} else {
  if (!fs.existsSync(webIndex)) {
    if (fs.existsSync(path.join(root, "vite.config.ts"))) buildWeb();
    else console.warn("[start] No web app to build (no vite.config.ts): serving the API only.");
  } else warnIfStale(webIndex, ["src/web", "src/common"], "npx vite build");
  console.log("[start] Serving from source (src/, through tsx).");
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(root, "src/server/main.ts")).href);
}
