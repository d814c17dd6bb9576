// Serving the built web app (dist/web) and compressing answers.
// - Built files: the build (vite.config.ts) writes a Brotli (.br) and a gzip (.gz) copy beside every text file; the
//   copy the browser accepts is sent with Content-Encoding and `Vary: Accept-Encoding` (@fastify/static preCompressed).
// - Caching: files under /assets/ carry a content hash in their name, so they never change: cached for a year,
//   immutable. Everything else (index.html, favicon) is revalidated on every use (no-cache), so a new release is seen
//   at once.
// - Other answers (API JSON, the index page of client-side routes, errors) of 1 KiB or more are compressed on the fly
//   when the client accepts it: Brotli at a low quality or gzip, both cheap next to building the answer. Streams
//   (exports, downloads) pass as they are.
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { FastifyInstance, FastifyReply } from "fastify";
import fastifyStatic from "@fastify/static";

export const IMMUTABLE = "public, max-age=31536000, immutable";
const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|javascript|xml|problem\+json)|text\/|image\/svg\+xml)/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Encoding = "br" | "gzip";

/** The encoding to answer with for an Accept-Encoding header: Brotli, then gzip, honouring q=0 and `*`. */
export function pickEncoding(header: string | string[] | undefined): Encoding | null {
  const raw = [header ?? ""].flat().join(",");
  const q = new Map<string, number>();
  for (const part of raw.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (e: Encoding) => q.get(e) ?? q.get("*") ?? 0;
  const best = (["br", "gzip"] as const).filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
  return best[0] ?? null;
}

function addVary(reply: FastifyReply) {
  const vary = String(reply.getHeader("vary") ?? "");
  if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) reply.header("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
}

/** On-the-fly compression of buffered text answers (not of streams, not of already encoded ones). */
export function registerCompression(app: FastifyInstance) {
  app.addHook("onSend", async (req, reply, payload) => {
    if (reply.getHeader("content-encoding") || req.method === "HEAD") return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader("content-type") ?? ""))) return payload;
    if (Buffer.byteLength(payload) < COMPRESS_MIN_BYTES || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    addVary(reply);
    const encoding = pickEncoding(req.headers["accept-encoding"]);
    if (!encoding) return payload;
    const body =
      encoding === "br"
        ? await brotli(payload, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } })
        : await gzip(payload, { level: 6 });
    reply.header("content-encoding", encoding);
    reply.removeHeader("content-length");
    return body;
  });
}

/**
 * Serves the web app's files from `root` (when it holds a build) and returns the sender of index.html for
 * client-side routes, or null without a build.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<((url: string, reply: FastifyReply) => FastifyReply) | null> {
  if (!fs.existsSync(path.join(root, "index.html"))) return null;
  const assets = path.join(root, "assets") + path.sep;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header("cache-control", file.startsWith(assets) ? IMMUTABLE : "no-cache");
    },
  });
  // Pages rendered ahead of time by the build (prerendered/pages.json, src/web/app/prerender.tsx): sent for their own
  // address instead of the empty index.html — with a query only when what they show does not depend on it.
  const manifest = path.join(root, "prerendered", "pages.json");
  const pages = fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, "utf8")) as PrerenderedPage[]) : [];
  return (url, reply) => {
    const [pathname, query] = url.split("?", 2);
    const page = pages.find((p) => p.path === pathname && (p.anyQuery || !query));
    return reply.sendFile(page?.file ?? "index.html");
  };
}

/** A page of the build's prerendered/pages.json. */
interface PrerenderedPage {
  path: string;
  file: string;
  anyQuery: boolean;
}
