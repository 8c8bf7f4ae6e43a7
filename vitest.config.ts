import { defineConfig } from 'vitest/config';

// One run covers every workspace. The "source" condition makes `@screenline/core` resolve to its
// TypeScript sources, so tests never depend on a previous build.
export default defineConfig({
  resolve: { conditions: ['source', 'node'] },
  ssr: { resolve: { conditions: ['source', 'node'] } },
  test: {
    include: ['{core,backend,agent,local-speech,frontend}/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
