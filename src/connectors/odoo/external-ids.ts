/**
 * External ids (`ir.model.data`, module `retail_hub`): Odoo's unique (module, name) constraint is
 * the only uniqueness an external client gets across separate RPC transactions, so the hub names
 * every record it must never create twice (orders, service products) there.
 *
 * @example
 * ```ts
 * await createXmlId(odoo, 'order_eu_1234', 'sale.order', 17);
 * (await findXmlId(odoo, 'order_eu_1234'))?.resId; // 17
 * ```
 */
import type { OdooClient } from './client.js';

export const XMLID_MODULE = 'retail_hub';

export interface XmlId {
  id: number;
  model: string;
  resId: number;
}

export async function findXmlId(client: OdooClient, name: string): Promise<XmlId | undefined> {
  const rows = await client.searchRead(
    'ir.model.data',
    [
      ['module', '=', XMLID_MODULE],
      ['name', '=', name],
    ],
    ['model', 'res_id'],
    { limit: 1 },
  );
  const row = rows[0];
  return row ? { id: row.id, model: String(row.model), resId: Number(row.res_id) } : undefined;
}

/** Fails (Odoo's unique constraint) when the name is taken: callers re-read to see who won. */
export async function createXmlId(
  client: OdooClient,
  name: string,
  model: string,
  resId: number,
): Promise<number> {
  return client.create('ir.model.data', { module: XMLID_MODULE, name, model, res_id: resId, noupdate: true });
}

/**
 * The record under `name`, else one made by `create` and named so. Of two racing creators the
 * loser (its name write refused by the unique constraint) archives its copy and takes the winner's.
 */
export async function ensureNamed(
  client: OdooClient,
  name: string,
  model: string,
  create: () => Promise<number>,
): Promise<number> {
  const existing = await findXmlId(client, name);
  if (existing) return existing.resId;
  const id = await create();
  try {
    await createXmlId(client, name, model, id);
    return id;
  } catch (error) {
    const winner = await findXmlId(client, name);
    if (!winner) throw error;
    await client.write(model, [id], { active: false });
    return winner.resId;
  }
}
