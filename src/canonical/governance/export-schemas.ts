/**
 * Writes every published schema under a directory (`DIR/models/order/v1.json`,
 * `DIR/events/order.received/v1.json`). Files of other versions already there are left alone:
 * a published version is history.
 *
 * @example
 * ```ts
 * const { written } = await exportSchemas('./schemas');
 * ```
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { publishedSchemas, schemaFileText } from './published-schemas.js';

export async function exportSchemas(dir: string): Promise<{ written: string[] }> {
  const written: string[] = [];
  for (const schema of publishedSchemas()) {
    const file = join(dir, schema.path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, schemaFileText(schema));
    written.push(schema.path);
  }
  return { written };
}
