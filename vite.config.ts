// Vite builds the web app (src/web) into dist/web, which the Fastify server serves with client-side routes.
// In development (`npx vite`), /api is proxied to the API on http://localhost:3000.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  root: ".",
  publicDir: "src/web/public",
  plugins: [react()],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
