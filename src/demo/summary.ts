/**
 * The demo's live summary: how many orders stand in each saga state, plus dead letters and parked
 * messages — the numbers an operator watches.
 *
 * @example
 * ```ts
 * formatSummary(await readSummary(hub)); // 'orders 42 · in ERP 40 · shipped 31 · completed 30 · settled 25 · waiting payment 3 · parked 0 · dead letters 0'
 * ```
 */
import { sql } from 'kysely';
import type { Hub } from '../app/create-hub.js';
import { SAGA_PATH, rankOf, type SagaState } from '../flows/order-to-cash/saga-state.js';

export interface DemoSummary {
  orders: number;
  byState: Record<string, number>;
  reachedErp: number;
  shipped: number;
  completed: number;
  settled: number;
  awaitingPayment: number;
  cancelled: number;
  parked: number;
  deadLetters: number;
}

export async function readSummary(hub: Pick<Hub, 'store' | 'runtime'>): Promise<DemoSummary> {
  const rows = await hub.store.db
    .selectFrom('saga_orders')
    .select(['state', sql<number>`count(*)`.as('n')])
    .groupBy('state')
    .execute();
  const byState = Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  const atLeast = (state: SagaState) =>
    rows
      .filter((r) => rankOf(r.state as SagaState) >= rankOf(state))
      .reduce((sum, r) => sum + Number(r.n), 0);
  return {
    orders: rows.reduce((sum, r) => sum + Number(r.n), 0),
    byState,
    reachedErp: atLeast('registered'),
    shipped: atLeast('shipped'),
    completed: atLeast('completed'),
    settled: byState.settled ?? 0,
    awaitingPayment: byState.awaiting_payment ?? 0,
    cancelled: byState.cancelled ?? 0,
    parked: byState.parked ?? 0,
    deadLetters: (await hub.runtime.deadLetters.list({ limit: 1000 })).length,
  };
}

export function formatSummary(s: DemoSummary): string {
  return [
    `orders ${s.orders}`,
    `in ERP ${s.reachedErp}`,
    `shipped ${s.shipped}`,
    `completed ${s.completed}`,
    `settled ${s.settled}`,
    `waiting payment ${s.awaitingPayment}`,
    `cancelled ${s.cancelled}`,
    `parked ${s.parked}`,
    `dead letters ${s.deadLetters}`,
  ].join(' · ');
}

export const KNOWN_STATES: readonly string[] = [...SAGA_PATH, 'parked', 'cancelled'];
