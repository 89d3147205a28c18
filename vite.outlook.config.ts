import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The Outlook add-in task pane: served by the app at /outlook/, built to dist/outlook. */
export default defineConfig({
  root: fromRoot('./src/outlook'),
  base: '/outlook/',
  // The ribbon icons the manifest points at: /outlook/assets/icon-{16,32,80}.png.
  publicDir: fromRoot('./src/outlook/public'),
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/outlook'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5174,
    proxy: { '/api': 'http://localhost:3978' },
  },
});
