import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Finds the browser (and other programs) some tests need, once per run.
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Durability and browser tests spawn processes; two cores are all we have.
    maxWorkers: 2,
  },
});
