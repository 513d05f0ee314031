import { defineConfig } from "vite";

// The bundle is embedded in the Tauri binary (src-tauri/tauri.conf.json: frontendDist).
export default defineConfig({
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    sourcemap: false,
  },
});
