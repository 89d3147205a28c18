/** Vite build of the bare Fluent UI page the tab bench compares the tab with. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Built exactly like the tab (same plugin, target and base shape), so the comparison is fair. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/bare/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench-bare-fluent', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
