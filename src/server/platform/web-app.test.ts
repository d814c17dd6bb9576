// The web app's files and the API's answers go out compressed when the browser accepts it, hashed build files are
// cached for good and the index page never: the real app over a built web app of its own (files and their .br/.gz
// copies, as vite.config.ts writes them).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../app.js";
import { createTestApp, type TestApp } from "../testing/harness.js";
import { IMMUTABLE, phoneRequest, pickEncoding } from "./web-app.js";

let t: TestApp;
let app: App;
let webDir: string;
const script = `export const texts = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `dòng ${i}: Sở Khoa học và Công nghệ`))};\n`;
const indexHtml = `<!doctype html><html lang="vi"><head><title>KHCN</title><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>\n`;
const ahead = (page: string) => indexHtml.replace('<div id="root"></div>', `<div id="root" data-prerendered="${page}" inert><h1>${page}</h1></div>`);

beforeAll(async () => {
  t = await createTestApp();
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), "khcn-web-"));
  fs.mkdirSync(path.join(webDir, "assets"));
  const write = (file: string, text: string) => {
    fs.writeFileSync(path.join(webDir, file), text);
    fs.writeFileSync(path.join(webDir, `${file}.br`), zlib.brotliCompressSync(text));
    fs.writeFileSync(path.join(webDir, `${file}.gz`), zlib.gzipSync(text));
  };
  write("index.html", indexHtml);
  write("assets/app-Ab12Cd34.js", script);
  // pages rendered ahead by the build, and their manifest (scripts/vite-plugins.ts prerenderPages)
  fs.mkdirSync(path.join(webDir, "prerendered", "public"), { recursive: true });
  write("prerendered/login.html", ahead("/login"));
  write("prerendered/public/indicators.html", ahead("/public/indicators"));
  fs.writeFileSync(
    path.join(webDir, "prerendered", "pages.json"),
    JSON.stringify([
      { path: "/login", file: "prerendered/login.html", anyQuery: true },
      { path: "/public/indicators", file: "prerendered/public/indicators.html", anyQuery: false },
    ]),
  );
  fs.writeFileSync(path.join(webDir, "favicon.svg"), `<svg xmlns="http://www.w3.org/2000/svg"/>`);
  app = await buildApp({ ...t.app.deps, webDir });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
  if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: "GET", url, headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } });
const decode = (encoding: unknown, body: Buffer) =>
  (encoding === "br" ? zlib.brotliDecompressSync(body) : encoding === "gzip" ? zlib.gunzipSync(body) : body).toString("utf8");

describe("built files", () => {
  it("a hashed asset goes out as Brotli, else gzip, else plain, varying on Accept-Encoding and cached for a year", async () => {
    for (const [accept, encoding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip", "gzip"],
      ["br;q=0, gzip;q=0.8", "gzip"],
      ["identity", undefined],
      [undefined, undefined],
    ] as const) {
      const r = await get("/assets/app-Ab12Cd34.js", accept);
      expect(r.statusCode, String(accept)).toBe(200);
      expect(r.headers["content-encoding"], String(accept)).toBe(encoding);
      expect(String(r.headers["content-type"])).toMatch(/^(text|application)\/javascript/);
      expect(String(r.headers.vary)).toMatch(/accept-encoding/i);
      expect(r.headers["cache-control"]).toBe(IMMUTABLE);
      expect(decode(r.headers["content-encoding"], r.rawPayload)).toBe(script);
    }
    const br = await get("/assets/app-Ab12Cd34.js", "br");
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);
  });

  it("the index page, a client-side route and other files outside /assets are revalidated on every use", async () => {
    for (const url of ["/", "/tasks/123", "/index.html"]) {
      const r = await get(url, "br, gzip");
      expect(r.statusCode, url).toBe(200);
      expect(String(r.headers["content-type"]), url).toMatch(/^text\/html/);
      expect(r.headers["cache-control"], url).toBe("no-cache");
      expect(r.headers["content-encoding"], url).toBe("br");
      expect(decode("br", r.rawPayload), url).toBe(indexHtml);
    }
    const plain = await get("/people", undefined);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(indexHtml);
    const icon = await get("/favicon.svg");
    expect(icon.headers["cache-control"]).toBe("no-cache");
  });

  it("a page rendered ahead goes out for its own address, with a query only when the page does not depend on it", async () => {
    for (const [url, page] of [
      ["/login", "/login"],
      ["/login?next=%2Fpeople", "/login"],
      ["/public/indicators", "/public/indicators"],
      ["/public/indicators?q=GDP", null],
      ["/public/indicators/CT-01", null],
      ["/logins", null],
    ] as const) {
      const r = await get(url, "br, gzip");
      expect(r.statusCode, url).toBe(200);
      expect(r.headers["cache-control"], url).toBe("no-cache");
      expect(r.headers["content-encoding"], url).toBe("br");
      expect(decode("br", r.rawPayload), url).toBe(page ? ahead(page) : indexHtml);
    }
  });

  it("an unknown API address or a non-GET request still answers 404 in JSON", async () => {
    const api = await get("/api/v1/no-such-thing", "gzip");
    expect(api.statusCode).toBe(404);
    expect(JSON.parse(decode(api.headers["content-encoding"], api.rawPayload)).error.code).toBe("ROUTE_NOT_FOUND");
    const post = await app.inject({ method: "POST", url: "/somewhere" });
    expect(post.statusCode).toBe(404);
  });
});

describe("API answers", () => {
  it("a large JSON answer is compressed when accepted and plain otherwise; a small one is left as it is", async () => {
    const plain = await get("/api/openapi.json");
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    for (const encoding of ["br", "gzip"] as const) {
      const r = await get("/api/openapi.json", encoding);
      expect(r.headers["content-encoding"]).toBe(encoding);
      expect(r.headers["content-length"] === undefined || Number(r.headers["content-length"]) === r.rawPayload.length).toBe(true);
      expect(r.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(JSON.parse(decode(encoding, r.rawPayload))).toEqual(JSON.parse(plain.body));
    }
    const small = await get("/api/health", "br, gzip");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.json().status).toBe("ok");
  });
});

describe("pickEncoding", () => {
  it("prefers Brotli, honours q-values, refusals and the wildcard", () => {
    expect(pickEncoding("gzip, deflate, br")).toBe("br");
    expect(pickEncoding("gzip;q=1, br;q=0.5")).toBe("gzip");
    expect(pickEncoding("br;q=0")).toBeNull();
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding("*;q=0.1, br;q=0")).toBe("gzip");
    expect(pickEncoding("deflate")).toBeNull();
    expect(pickEncoding("")).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding(["gzip", "br;q=0"])).toBe("gzip");
  });
});

describe("phoneRequest", () => {
  it("follows the browser's client hint, and its user agent only where it sends none", () => {
    const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
    const android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";
    const tablet = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
    const desktop = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
    expect(phoneRequest({ "sec-ch-ua-mobile": "?1", "user-agent": desktop })).toBe(true);
    expect(phoneRequest({ "sec-ch-ua-mobile": "?0", "user-agent": android })).toBe(false);
    expect(phoneRequest({ "user-agent": iphone })).toBe(true);
    expect(phoneRequest({ "user-agent": android })).toBe(true);
    expect(phoneRequest({ "user-agent": tablet })).toBe(false);
    expect(phoneRequest({ "user-agent": desktop })).toBe(false);
    expect(phoneRequest({})).toBe(false);
  });
});
