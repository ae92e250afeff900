import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // native modules (sqlite3, serialport) and child processes do not like worker threads
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
