import { defineConfig } from 'vitest/config';

// The real-LiveKit suite (`npm run test:livekit`): files named `*.livekit.ts`, run one at a time
// inside the stack's network namespace against livekit-server itself. The browser's (e2e/specs)
// open the built product in Debian's Chromium; the browser tests' setup builds it when it is stale.
export default defineConfig({
  resolve: { conditions: ['source', 'node'] },
  ssr: { resolve: { conditions: ['source', 'node'] } },
  test: {
    include: ['backend/src/**/*.livekit.ts', 'e2e/specs/**/*.livekit.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
