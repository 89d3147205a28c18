import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
