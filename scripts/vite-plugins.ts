// Build plugins of the web app (vite.config.ts).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { build, type Plugin, type PluginOption } from "vite";

/**
 * `import { Button, Form } from "antd"` (and the same from "@ant-design/icons") becomes one import per component from
 * its own module. Through the libraries' index module, which has side effects and re-exports every component, the
 * bundler counts each component as reachable from every page that imports any: the sign-in page then downloaded
 * tables, date pickers and selects. An import naming something the index does not re-export is left as it is.
 */
export function directImports(libraries = ["antd", "@ant-design/icons"]): Plugin {
  const require = createRequire(import.meta.url);
  const maps = new Map<string, Map<string, { file: string; imported: string }>>();
  const read = (file: string, into: Map<string, { file: string; imported: string }>) => {
    const dir = path.dirname(file);
    const source = fs.readFileSync(file, "utf8");
    const target = (rel: string) => {
      const base = path.resolve(dir, rel);
      const found = [`${base}.js`, path.join(base, "index.js"), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      return found ? fs.realpathSync(found) : null;
    };
    for (const m of source.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
      const file = target(m[2]);
      if (!file) continue;
      for (const spec of m[1].split(",")) {
        const [imported, exported] = spec.trim().split(/\s+as\s+/);
        if (imported) into.set(exported ?? imported, { file, imported });
      }
    }
    for (const m of source.matchAll(/export\s*\*\s*from\s*["']([^"']+)["']/g)) {
      const file = target(m[1]);
      if (file) read(file, into);
    }
  };
  for (const lib of libraries) {
    const pkgDir = path.dirname(require.resolve(`${lib}/package.json`));
    const map = new Map<string, { file: string; imported: string }>();
    read(path.join(pkgDir, "es", "index.js"), map);
    maps.set(lib, map);
  }
  const pattern = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*["'](${libraries.map((l) => l.replace(/[/.]/g, "\\$&")).join("|")})["'];?`, "g");
  return {
    name: "khcn-direct-imports",
    apply: "build",
    enforce: "post",
    transform(code, id) {
      if (id.includes("node_modules") || !/\.[jt]sx?$/.test(id.split("?")[0])) return null;
      if (!/from\s*["'](antd|@ant-design\/icons)["']/.test(code)) return null;
      const out = code.replace(pattern, (whole, names: string, lib: string) => {
        const map = maps.get(lib)!;
        const specs = names
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => {
            const [name, local] = s.split(/\s+as\s+/);
            return { name, local: local ?? name, target: map.get(name) };
          });
        if (specs.some((s) => !s.target)) return whole;
        return specs
          .map(({ local, target }) =>
            target!.imported === "default"
              ? `import ${local} from ${JSON.stringify(target!.file)};`
              : `import { ${target!.imported} as ${local} } from ${JSON.stringify(target!.file)};`,
          )
          .join("\n");
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** A Brotli (.br) and a gzip (.gz) copy beside every text file of the build, for the server to send as they are. */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "khcn-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of files(outDir)) {
        if (!/\.(js|mjs|css|html|svg|json|txt|map)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        );
      }
    },
  };
}

/**
 * `<link rel="modulepreload">` in index.html for modules the entry loads on demand but every first visit needs: the
 * browser fetches them beside the entry instead of after it has run (the Vietnamese texts: vi is the default
 * language; an English visitor loads theirs after the entry as before). `modules` are paths from the project root.
 */
export function preloadModules(modules: string[]): Plugin {
  let root = "";
  return {
    name: "khcn-preload-modules",
    apply: "build",
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const wanted = new Set(modules.map((m) => path.resolve(root, m)));
        const chunks = Object.values(ctx.bundle).filter((c) => c.type === "chunk");
        const found = chunks.filter((c) => c.facadeModuleId && wanted.has(path.resolve(c.facadeModuleId)));
        if (found.length !== wanted.size) throw new Error(`preloadModules: no chunk of its own for ${[...wanted].join(", ")}`);
        return found.map((c) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `/${c.fileName}` }, injectTo: "head" as const }));
      },
    },
  };
}

/**
 * Where the build keeps the module that renders pages outside the browser (app/prerender.tsx): beside the web app's
 * folder, not in it (it is not served). The server renders the per-request pages with it (platform/web-app.ts).
 */
export const renderDir = (webOutDir: string) => path.join(path.dirname(webOutDir), "web-render");

