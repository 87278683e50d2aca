import { afterEach, beforeEach } from 'vitest';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/runtime/create-runtime.js';
import { silentLogger } from '../../src/ops/logger.js';
import { openTestDatabase, type TestDatabase, type TestDialect } from './helpers.js';

/**
 * Per-test store and runtimes for a `describe` block: a fresh migrated database before each test;
 * every runtime made with `runtime()` is stopped and the database removed after it.
 */
export function useRuntimeHarness(dialect: TestDialect) {
  const state: { store: TestDatabase | undefined; runtimes: Runtime[] } = { store: undefined, runtimes: [] };
  beforeEach(async () => {
    state.store = await openTestDatabase(dialect);
  });
  afterEach(async () => {
    for (const r of state.runtimes.splice(0)) await r.stop();
    await state.store?.close();
    state.store = undefined;
  });
  return {
    get store(): TestDatabase {
      if (!state.store) throw new Error('no store outside a test');
      return state.store;
    },
    runtime(options: Partial<RuntimeOptions> = {}): Runtime {
      const store = this.store;
      const runtime = createRuntime({
        db: store.db,
        dialect: store.dialect,
        log: silentLogger(),
        pollIntervalMs: 20,
        ...options,
      });
      state.runtimes.push(runtime);
      return runtime;
    },
  };
}
