import type { DatabaseConfig } from './config.js';

/**
 * The store's config from the YAML's `database` section (`{ kind, path?, url?, schema? }`, already
 * validated by `src/config/`). A missing SQLite path means the default file under `./data/`.
 *
 * @example
 * ```ts
 * databaseConfigFrom({ kind: 'sqlite' }); // { kind: 'sqlite', path: './data/hub.db' }
 * ```
 */
export function databaseConfigFrom(section: {
  kind: 'sqlite' | 'postgres';
  path?: string;
  url?: string;
  schema?: string;
}): DatabaseConfig {
  if (section.kind === 'sqlite') return { kind: 'sqlite', path: section.path ?? './data/hub.db' };
  if (!section.url) throw new Error('database.url is required when kind is postgres');
  return { kind: 'postgres', url: section.url, ...(section.schema ? { schema: section.schema } : {}) };
}
