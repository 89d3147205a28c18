import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const base = '/tabs/home/';

/**
 * The first script, early.ts, is an entry of its own and stays tiny: it asks for the page's data and code while
 * the app code (React, Fluent UI) is still on its way. index.html gets it as its first module script; module
 * scripts run in document order, and this one has almost nothing to wait for.
 */
function earlyScript(entry: string): Plugin {
  return {
    name: 'gesprekscyclus:early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (item) => item.type === 'chunk' && item.facadeModuleId === entry,
        );
        if (!chunk) throw new Error(`earlyScript: no chunk for ${entry}`);
        const tag: HtmlTagDescriptor = {
          tag: 'script',
          attrs: { type: 'module', crossorigin: true, src: `${base}${chunk.fileName}` },
          injectTo: 'head-prepend',
        };
        return { html, tags: [tag] };
      },
    },
  };
}

/**
 * The libraries of the tab's first screens (the shell and the conversation forms): React, Griffel and the Fluent
 * UI components they show. They go in one chunk: left to itself the bundler spreads them over some thirty small
 * shared chunks, and on a cold load every module costs a fetch, a compile and an instantiation on the main
 * thread. Libraries that only other pages or dialogs use (Dialog, tabster, MSAL, teams-js…) stay in chunks of
 * their own and load with those. (react-tabster is left out on purpose: most of it needs tabster.)
 */
const firstScreenLibraries = new RegExp(
  [
    'react',
    'react-dom',
    'scheduler',
    '@griffel/[^/]+',
    'stylis',
    'rtl-css-js',
    '@emotion/hash',
    'keyborg',
    `@fluentui/(${[
      'react-components',
      'react-utilities',
      'react-shared-contexts',
      'react-jsx-runtime',
      'react-provider',
      'tokens',
      'react-theme',
      'react-icons',
      'react-aria',
      'keyboard-keys',
      'react-text',
      'react-link',
      'react-button',
      'react-field',
      'react-label',
      'react-radio',
      'react-textarea',
      'react-message-bar',
      'react-spinner',
      'react-motion',
    ].join('|')})`,
  ]
    .map((name) => `[\\\\/]node_modules[\\\\/]${name}[\\\\/]`)
    .join('|'),
);

/**
 * The dark and high-contrast themes are built when their module is evaluated (a few hundred tokens each): in the
 * shared chunk every module is evaluated at startup, so they stay out of it and load when asked for.
 */
const otherThemes =
  /[\\/]@fluentui[\\/]tokens[\\/].*(darkTheme|highContrastTheme|DarkColor|DarkTheme|HighContrast|highContrast|darkColor)/;
const isFirstScreenLibrary = (id: string): boolean => firstScreenLibraries.test(id) && !otherThemes.test(id);

/**
 * The app's own code around the pages (shell, forms, autosave, i18n, formats), likewise in one chunk. The first
 * script's small helpers stay out of it, so that script runs before the rest has arrived; so do the pages
 * (one chunk per route) and what loads on demand.
 */
const earlyModules =
  /[\\/]src[\\/](tab|domain)[\\/](.*[\\/])?(host|prefetch|paths|route-modules|text|demo-user)\.tsx?$/;
const firstScreenApp = (id: string): boolean =>
  /[\\/]src[\\/](tab|domain)[\\/]/.test(id) &&
  !/[\\/]pages[\\/]|[\\/]auth[\\/]|merge-dialog|demo-switcher|dark-themes|[\\/](early|main)\.tsx?$/.test(
    id,
  ) &&
  !earlyModules.test(id);

/** The Teams tab: served by the app at /tabs/home/, built to dist/tab. */
export default defineConfig({
  root: fromRoot('./src/tab'),
  base,
  plugins: [react(), earlyScript(fromRoot('./src/tab/early.ts'))],
  build: {
    outDir: fromRoot('./dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    // Every browser Teams runs in supports module preloads; the polyfill only cost time at startup.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { index: fromRoot('./src/tab/index.html'), early: fromRoot('./src/tab/early.ts') },
      output: {
        codeSplitting: {
          groups: [
            // What early.ts needs, apart from the rest: it must not wait for React to arrive.
            { name: 'boot', test: earlyModules, priority: 3 },
            { name: 'fluent', test: isFirstScreenLibrary, priority: 2 },
            { name: 'shell', test: firstScreenApp, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // The API runs on the app server during development.
    proxy: { '/api': 'http://localhost:3978' },
  },
});
