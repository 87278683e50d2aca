/**
 * SQLite settings. WAL lets readers run beside the one writer; `synchronous=FULL` fsyncs the WAL
 * on every commit so an acknowledged message survives a power cut, not only a process crash.
 * Throughput comes from group commit (many rows per transaction), not from weaker durability.
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  // Keep the WAL from growing without bound between checkpoints under sustained load.
  'wal_autocheckpoint = 4000',
] as const;

/** Prepared statements kept per connection; Kysely's own driver prepares on every query. */
export const STATEMENT_CACHE_SIZE = 500;
