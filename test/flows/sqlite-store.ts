/**
 * A real SQLite store in a temp directory, migrated to the latest schema, for flow tests.
 *
 * @example
 * ```ts
 * const store = await openTestStore();
 * await store.db.selectFrom('saga_orders').selectAll().execute();
 * await store.close();
 * ```
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type DatabaseHandle } from '../../src/store/create-database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

export interface TestStore extends DatabaseHandle {
  dir: string;
}

export async function openTestStore(): Promise<TestStore> {
  const dir = await mkdtemp(join(tmpdir(), 'retail-hub-flows-'));
  const handle = await createDatabase({ kind: 'sqlite', path: join(dir, 'hub.db') });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    dir,
    close: async () => {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
