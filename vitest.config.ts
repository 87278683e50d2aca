import { defineConfig } from 'vitest/config';

// Unit tests sit beside their code; cross-module and end-to-end tests live in test/.
// Database-backed suites share the real PostgreSQL and SQLite files, so files run in forks.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'sim/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
