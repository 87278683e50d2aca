import { defineConfig } from 'vitest/config';

// Unit tests sit beside their code; cross-module and end-to-end tests live in test/.
// Database-backed suites share the real PostgreSQL and SQLite files, so files run in forks.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'sim/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // Most suites wait on I/O (HTTP to emulators, fsync), so more files than cores run at once;
    // the 1,000-order saga test alone takes minutes.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
