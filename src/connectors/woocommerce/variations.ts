/**
 * Product variations for backfill and polling. `/products` lists do not include them: a variable
 * product's variations live under `/products/{id}/variations`, and a change to one (its price, its
 * SKU) does not reliably touch the parent's `date_modified`. They are fed to the inbox shaped as
 * `/products/{id}` answers for a variation (`type: 'variation'`, `parent_id`), as the webhooks
 * carry them, so the product handler maps them the same way.
 *
 * @example
 * ```ts
 * const variations = await listVariations(client, 799, { modified_after: '2026-01-01T00:00:00', dates_are_gmt: true });
 * variations[0]; // { id: 800, sku: 'TEE-M', type: 'variation', parent_id: 799, … }
 * ```
 */
import type { Inbox, AcceptResult } from '../../runtime/contracts.js';
import type { WooClient } from './client.js';
import type { WooQuery } from './types.js';
import { polledInbound, stampOf } from './inbound.js';

export function isVariableProduct(item: unknown): item is { id: number; type: 'variable' } {
  if (typeof item !== 'object' || item === null) return false;
  const { id, type } = item as { id?: unknown; type?: unknown };
  return type === 'variable' && typeof id === 'number';
}

export async function listVariations(
  client: Pick<WooClient, 'listAll'>,
  parentId: number,
  query: WooQuery = {},
): Promise<Record<string, unknown>[]> {
  const list = await client.listAll<Record<string, unknown>>(`products/${parentId}/variations`, {
    per_page: 100,
    ...query,
  });
  return list.map((variation) => ({ ...variation, type: 'variation', parent_id: parentId }));
}

/** Feeds variations through the inbox like polled products; returns each one's stamp and result. */
export async function acceptVariations(
  inbox: Inbox,
  storeId: string,
  variations: readonly Record<string, unknown>[],
): Promise<{ modifiedGmt: string | undefined; result: AcceptResult }[]> {
  return Promise.all(
    variations.flatMap((variation) => {
      const stamp = stampOf(variation);
      if (stamp === undefined) return [];
      return [
        inbox
          .accept(polledInbound(storeId, 'product', variation, stamp))
          .then((result) => ({ modifiedGmt: stamp.modifiedGmt, result })),
      ];
    }),
  );
}
