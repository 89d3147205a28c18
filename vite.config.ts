import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const base = '/tabs/home/';

/**
 * The first script (main.tsx) is tiny and imports the app code dynamically, so the page's own chunks and data
 * can be requested before React and Fluent UI are parsed. This lists the app code in index.html as module
 * preloads, so the browser fetches it alongside the first script instead of after it.
 */
function preloadAppCode(entry: string): Plugin {
  return {
    name: 'gesprekscyclus:preload-app-code',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [item] : []));
        const app = chunks.find((chunk) => chunk.facadeModuleId === entry);
        if (!app) throw new Error(`preloadAppCode: no chunk for ${entry}`);
        const files = new Set<string>();
        const visit = (fileName: string): void => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const next of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? []) visit(next);
        };
        visit(app.fileName);
        const tags: HtmlTagDescriptor[] = [...files]
          .filter((file) => !html.includes(`${base}${file}`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head',
          }));
        return { html, tags };
      },
    },
  };
}

/** The Teams tab: served by the app at /tabs/home/, built to dist/tab. */
export default defineConfig({
  root: fromRoot('./src/tab'),
  base,
  plugins: [react(), preloadAppCode(fromRoot('./src/tab/app.tsx'))],
  build: {
    outDir: fromRoot('./dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    // The API runs on the app server during development.
    proxy: { '/api': 'http://localhost:3978' },
  },
});
