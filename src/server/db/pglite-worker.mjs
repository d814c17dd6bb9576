// Embedded PostgreSQL (PGlite, WASM) served over the PostgreSQL wire protocol from a worker thread.
// The main thread talks to it with node-postgres like to any server, so a slow query never blocks
// the HTTP event loop. Loopback only. Plain JavaScript so it loads the same way from src/ and dist/.
//
// PGlite is a single backend. Several client connections share it through BackendQueue below, which gives the
// backend to one connection at a time for a whole unit of work:
//  - an extended-protocol batch (Parse/Bind/Describe/Execute… up to Sync) — node-postgres sends one per
//    parameterised query; interleaving another connection's messages inside it corrupts the unnamed statement and
//    portal (wrong rows, "unnamed prepared statement does not exist");
//  - a transaction (BEGIN … COMMIT/ROLLBACK): other connections wait until it ends.
// pglite-socket's own multi-connection queue only does the second, hence this replacement (same handler class).
import fs from "node:fs";
import net from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";

// Frontend message types that continue an extended-protocol batch (the backend must stay with this connection).
const BATCH_CONTINUES = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));

export class BackendQueue {
  constructor(db) {
    this.db = db;
    this.queue = [];
    this.owner = null; // connection that holds the backend, or null
    this.running = false;
  }

  enqueue(handlerId, message, onData) {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  async pump() {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const idx = this.owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.owner);
        if (idx < 0 || this.queue.length === 0) break;
        const item = this.queue.splice(idx, 1)[0];
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (chunk) => {
                bytes += chunk.length;
                item.onData(chunk);
              },
            }),
          );
          item.resolve(bytes);
        } catch (err) {
          item.reject(err);
        }
        const midBatch = BATCH_CONTINUES.has(item.message[0]);
        this.owner = midBatch || this.db.isInTransaction() ? item.handlerId : null;
      }
    } finally {
      this.running = false;
    }
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId) {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error("connection closed"));
      return false;
    });
  }

  /** A connection went away: roll back what it left open and give the backend to the others. */
  async clearTransactionIfNeeded(handlerId) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    void this.pump();
  }
}

async function main() {
  const { dataDir, maxConnections, loadDataDir } = workerData;
  // An in-memory database may start from a dump of another (tests: a migrated template instead of a fresh cluster).
  const initial = !dataDir && loadDataDir ? { loadDataDir: new Blob([fs.readFileSync(loadDataDir)]) } : {};
  const db = await PGlite.create(dataDir ?? "memory://", { extensions: { unaccent, pg_trgm }, ...initial });
  const queue = new BackendQueue(db);
  const handlers = new Set();
  const server = net.createServer((socket) => {
    if (handlers.size >= maxConnections) {
      socket.end();
      return;
    }
    const handler = new PGLiteSocketHandler({ db, queryQueue: queue, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  parentPort.postMessage({ type: "ready", port: server.address().port });
  parentPort.on("message", async (msg) => {
    if (msg?.type === "dump") {
      try {
        const dump = await db.dumpDataDir("none");
        fs.writeFileSync(msg.file, Buffer.from(await dump.arrayBuffer()));
        parentPort.postMessage({ type: "dumped" });
      } catch (err) {
        parentPort.postMessage({ type: "dump-failed", message: String(err?.stack ?? err) });
      }
      return;
    }
    if (msg?.type !== "stop") return;
    for (const h of handlers) await h.detach(true);
    await new Promise((resolve) => server.close(() => resolve()));
    await db.close();
    parentPort.postMessage({ type: "stopped" });
  });
}

main().catch((err) => parentPort.postMessage({ type: "error", message: String(err?.stack ?? err) }));
