// The demo's year is played, not written: each demo record reaches its step through the commands users run (the
// modules' service functions, with the actor the process names and the clock at the day the step happened), so its
// history, councils, contracts, payments, reports and results are what the app itself made of them.
//
// A journey is an async function that moves one record along; `story.on(day)` waits until the story's clock reaches
// that day. Journeys run as coroutines over one seeding transaction: only one of them runs at a time, and the one
// waiting for the earliest moment goes next — so the audit trail, numbers (task codes, registration codes) and
// notifications come out in the order of the days, whatever the order the journeys are written in.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import type { Actor, Ctx, Executor } from "../../platform/context.js";
import type { Db } from "../../db/client.js";
import type { Role } from "../../../common/roles.js";
import { loadConfig, type Config } from "../../config.js";
import type { Upload } from "../../platform/uploads.js";

const DAY = 86400_000;
const MINUTE = 60_000;

interface Waiter {
  at: number;
  seq: number;
  resume: () => void;
}

export class DemoStory {
  /** The story's clock: the moment of the step being played. */
  private current: number;
  private readonly waiters: Waiter[] = [];
  private running = 0;
  private seq = 0;
  private readonly actors = new Map<string, Actor>();
  private readonly config: Config;

  constructor(
    readonly tx: Executor,
    /** The seeding instant: every step happens before it. */
    readonly now: Date,
  ) {
    this.current = now.getTime() - 3650 * DAY;
    // The app's defaults, not this machine's environment: the same seed gives the same demo everywhere.
    this.config = loadConfig({});
  }

  /** The moment `days` from the seeding instant (negative: in the past), `minutes` later. */
  day(days: number, minutes = 0): Date {
    return new Date(this.now.getTime() + days * DAY - 3 * 60 * MINUTE + minutes * MINUTE);
  }

  /** The Vietnam calendar day `days` from the seeding instant, YYYY-MM-DD. */
  date(days: number): string {
    return new Date(this.day(days).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  }

  async loadActors() {
    const rows = await this.tx.execute<{ id: string; username: string; roles: Role[]; person_id: string | null; organisation_id: string | null }>(
      sql`SELECT id, username, roles, person_id, organisation_id FROM users`,
    );
    for (const r of rows.rows)
      this.actors.set(r.username, {
        userId: r.id,
        username: r.username,
        roles: r.roles,
        personId: r.person_id,
        organisationId: r.organisation_id,
        sessionId: crypto.randomUUID(),
      });
  }

  actor(username: string): Actor {
    const a = this.actors.get(username);
    if (!a) throw new Error(`demo story: no account ${username}`);
    return a;
  }

  /** A request of `username` at the story's current moment (each request one minute after the previous one). */
  as(username: string): Ctx {
    this.current += MINUTE;
    const at = new Date(Math.min(this.current, this.now.getTime() - MINUTE));
    return {
      actor: this.actor(username),
      lang: "vi",
      ip: null,
      correlationId: `demo-${crypto.randomBytes(4).toString("hex")}`,
      clock: { now: () => new Date(at) },
      config: this.config,
      // Commands open their own transaction: inside the seeding transaction it is a savepoint.
      db: this.tx as unknown as Db,
    };
  }

  /** The story's clock moves on by `minutes` (a meeting that lasts). */
  advance(minutes: number) {
    this.current += minutes * MINUTE;
  }

  /** Waits until the story reaches `days` from the seeding instant (plus `minutes`). */
  on(days: number, minutes = 0): Promise<void> {
    const at = this.day(days, minutes).getTime();
    return new Promise<void>((resume) => {
      this.waiters.push({ at, seq: this.seq++, resume });
      this.running--;
      this.next();
    });
  }

  private next() {
    if (this.running > 0 || !this.waiters.length) return;
    this.waiters.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const w = this.waiters.shift()!;
    this.current = Math.max(this.current, w.at);
    this.running++;
    w.resume();
  }

  /** Plays the journeys together, in the order of their days; the first failure fails the seeding. */
  async play(journeys: (() => Promise<unknown>)[]) {
    this.running = journeys.length;
    await Promise.all(
      journeys.map(async (j) => {
        try {
          await j();
        } catch (e) {
          const where = new Date(this.current + 7 * 3600_000).toISOString().slice(0, 16);
          const detail = e && typeof e === "object" && "messageKey" in e ? ` ${JSON.stringify(e)}` : "";
          throw new Error(`demo year, ${where}: ${(e as Error).message}${detail}\n${(e as Error).stack ?? ""}`, { cause: e });
        } finally {
          this.running--;
          this.next();
        }
      }),
    );
  }
}

/** A scanned document as a user would upload it: a small PDF whose text names what it is. */
export function demoPdf(title: string): Upload {
  const text = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[()\\]/g, " ");
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj 0 -24 Td (Ban scan minh hoa cua du lieu demo) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const content = Buffer.from(body, "latin1");
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return {
    originalName: `${slug || "tai-lieu"}.pdf`,
    mediaType: "application/pdf",
    content,
    sizeBytes: content.length,
    sha256: crypto.createHash("sha256").update(content).digest("hex"),
  };
}
