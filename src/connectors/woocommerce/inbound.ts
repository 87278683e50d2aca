/**
 * One place that turns a WooCommerce record (from a webhook, the poller or a backfill) into the
 * runtime's InboundMessage, so all three paths share the same type, keys and version rule and
 * therefore collapse onto each other in the inbox.
 *
 * @example
 * ```ts
 * const message = inboundFor('eu', 'order', '{"id":7,"date_modified_gmt":"2026-01-01T10:00:00","refunds":[]}', {
 *   dedupeKey: 'd-1',
 * });
 * message.version; // { key: 'woocommerce:eu:order:7', value: '2026-01-01T10:00:00|r0000', tag: '<16 hex of sha256(body)>' }
 * ```
 */
import { createHash } from 'node:crypto';
import type { InboundMessage } from '../../runtime/contracts.js';

/** Header the poller and backfill set so `order.received` says how the hub learnt of the order. */
export const VIA_HEADER = 'x-retail-hub-via';

export const WOO_RESOURCES = ['order', 'product', 'customer'] as const;
export type WooResource = (typeof WOO_RESOURCES)[number];

export function isWooResource(value: string | undefined): value is WooResource {
  return value !== undefined && (WOO_RESOURCES as readonly string[]).includes(value);
}

export const wooSource = (storeId: string): string => `woocommerce:${storeId}`;
export const wooMessageType = (resource: WooResource): string => `woocommerce.${resource}`;
export const wooPartitionKey = (storeId: string, resource: WooResource, id: number): string =>
  `${resource}s.${storeId}.${id}`;
export const wooSubject = (storeId: string, resource: WooResource, id: number): string =>
  `${resource}:${storeId}:${id}`;

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** What the version rule needs from a record: its id and its modification stamp. */
export interface RecordStamp {
  id: number;
  modifiedGmt: string | undefined;
  refundCount: number | undefined;
}

/** Reads id / date_modified_gmt / refunds count from a parsed payload, tolerating odd shapes. */
export function stampOf(record: unknown): RecordStamp | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = record as { id?: unknown; date_modified_gmt?: unknown; refunds?: unknown };
  const id =
    typeof value.id === 'number'
      ? value.id
      : typeof value.id === 'string' && /^\d+$/.test(value.id)
        ? Number(value.id)
        : undefined;
  if (id === undefined || !Number.isSafeInteger(id) || id <= 0) return undefined;
  return {
    id,
    modifiedGmt:
      typeof value.date_modified_gmt === 'string' && value.date_modified_gmt !== ''
        ? value.date_modified_gmt
        : undefined,
    refundCount: Array.isArray(value.refunds) ? value.refunds.length : undefined,
  };
}

/**
 * The version value: `date_modified_gmt`, plus the refund count for orders. WooCommerce stamps
 * modification to the second; a refund added within the same second as the previous delivery's
 * state would otherwise compare equal and be dropped as stale.
 */
export function versionValue(stamp: RecordStamp): string | undefined {
  if (stamp.modifiedGmt === undefined) return undefined;
  return stamp.refundCount === undefined
    ? stamp.modifiedGmt
    : `${stamp.modifiedGmt}|r${String(stamp.refundCount).padStart(4, '0')}`;
}

/**
 * sha256 of the record as `JSON.stringify` writes it: one state gives the same hash whether it came
 * as a webhook's PHP-escaped bytes (`\/`, `\u00e9`) or as the REST API's answer to a poll.
 */
export const contentHash = (record: unknown): string => sha256Hex(JSON.stringify(record));

/**
 * The version tag: WooCommerce stamps modifications to the second, so two different states of one
 * record can share a version; the content hash tells them apart (the inbox accepts an equal
 * version with an unseen tag, in arrival order). 64 bits are plenty among one record's states.
 */
export const versionTag = (hash: string): string => hash.slice(0, 16);

export function inboundFor(
  storeId: string,
  resource: WooResource,
  body: string,
  options: {
    dedupeKey: string;
    stamp?: RecordStamp;
    headers?: Record<string, string>;
    correlationId?: string;
    /** `contentHash` of the parsed body when the caller has it already. */
    contentHash?: string;
  },
): InboundMessage {
  const stamp = options.stamp ?? stampOf(JSON.parse(body));
  if (stamp === undefined)
    throw new Error(`a WooCommerce ${resource} without a numeric id cannot be ingested`);
  const version = versionValue(stamp);
  return {
    source: wooSource(storeId),
    dedupeKey: options.dedupeKey,
    type: wooMessageType(resource),
    partitionKey: wooPartitionKey(storeId, resource, stamp.id),
    subject: wooSubject(storeId, resource, stamp.id),
    body,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.correlationId === undefined ? {} : { correlationId: options.correlationId }),
    ...(version === undefined
      ? {}
      : {
          version: {
            key: `${wooSource(storeId)}:${resource}:${stamp.id}`,
            value: version,
            tag: versionTag(options.contentHash ?? contentHash(JSON.parse(body))),
          },
        }),
  };
}

/**
 * A record read from the REST API (poller, backfill). Its key `poll:<id>:<date_modified_gmt>:<tag>`
 * collapses re-reads of one state, while a different state in the same second is a new message.
 */
export function polledInbound(
  storeId: string,
  resource: WooResource,
  item: unknown,
  stamp: RecordStamp,
): InboundMessage {
  const body = JSON.stringify(item);
  const hash = sha256Hex(body); // = contentHash(item), without serialising twice
  return inboundFor(storeId, resource, body, {
    dedupeKey: `poll:${stamp.id}:${stamp.modifiedGmt ?? 'none'}:${versionTag(hash)}`,
    stamp,
    contentHash: hash,
    headers: { [VIA_HEADER]: 'poll' },
  });
}
