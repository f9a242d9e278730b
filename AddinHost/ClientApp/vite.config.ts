import { defineConfig, type HtmlTagDescriptor, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";

const here = import.meta.dirname;

/**
 * The Outlook page's pane bundle (src/outlook/start.tsx and what it imports), listed in a JSON data block at the end
 * of the head: the page's first script (public/outlook-early.js) preloads those files once it has written the case's
 * head, or at once when it will write none (sign-in, no message), so their fetching does not compete with the case's
 * request and its paint. Plain preloads, not modulepreloads, whose compiling would hold the main thread; the bundle
 * runs once the head is painted (src/outlook/main.tsx imports src/outlook/start.tsx then).
 */
function preloadOutlookPane(): Plugin {
  return {
    name: "preload-outlook-pane",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.chunk || !ctx.filename.endsWith("outlook.html")) return;
        const bundle = ctx.bundle;
        const start = Object.values(bundle)
          .find((c) => c.type === "chunk" && c.facadeModuleId?.endsWith("/outlook/start.tsx"));
        if (!start || start.type !== "chunk") throw new Error("outlook/start.tsx is no chunk of its own");
        const files = new Set<string>();
        const visit = (name: string) => {
          const chunk = bundle[name];
          if (files.has(name) || !chunk || chunk.type !== "chunk") return;
          files.add(name);
          chunk.imports.forEach(visit);
        };
        visit(start.fileName);
        const already = new Set([ctx.chunk.fileName, ...ctx.chunk.imports]);
        const list = [...files].filter((f) => !already.has(f)).map((f) => `/app/${f}`);
        const block: HtmlTagDescriptor = {
          tag: "script", attrs: { type: "application/json", id: "od-bundle" }, children: JSON.stringify(list),
          injectTo: "head",
        };
        return [block];
      },
    },
  };
}

// One page per surface (Outlook, Word, the batch page, the admin pages, the sign-in dialog), built with hashed
// file names into the host's wwwroot/app, which serves them under /app/.
export default defineConfig({
  base: "/app/",
  plugins: [react(), preloadOutlookPane()],
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
