import { defineConfig } from 'vitest/config';

// Browser tests against the built product: one server and one Chromium per file, files in sequence.
export default defineConfig({
  test: {
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
