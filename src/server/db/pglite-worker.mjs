// Embedded PostgreSQL (PGlite, WASM) served over the PostgreSQL wire protocol from a worker thread.
// The main thread talks to it with node-postgres like to any server, so a slow query never blocks
// the HTTP event loop. Loopback only. Plain JavaScript so it loads the same way from src/ and dist/.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, maxConnections } = workerData;

try {
  const db = await PGlite.create(dataDir ?? "memory://", { extensions: { unaccent, pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  parentPort.postMessage({ type: "ready", port });
  parentPort.on("message", async (msg) => {
    if (msg?.type === "stop") {
      await server.stop();
      await db.close();
      parentPort.postMessage({ type: "stopped" });
    }
  });
} catch (err) {
  parentPort.postMessage({ type: "error", message: String(err?.stack ?? err) });
}
