// ESLint flat config. typescript-eslint's recommended set without type information (keeps
// `npm run lint` fast), plus `kiosk/layers`, which enforces DESIGN.md's import table.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import jsonSyntax from './scripts/lint/json-parser.js';
import kiosk from './scripts/lint/layer-rule.js';

// Node's own globals, read from the running Node, for the plain .js/.mjs scripts (the
// `globals` package is not a dependency of ours)
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));

export default defineConfig(
  globalIgnores(['node_modules/', 'dist/', 'release/', 'test-results/', 'tests/artifacts/', 'playwright-report/', 'var/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { kiosk },
    rules: {
      'kiosk/layers': 'error',
      // `import { type A }` keeps an empty `import {} from` at runtime under verbatimModuleSyntax,
      // which would drag the module across a layer; `import type { A }` does not
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // syntax only; `eslint kiosk-config` would otherwise have no file it could lint
    files: ['kiosk-config/**/*.json'],
    languageOptions: { parser: jsonSyntax },
  },
);
