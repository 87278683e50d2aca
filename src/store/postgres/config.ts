import pg from 'pg';

/**
 * `bigint` columns (sequences, epoch-millisecond times) come back as JS numbers: every value the
 * hub stores there is below 2^53. Set per pool, never on pg's global parser.
 */
export const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export const DEFAULT_POOL_SIZE = 10;
export const CONNECT_TIMEOUT_MS = 5_000;

/** Only plain identifiers: the schema name is interpolated into `search_path`. */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  return schema;
}
