// Serving the built web app (dist/web) and compressing answers.
// - Built files: the build (vite.config.ts) writes a Brotli (.br) and a gzip (.gz) copy beside every text file; the
//   copy the browser accepts is sent with Content-Encoding and `Vary: Accept-Encoding` (@fastify/static preCompressed).
// - Caching: files under /assets/ carry a content hash in their name, so they never change: cached for a year,
//   immutable. Everything else (index.html, favicon) is revalidated on every use (no-cache), so a new release is seen
//   at once.
// - Other answers (API JSON, the index page of client-side routes, errors) of 1 KiB or more are compressed on the fly
//   when the client accepts it: Brotli at a low quality or gzip, both cheap next to building the answer. Streams
//   (exports, downloads) pass as they are.
// - Pages: a page the build rendered ahead is sent for its address, and a public page whose first render shows data
//   is rendered per request with that data; the home and the task list are rendered per request for a request with a
//   session, with that user's data (never stored by any cache: no-store); any other address inside the signed-in frame
//   gets the frame rendered ahead (`pageRenderer`); any other address gets index.html.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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
 * Serves the web app's files from `root` (when it holds a build) and returns the sender of the page for a client-side
 * route (rendered per request, rendered at build time, or index.html), or null without a build.
 */
export async function registerWebApp(
  app: FastifyInstance,
  root: string,
): Promise<((req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) | null> {
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
  const renderer = pageRenderer(app, root);
  return async (req, reply) => {
    const [pathname, query = ""] = req.url.split("?", 2);
    const personal = await renderer.signedIn(pathname, query, req);
    if (personal !== null) return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(personal);
    const html = await renderer.live(pathname, query);
    if (html !== null) return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(html);
    const page = pages.find((p) => p.path === pathname && (p.anyQuery || !query));
    if (page) return reply.sendFile(page.file);
    return reply.sendFile((await renderer.framed(pathname)) ? SHELL_FILE : "index.html");
  };
}

/** The signed-in frame rendered ahead (src/web/app/FrameShell.tsx), sent for the addresses inside the frame. */
const SHELL_FILE = "prerendered/shell.html";

/** What the build's page renderer (src/web/app/prerender.tsx, kept in dist/web-render) offers the server. */
interface PageRenderer {
  framed(pathname: string): boolean;
  liveQueries(pathname: string, search: string): { queryKey: readonly unknown[]; path: string }[] | null;
  renderPage(url: string, data: PageDatum[]): Promise<Rendered>;
  signedInPage(pathname: string): boolean;
  renderSignedIn(
    url: string,
    answer: (url: string) => Promise<{ status: number; body: string }>,
    narrow: boolean,
  ): Promise<{ rendered: Rendered; data: PageDatum[] } | null>;
  pageHtml(template: string, page: string, rendered: Rendered, data?: PageDatum[], narrow?: boolean): string;
}
interface PageDatum {
  queryKey: readonly unknown[];
  data: unknown;
}
interface Rendered {
  html: string;
  styles: string;
  title: string;
}

/** Pages rendered at once, at most; a request beyond gets the page rendered at build time (its data then loads in the browser). */
const MAX_RENDERS = 2;
/** Rendered pages kept, by address and data (a page is rendered again only when its data has changed). */
const KEPT_PAGES = 64;

/**
 * The build's page renderer, loaded on first use. `framed`: whether an address is inside the signed-in frame.
 * `live`: the public pages whose first render shows data (prerender.tsx `liveQueries`: the public results) are rendered per
 * request: the server asks its own API for what the page reads (as a visitor without a session, in Vietnamese), renders
 * the page with it and sends it with that data, so the visitor sees the list before any script has run. A rendered
 * page is kept by its address and a hash of its data, so that requests for unchanged data render nothing. Without a
 * build's renderer, when the API answers anything but 200, when `MAX_RENDERS` are under way or when rendering fails,
 * the answer is null and the page rendered at build time (or index.html) is sent instead.
 */
function pageRenderer(app: FastifyInstance, root: string) {
  const module = path.join(path.dirname(root), "web-render", "render.mjs");
  const templateFile = path.join(root, "prerendered", "template.html");
  if (!fs.existsSync(module) || !fs.existsSync(templateFile) || !fs.existsSync(path.join(root, SHELL_FILE)))
    return { live: async () => null, signedIn: async () => null, framed: async () => false };
  const template = fs.readFileSync(templateFile, "utf8");
  let renderer: Promise<PageRenderer> | undefined;
  const load = () => (renderer ??= import(pathToFileURL(module).href) as Promise<PageRenderer>);
  // loaded as the server starts, in the background, so that the first page asked for does not wait for it (about a second)
  app.addHook("onReady", (done) => {
    load().catch((e: unknown) => app.log.error({ err: e }, "the page renderer could not be loaded; pages are sent as built"));
    done();
  });
  const kept = new Map<string, Promise<string>>();
  let rendering = 0;
  /** Whether `pathname` is inside the signed-in frame (the frame rendered ahead is sent for it). */
  const framed = async (pathname: string) => {
    try {
      return (await load()).framed(pathname);
    } catch (e) {
      app.log.error({ err: e, pathname }, "the page renderer could not be loaded; index.html is sent");
      return false;
    }
  };
  const live = async (pathname: string, search: string): Promise<string | null> => {
    try {
      const r = await load();
      const queries = r.liveQueries(pathname, search);
      if (!queries) return null;
      const answers = await Promise.all(
        queries.map((q) => app.inject({ method: "GET", url: `/api/v1${q.path}`, headers: { "accept-language": "vi", accept: "application/json" } })),
      );
      if (answers.some((a) => a.statusCode !== 200)) return null;
      const key = createHash("sha256")
        .update(`${pathname}?${search}`)
        .update(answers.map((a) => a.body).join("\0"))
        .digest("base64url");
      const hit = kept.get(key);
      if (hit) return await hit;
      if (rendering >= MAX_RENDERS) return null;
      rendering++;
      const data = queries.map((q, i) => ({ queryKey: q.queryKey, data: JSON.parse(answers[i].body) as unknown }));
      const url = search ? `${pathname}?${search}` : pathname;
      const page = r
        .renderPage(url, data)
        .then((rendered) => r.pageHtml(template, pathname, rendered, data))
        .finally(() => rendering--);
      kept.set(key, page);
      page.catch(() => kept.delete(key));
      if (kept.size > KEPT_PAGES) kept.delete(kept.keys().next().value!);
      return await page;
    } catch (e) {
      app.log.error({ err: e, pathname }, "rendering a page on the server failed; the page rendered at build time is sent");
      return null;
    }
  };
  /**
   * A signed-in page (prerender.tsx `signedInPage`) for a request with a cookie: its queries are asked of the API with
   * that request's cookie and address (GET only), in Vietnamese; drawn for a phone's width when the browser says it is
   * a phone's. Null without a session or when the renderer gives none (see `live` for the rest).
   */
  const signedIn = async (pathname: string, search: string, req: FastifyRequest): Promise<string | null> => {
    if (!req.headers.cookie) return null;
    try {
      const r = await load();
      if (!r.signedInPage(pathname) || rendering >= MAX_RENDERS) return null;
      rendering++;
      try {
        const answer = async (url: string) => {
          const a = await app.inject({
            method: "GET",
            url,
            remoteAddress: req.ip,
            headers: { cookie: req.headers.cookie, "accept-language": "vi", accept: "application/json", "user-agent": req.headers["user-agent"] ?? "" },
          });
          return { status: a.statusCode, body: a.body };
        };
        const narrow = phoneRequest(req.headers);
        const page = await r.renderSignedIn(search ? `${pathname}?${search}` : pathname, answer, narrow);
        return page && r.pageHtml(template, pathname, page.rendered, page.data, narrow);
      } finally {
        rendering--;
      }
    } catch (e) {
      app.log.error({ err: e, pathname }, "rendering a signed-in page on the server failed; the frame rendered ahead is sent");
      return null;
    }
  };
  return { live, signedIn, framed };
}

/** Whether a request comes from a phone's browser: its client hint (Sec-CH-UA-Mobile), else its user agent. */
export function phoneRequest(headers: FastifyRequest["headers"]): boolean {
  const hint = headers["sec-ch-ua-mobile"];
  if (typeof hint === "string") return hint.trim() === "?1";
  return /\b(Mobi|iPhone)/i.test(headers["user-agent"] ?? "");
}

/** A page of the build's prerendered/pages.json. */
interface PrerenderedPage {
  path: string;
  file: string;
  anyQuery: boolean;
}
