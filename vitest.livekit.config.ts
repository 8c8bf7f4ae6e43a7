import { defineConfig } from 'vitest/config';

// The real-LiveKit suite (`npm run test:livekit`): files named `*.livekit.ts`, run one at a time
// inside the stack's network namespace against livekit-server itself.
export default defineConfig({
  resolve: { conditions: ['source', 'node'] },
  ssr: { resolve: { conditions: ['source', 'node'] } },
  test: {
    include: ['backend/src/**/*.livekit.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
