// Vite builds the web app (src/web) into dist/web, which the Fastify server serves with client-side routes.
// In development (`npx vite`), /api is proxied to the API on http://localhost:3000.
//
// What a page downloads: the sign-in and public pages load the entry (router, session, the features' route tables)
// and the chunks their own code needs; the signed-in frame, every feature page, ECharts and each language's texts are
// chunks of their own loaded on first use (the Vietnamese texts, needed by every first visit, are preloaded by
// index.html beside the entry). Libraries are grouped so that a release which changes only the app's code
// leaves them cached: React (react, react-dom, react-router, scheduler) in one chunk, ECharts in another, and Ant
// Design split by the set of pages that use each part (a page does not download components only others use).
//
// The sign-in and public pages are also rendered ahead of time (src/web/app/prerender.tsx → dist/web/prerendered/),
// so that they are drawn before their scripts run (ARCHITECTURE.md "Delivering the web app").
//
// Every text file of the build gets a Brotli (.br) and a gzip (.gz) copy beside it; the server sends the one the
// browser accepts (src/server/platform/web-app.ts). The plugins are in scripts/vite-plugins.ts.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { directImports, precompress, preloadModules, prerenderPages } from "./scripts/vite-plugins.js";

const NODE_MODULES = String.raw`[\\/]node_modules[\\/]`;
const pkg = (names: string) => new RegExp(`${NODE_MODULES}(${names})[\\\\/]`);

export default defineConfig({
  root: ".",
  publicDir: "src/web/public",
  plugins: [
    react(),
    directImports(),
    preloadModules(["src/web/i18n/texts-vi.ts"]),
    prerenderPages({
      entry: "src/web/app/prerender.tsx",
      pages: [{ path: "/login", anyQuery: true }, { path: "/results" }, { path: "/public/indicators" }],
      plugins: () => [react(), directImports()],
    }),
    precompress(),
  ],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // Ant Design's chunks are named after the pages sharing them; a short name is enough.
        chunkFileNames: (chunk) => (chunk.name.startsWith("antd~") ? "assets/antd-[hash].js" : "assets/[name]-[hash].js"),
        codeSplitting: {
          groups: [
            { name: "react", test: pkg("react|react-dom|react-router|scheduler"), priority: 30 },
            { name: "echarts", test: pkg("echarts|zrender|echarts-for-react|size-sensor"), priority: 20 },
            { name: "antd", test: pkg("antd|@ant-design|@rc-component"), priority: 10, entriesAware: true, entriesAwareMergeThreshold: 16 * 1024 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
