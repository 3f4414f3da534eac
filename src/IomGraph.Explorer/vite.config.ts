import { defineConfig } from "vitest/config";

// The API serves the bundle under /explore (src/IomGraph.Api/Http/Explorer.cs), so asset URLs start there. Everything
// is bundled: no CDN, no web font, nothing fetched at run time but the API's own answers.
export default defineConfig({
  base: "/explore/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // A module script and a stylesheet, never inline code, so the page runs under a strict Content-Security-Policy.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
  },
  // `npx vite` serves the sources with live reloading at http://localhost:5173/explore/, passing the API's paths to
  // the API that `dotnet run --project src/IomGraph.Api` serves.
  server: {
    proxy: {
      "/api": "http://localhost:5080",
      "/swagger": "http://localhost:5080",
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
