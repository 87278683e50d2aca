/**
 * Reads and writes `saga_orders` rows. Every write names the version it read: a row changed in
 * between (which per-order serialisation should make impossible) fails with a TransientError so
 * the delivery is retried on fresh state instead of overwriting it.
 *
 * @example
 * ```ts
 * const saga = await loadSaga(db, 'order:eu:1001');
 * if (saga) await saveSaga(trx, { ...saga, state: 'validated' }, saga.version);
 * ```
 */
import type { Kysely, Selectable } from 'kysely';
import type { Order } from '../../canonical/index.js';
import { TransientError } from '../../runtime/errors.js';
import type { Database } from '../../store/schema.js';
import type { SagaOrder, SagaState } from './saga-state.js';
import type { SagaOrdersTable } from './tables.js';

function fromRow(row: Selectable<SagaOrdersTable>): SagaOrder {
  return {
    subject: row.subject,
    storeId: row.store_id,
    orderId: row.order_id,
    state: row.state as SagaState,
    since: row.since,
    order: JSON.parse(row.order_json) as Order,
    ...(row.erp_order_id === null
      ? {}
      : { erp: { id: row.erp_order_id, name: row.erp_order_name ?? '', state: row.erp_state ?? 'unknown' } }),
    ...(row.routing_json === null ? {} : { routing: JSON.parse(row.routing_json) as SagaOrder['routing'] }),
    fulfilments: JSON.parse(row.fulfilments_json) as SagaOrder['fulfilments'],
    shipments: JSON.parse(row.shipments_json) as SagaOrder['shipments'],
    amounts: JSON.parse(row.amounts_json) as SagaOrder['amounts'],
    ...(row.invoice_id === null ? {} : { invoiceId: row.invoice_id }),
    ...(row.parked_reason === null
      ? {}
      : { parked: JSON.parse(row.parked_reason) as NonNullable<SagaOrder['parked']> }),
    version: Number(row.version),
  };
}

function toColumns(saga: SagaOrder, now: string) {
  return {
    state: saga.state,
    since: saga.since,
    order_json: JSON.stringify(saga.order),
    channel_status: saga.order.channelStatus,
    erp_order_id: saga.erp?.id ?? null,
    erp_order_name: saga.erp?.name ?? null,
    erp_state: saga.erp?.state ?? null,
    routing_json: saga.routing === undefined ? null : JSON.stringify(saga.routing),
    fulfilments_json: JSON.stringify(saga.fulfilments),
    shipments_json: JSON.stringify(saga.shipments),
    amounts_json: JSON.stringify(saga.amounts),
    invoice_id: saga.invoiceId ?? null,
    parked_reason: saga.parked === undefined ? null : JSON.stringify(saga.parked),
    parked_from: saga.parked?.from ?? null,
    updated_at: now,
  };
}

export async function loadSaga(db: Kysely<Database>, subject: string): Promise<SagaOrder | undefined> {
  const row = await db
    .selectFrom('saga_orders')
    .selectAll()
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row === undefined ? undefined : fromRow(row);
}

/** Orders in a state (all when omitted), oldest state change first. */
export async function listSagas(
  db: Kysely<Database>,
  options: { state?: string; limit?: number } = {},
): Promise<SagaOrder[]> {
  let query = db
    .selectFrom('saga_orders')
    .selectAll()
    .orderBy('since')
    .limit(options.limit ?? 100);
  if (options.state !== undefined) query = query.where('state', '=', options.state);
  return (await query.execute()).map(fromRow);
}

/** Inserts a new saga at version 1; returns it as stored. */
export async function insertSaga(
  db: Kysely<Database>,
  saga: Omit<SagaOrder, 'version'>,
  now = new Date(),
): Promise<SagaOrder> {
  const at = now.toISOString();
  const stored = { ...saga, version: 1 };
  await db
    .insertInto('saga_orders')
    .values({
      subject: saga.subject,
      store_id: saga.storeId,
      order_id: saga.orderId,
      version: 1,
      created_at: at,
      ...toColumns(stored, at),
    })
    .execute();
  return stored;
}

/** Writes `saga` if the row is still at `expectedVersion`; returns it at its new version. */
export async function saveSaga(
  db: Kysely<Database>,
  saga: SagaOrder,
  expectedVersion: number,
  now = new Date(),
): Promise<SagaOrder> {
  const next = { ...saga, version: expectedVersion + 1 };
  const result = await db
    .updateTable('saga_orders')
    .set({ ...toColumns(next, now.toISOString()), version: next.version })
    .where('subject', '=', saga.subject)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new TransientError(
      `saga ${saga.subject} changed concurrently (expected version ${expectedVersion})`,
      {
        code: 'saga_version_conflict',
        system: 'hub',
      },
    );
  }
  return next;
}

/** The states an order waits in with backordered lines: everything it could ship has been requested. */
export const BACKORDER_WAITING_STATES = ['fulfilment_requested', 'partially_shipped'] as const;

/**
 * Orders waiting for `sku` on their backorders, oldest order first (then by subject, so ties are
 * stable). The LIKE keeps the scan to rows whose plan has any backorder at all.
 */
export async function listBackordered(db: Kysely<Database>, sku: string): Promise<SagaOrder[]> {
  const rows = await db
    .selectFrom('saga_orders')
    .selectAll()
    .where('state', 'in', [...BACKORDER_WAITING_STATES])
    .where('routing_json', 'like', '%"backorders":[{%')
    .orderBy('created_at')
    .orderBy('subject')
    .execute();
  return rows.map(fromRow).filter((saga) => saga.routing?.backorders.some((line) => line.sku === sku));
}
