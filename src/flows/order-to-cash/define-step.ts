/**
 * A saga step declared Medusa-style: its effect and its undo side by side, with the idempotency
 * key that makes the effect safe to retry after a crash. `invoke` performs the external effect
 * (through `io.once`, which records it in the runtime's effect ledger under `idempotencyKey`);
 * `apply` turns its result into the next saga state, timeline entries and the event that drives
 * the following step — committed together by the runner (`./run-step.ts`).
 *
 * @example
 * ```ts
 * export const confirmStep = defineStep({
 *   name: 'confirm',
 *   from: ['registered'],
 *   idempotencyKey: (saga) => `erp:confirm:${saga.subject}`,
 *   invoke: (saga, io) => io.once(() => io.deps.erp.confirmOrder(saga.erp!.id).then(() => true)),
 *   apply: (saga) => ({ saga: { ...saga, state: 'reserved' }, timeline: [], events: [] }),
 *   compensate: (saga, io) => io.effects.run(`erp:cancel:${saga.subject}`, { perform: () => io.deps.erp.cancelOrder(saga.erp!.id) }),
 * });
 * ```
 */
import type { Kysely } from 'kysely';
import type { EffectLedger, EventInput } from '../../runtime/contracts.js';
import type { TimelineEntryInput } from '../../ops/timeline/record-entry.js';
import type { Database } from '../../store/schema.js';
import type { OrderChannelPort, FulfilmentPort, OrderRouter, OrderToCashDeps } from './ports.js';
import type { SagaOrder, SagaState } from './saga-state.js';

/** Resolved dependencies handed to steps. */
export interface StepDeps extends Omit<OrderToCashDeps, 'router' | 'clock'> {
  router: OrderRouter;
  now: () => Date;
  woo: (storeId: string) => OrderChannelPort;
  wms: (locationId: string) => FulfilmentPort;
}

export interface StepIO {
  deps: StepDeps;
  effects: EffectLedger;
  db: Kysely<Database>;
  correlationId: string;
  /** Runs the step's main effect once, under the step's idempotency key. */
  once<R>(perform: () => Promise<R>, lookup?: () => Promise<R | undefined>): Promise<R>;
}

export interface StepOutcome {
  saga: SagaOrder;
  timeline: Omit<TimelineEntryInput, 'subject'>[];
  events: EventInput[];
  /** Local writes committed with the state change (reservation ledger). */
  write?: (trx: Kysely<Database>) => Promise<void>;
}

export interface StepDefinition<R> {
  name: string;
  /** States the step may run from; a redelivered trigger finding another state is a no-op. */
  from: readonly SagaState[];
  idempotencyKey: (saga: SagaOrder) => string;
  invoke: (saga: SagaOrder, io: StepIO) => Promise<R>;
  apply: (saga: SagaOrder, result: R, io: StepIO) => StepOutcome;
  /** Undoes the step's effect (customer cancellation, voided payment). Idempotent. */
  compensate?: (saga: SagaOrder, io: StepIO) => Promise<void>;
}

export function defineStep<R>(step: StepDefinition<R>): StepDefinition<R> {
  return step;
}
