import { PostgresDialect, type DatabaseIntrospector, type Kysely } from 'kysely';
import { CurrentSchemaIntrospector } from './introspector.js';

/**
 * Kysely's PostgreSQL dialect with introspection limited to the hub's own schema (see
 * `introspector.ts`): several hubs, tenants or test runs can share one database safely.
 *
 * @example
 * ```ts
 * const db = new Kysely<Database>({ dialect: new HubPostgresDialect({ pool }) });
 * ```
 */
export class HubPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
