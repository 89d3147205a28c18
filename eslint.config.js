import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'test-artifacts', 'appPackage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS files jest loads directly (reporters).
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Server-side code runs from the production install (`npm ci --omit=dev`): every package it imports must be a
    // production dependency. Browser code (tab, Outlook pane) is bundled at build time and may use devDependencies.
    files: [
      'src/server/**/*.ts',
      'src/app/**/*.ts',
      'src/bot/**/*.ts',
      'src/graph/**/*.ts',
      'src/adapters/**/*.ts',
      'src/store/**/*.ts',
      'src/documents/**/*.ts',
      'src/cards/**/*.ts',
      'src/domain/**/*.ts',
      'src/ports/**/*.ts',
    ],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: false, optionalDependencies: false, peerDependencies: false, includeTypes: false },
      ],
    },
  },
  {
    // The domain core stays pure: no I/O, no Microsoft SDKs, no database.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'https', 'crypto'],
              message: 'The domain core does no I/O.',
            },
            {
              group: ['@microsoft/*', '@azure/*', 'pg', 'pg-boss', '@electric-sql/*', 'express'],
              message: 'The domain core knows no platform.',
            },
            {
              group: ['../store/*', '../server/*', '../bot/*', '../graph/*', '../tab/*', '../cards/*'],
              message: 'The domain core depends on nothing else.',
            },
          ],
        },
      ],
    },
  },
);
