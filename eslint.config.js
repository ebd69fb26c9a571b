import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.bench/**', '.tmp/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked with the nearest tsconfig.json, as in an editor:
        // electron/ (Node), renderer/ (the window) and test/.
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Plain JavaScript (this file, the worker loader) belongs to no TypeScript project.
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // Promises must be awaited, returned or explicitly `void`-ed, and never handed to
      // a callback that ignores them (event handlers, forEach): an unhandled rejection
      // loses the learner's error message.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Off on purpose: `async () => value` is how a synchronous implementation of a
      // promise-returning interface (IPC handlers, CLI commands, test fakes) turns a
      // throw into a rejection; Promise.resolve() wrappers would throw synchronously instead.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The core runs under plain Node (CLI, tests, benchmarks): never Electron or React.
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'],
          patterns: ['**/main/**', '**/renderer/**', '**/preload/**'],
        },
      ],
    },
  },
  {
    // `expect(fake.method).toHaveBeenCalled()` hands a vi.fn() to expect, which never
    // calls it: the unbound-method warning cannot apply to a mock.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // The contract owns every type that crosses IPC: it borrows nothing from the processes.
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'],
          patterns: ['**/core/**', '**/main/**', '**/renderer/**', '**/preload/**'],
        },
      ],
    },
  },
  {
    // Preload exposes the contract and nothing else: only `electron` and electron/shared.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/core/**', '**/main/**', '**/renderer/**', '**/cli/**'] },
      ],
    },
  },
  {
    // The window talks to the rest only through the contract (electron/shared), types or values.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            '**/electron/core/**',
            '**/electron/main/**',
            '**/electron/preload/**',
            '**/electron/cli/**',
          ],
        },
      ],
    },
  },
);
