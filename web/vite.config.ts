import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// `npm run dev` proxies the API to a `wasmudf serve` on :8080; `npm run build` writes dist/,
// which the server embeds at compile time. The templates import ../examples/*.c as text
// (`?raw`), so the dev server may read that folder too (relative paths resolve from web/).
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": "http://127.0.0.1:8080" }, fs: { allow: [".", "../examples"] } },
  test: { environment: "jsdom", include: ["src/**/*.test.{ts,tsx}"], setupFiles: ["src/test-setup.ts"] },
});
