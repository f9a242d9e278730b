import { defineConfig, type HtmlTagDescriptor, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";

const here = import.meta.dirname;

/**
 * The Outlook page fetches its pane's bundle as soon as it can, but compiles and runs it only once the page's first
 * script has painted the case's head (src/outlook/main.tsx imports src/outlook/start.tsx then): a plain preload, not
 * a modulepreload, whose compiling would keep the main thread from the case's request and its paint; at low priority,
so the configuration, the first script and the case's request go first on the browser's few connections.
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
        const start = Object.values(bundle).find((c) => c.type === "chunk" && c.facadeModuleId?.endsWith("/outlook/start.tsx"));
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
        return [...files].filter((f) => !already.has(f)).map((f): HtmlTagDescriptor => ({
          tag: "link", attrs: { rel: "preload", as: "script", crossorigin: true, fetchpriority: "low", href: `/app/${f}` }, injectTo: "head",
        }));
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
