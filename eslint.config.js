import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'e2e/artifacts/**', 'coverage/**'],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify plugins are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object and a union type.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  // The backend's layers (../shared/STYLE.md): routes speak HTTP and call services; services hold
  // the use cases; db/ holds the schema and the repositories; telephony/ holds the LiveKit and
  // simulated adapters. These rules fail the lint when an import or a query crosses a layer.
  {
    files: ['backend/src/routes/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/telephony/*'], message: 'Routes call services; telephony is theirs.' },
            { group: ['**/test/*', '**/test-support/**'], message: 'No test helpers in the app.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|transaction)$/]',
          message: 'Routes do not query the database: call a service or a repository.',
        },
        {
          selector: 'TaggedTemplateExpression[tag.name="sql"]',
          message: 'Routes do not query the database: call a service or a repository.',
        },
      ],
    },
  },
  {
    files: ['backend/src/services/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/routes/**'], message: 'Services do not know HTTP routes.' },
            { group: ['**/test/*', '**/test-support/**'], message: 'No test helpers in the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['backend/src/db/**/*.ts', 'backend/src/telephony/**/*.ts'],
    // real-stack/ holds the real-LiveKit suites and their rigs (a call on the local stack with
    // an in-memory database): test infrastructure, never imported by the app.
    ignores: [
      '**/*.test.ts',
      '**/*.livekit.ts',
      'backend/src/telephony/bench/**',
      'backend/src/telephony/real-stack/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/routes/**'], message: 'Repositories and adapters do not know routes.' },
            {
              group: ['**/services/**'],
              message: 'Repositories and adapters do not call services.',
            },
            { group: ['**/test/*', '**/test-support/**'], message: 'No test helpers in the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['frontend/**/*.tsx', 'frontend/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
