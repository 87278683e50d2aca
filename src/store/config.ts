/** Where the hub keeps its state: a SQLite file (the default) or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | {
      kind: 'postgres';
      url: string;
      /** Tables live in this schema (created if missing); tests isolate in one schema per file. */
      schema?: string;
      /** Pool size; default 10. */
      max?: number;
    };

export type DialectName = 'sqlite' | 'postgres';
