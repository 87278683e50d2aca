/**
 * Splits rows for multi-row statements: SQLite allows 32,766 bound parameters and PostgreSQL
 * 65,535 per statement; 200 rows of up to a dozen columns stays well below both.
 */
export const ROWS_PER_STATEMENT = 200;

export function chunk<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
