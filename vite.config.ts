import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The Teams tab: served by the app at /tabs/home/, built to dist/tab. */
export default defineConfig({
  root: fromRoot('./src/tab'),
  base: '/tabs/home/',
  plugins: [react()],
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