/**
 * A page rendered ahead is readable before any script has run, so its scripts are not asked for beside it: index.html's
 * entry and module preloads are replaced by one small module (`assets/boot-<hash>.js`) that asks for them once the
 * page has been painted — the page's HTML and stylesheet get the phone's bandwidth first, and the first paint waits
 * for nothing but them. Returns index.html so changed; the boot module is written beside the build's assets.
 */
function startAfterPaint(index: string, outDir: string): string {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(index);
  if (!entry) throw new Error("prerenderPages: index.html has no module entry script");
  const preloads = [...index.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g)];
  const code = `// Starts the app once the page rendered ahead has been painted (scripts/vite-plugins.ts, startAfterPaint).
const modules = ${JSON.stringify(preloads.map((m) => m[1]))};
let started = false;
const start = () => {
  if (started) return;
  started = true;
  for (const href of modules) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.crossOrigin = "";
    link.href = href;
    document.head.append(link);
  }
  import(${JSON.stringify(entry[1])});
};
if (document.visibilityState !== "visible") {
  // a tab opened in the background paints nothing until it is shown
  start();
} else if (PerformanceObserver.supportedEntryTypes?.includes("paint")) {
  // the browser says when the page's first content is painted
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName("first-contentful-paint").length) return;
    observer.disconnect();
    setTimeout(start);
  }).observe({ type: "paint", buffered: true });
  setTimeout(start, 3000);
} else {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(start)));
}
`;
  const file = `assets/boot-${createHash("sha256").update(code).digest("hex").slice(0, 10)}.js`;
  fs.writeFileSync(path.join(outDir, file), code);
  let out = index.replace(entry[0], "");
  for (const m of preloads) out = out.replace(m[0], "");
  return out.replace("</head>", `<script type="module" src="/${file}"></script>\n  </head>`);
}

/**
 * Pages rendered ahead of time (src/web/app/prerender.tsx): after the app's build, a server-side build of `entry`
 * renders each page of `pages` (`anyQuery`: what it shows does not depend on the address's query — the sign-in page's
 * `next`; otherwise it is rendered ahead only for its bare address), and `prerendered/<page>.html` is index.html with that markup inside #root
 * (`data-prerendered` names the page; `inert` until the app has taken it over, so that nothing typed or pressed
 * before is lost or sent by the browser itself) and its styles in the head; the server sends it for the page's address.
 * `plugins` are the plugins of that second build (React's, the direct imports).
 */
export function prerenderPages(o: { entry: string; pages: { path: string; anyQuery?: boolean }[]; plugins: () => PluginOption[] }): Plugin {
  let root = "";
  let outDir = "";
  return {
    name: "khcn-prerender-pages",
    apply: "build",
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: "pre",
      sequential: true,
      async handler() {
        const serverDir = renderDir(outDir);
        await build({
          configFile: false,
          root,
          logLevel: "warn",
          plugins: o.plugins(),
          define: { "process.env.NODE_ENV": JSON.stringify("production") },
          ssr: { noExternal: true },
          build: { ssr: o.entry, outDir: serverDir, emptyOutDir: true, rolldownOptions: { output: { entryFileNames: "render.mjs" } } },
        });
        const { prerender, renderShell, pageHtml } = (await import(pathToFileURL(path.join(serverDir, "render.mjs")).href)) as {
          prerender: (page: string) => Promise<{ html: string; styles: string; title: string }>;
          renderShell: () => Promise<{ html: string; styles: string; title: string }>;
          pageHtml: (template: string, page: string, rendered: { html: string; styles: string; title: string }) => string;
        };
        const index = fs.readFileSync(path.join(outDir, "index.html"), "utf8");
        const template = startAfterPaint(index, outDir);
        fs.mkdirSync(path.join(outDir, "prerendered"), { recursive: true });
        fs.writeFileSync(path.join(outDir, "prerendered", "template.html"), template);
        fs.writeFileSync(path.join(outDir, "prerendered", "shell.html"), pageHtml(template, "shell", await renderShell()));
        for (const { path: page } of o.pages) {
          const file = path.join(outDir, "prerendered", `${page.replace(/^\//, "")}.html`);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, pageHtml(template, page, await prerender(page)));
        }
        const manifest = o.pages.map((p) => ({ path: p.path, file: `prerendered${p.path}.html`, anyQuery: !!p.anyQuery }));
        fs.writeFileSync(path.join(outDir, "prerendered", "pages.json"), JSON.stringify(manifest, null, 2));
      },
    },
  };
}
