import { defineConfig, type HtmlTagDescriptor, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";

const here = import.meta.dirname;

/**
 * The Outlook page's pane bundle: its entry (src/outlook/main.tsx), the files it imports and src/outlook/start.tsx with
 * what that imports, listed in a JSON data block at the end of the head instead of the entry's script and
 * modulepreload tags. The page's first script (public/outlook-early.js) preloads those files and adds the entry once it
 * has written the case's head, or at once when it will write none (sign-in, no message): until then office.js and the
 * case's request are the page's only script fetches (the entry's, asked by the parser beside office.js, made
 * office.js's fetch two to three times longer on the benchmark's two cores). Plain preloads, not modulepreloads, whose
 * compiling would hold the main thread; the bundle runs once the head is painted (src/outlook/main.tsx imports
 * src/outlook/start.tsx then).
 */
function preloadOutlookPane(): Plugin {
  return {
    name: "preload-outlook-pane",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.chunk || !ctx.filename.endsWith("outlook.html")) return;
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
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
        entry.imports.forEach(visit);
        visit(start.fileName);
        files.delete(entry.fileName);
        // The entry's tags as Vite wrote them: the first script adds the entry itself.
        const stripped = html.replace(/\s*<(script type="module"|link rel="modulepreload")[^>]*>(<\/script>)?/g, "");
        if (stripped.includes(entry.fileName) || stripped.includes("modulepreload"))
          throw new Error("outlook.html: the entry's tags were not all found");
        const data = { entry: `/app/${entry.fileName}`, files: [...files].map((f) => `/app/${f}`) };
        const block: HtmlTagDescriptor = {
          tag: "script", attrs: { type: "application/json", id: "od-bundle" }, children: JSON.stringify(data),
          injectTo: "head",
        };
        return { html: stripped, tags: [block] };
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
