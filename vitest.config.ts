import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // 2-core machines: real-terminal tests spawn processes; keep parallelism modest.
    maxWorkers: 2,
  },
});
