import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";

const here = import.meta.dirname;

// One page per surface (Outlook, Word, the batch page, the admin pages, the sign-in dialog), built with hashed
// file names into the host's wwwroot/app, which serves them under /app/.
export default defineConfig({
  base: "/app/",
  plugins: [react()],
  build: {
    outDir: resolve(here, "../wwwroot/app"),
    emptyOutDir: true,
    target: "es2020",
    sourcemap: false,
    rollupOptions: {
      input: {
        outlook: resolve(here, "outlook.html"),
        word: resolve(here, "word.html"),
        lots: resolve(here, "lots.html"),
        admin: resolve(here, "admin.html"),
        connexion: resolve(here, "connexion.html"),
      },
    },
  },
});
