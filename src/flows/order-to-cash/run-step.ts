/**
 * Runs one saga step for one delivery: check the state, perform the effect once, then commit the
 * new state, its timeline entries and the next event in one transaction (the outbox). A crash
 * before the commit redelivers the trigger; the effect ledger answers the retried effect from its
 * record (or the step's lookup), so nothing happens twice. A BusinessError parks the order with
 * the remote system's reason instead of failing the delivery.
 *
 * @example
 * ```ts
 * await runStep(ctx, registerStep, saga, deps);
 * ```
 */
import { makeEvent, orderPartitionKey } from '../../canonical/index.js';
import type { HandlerContext } from '../../runtime/contracts.js';
import { BusinessError } from '../../runtime/errors.js';
import { recordTimelineEntries } from '../../ops/timeline/record-entry.js';
import type { StepDefinition, StepDeps, StepIO, StepOutcome } from './define-step.js';
import type { SagaOrder, SagaState } from './saga-state.js';
import { saveSaga } from './saga-store.js';

export function stepIO(ctx: HandlerContext, deps: StepDeps, key?: string): StepIO {
  return {
    deps,
    effects: ctx.effects,
    db: ctx.db,
    correlationId: ctx.message.correlationId,
    once: (perform, lookup) => {
      if (key === undefined) return perform();
      return ctx.effects.run(key, lookup === undefined ? { perform } : { perform, lookup });
    },
  };
}

/** Moves to `state`, stamping `since` when it changes. */
export function moveTo(saga: SagaOrder, state: SagaState, now: Date): SagaOrder {
  return state === saga.state ? saga : { ...saga, state, since: now.toISOString() };
}

/** Commits an outcome: state, timeline and events in one transaction (nothing when nothing changed). */
export async function commit(
  ctx: HandlerContext,
  before: SagaOrder,
  outcome: StepOutcome,
  now: Date,
): Promise<SagaOrder> {
  if (
    outcome.saga === before &&
    outcome.events.length === 0 &&
    outcome.timeline.length === 0 &&
    outcome.write === undefined
  )
    return before;
  return ctx.transaction(async (trx, publish) => {
    const saved = await saveSaga(trx, outcome.saga, before.version, now);
    if (outcome.write) await outcome.write(trx);
    const entries = [...outcome.timeline];
    if (before.state !== outcome.saga.state) {
      entries.push({ kind: 'state', system: 'hub', summary: `${before.state} → ${outcome.saga.state}` });
    }
    await recordTimelineEntries(
      trx,
      entries.map((entry) => ({
        ...entry,
        subject: before.subject,
        correlationId: ctx.message.correlationId,
        at: now,
      })),
    );
    if (outcome.events.length > 0) await publish(outcome.events);
    return saved;
  });
}

/** Parks the order for a person, remembering where it stood so `resume` can continue from there. */
export function parkOutcome(
  saga: SagaOrder,
  step: string,
  code: string,
  reason: string,
  now: Date,
  system = 'hub',
): StepOutcome {
  const from = saga.state === 'parked' ? (saga.parked?.from ?? 'received') : saga.state;
  return {
    saga: { ...moveTo(saga, 'parked', now), parked: { reason, code, from, step } },
    timeline: [{ kind: 'parked', system, summary: `Parked at ${step}: ${reason}`, data: { code } }],
    events: [
      makeEvent('order.parked', saga.subject, orderPartitionKey(saga.storeId, saga.orderId), {
        storeId: saga.storeId,
        orderId: saga.orderId,
        step,
        code,
        reason,
        system,
      }),
    ],
  };
}

/**
 * Runs `step` if the saga is in one of its `from` states; returns the saga as committed (or as it
 * was, when the step did not apply).
 */
export async function runStep<R>(
  ctx: HandlerContext,
  step: StepDefinition<R>,
  saga: SagaOrder,
  deps: StepDeps,
): Promise<SagaOrder> {
  if (!step.from.includes(saga.state)) {
    ctx.log.debug(
      { subject: saga.subject, state: saga.state, step: step.name },
      'step does not apply in this state',
    );
    return saga;
  }
  const io = stepIO(ctx, deps, step.idempotencyKey(saga));
  let outcome: StepOutcome;
  try {
    const result = await step.invoke(saga, io);
    outcome = step.apply(saga, result, io);
  } catch (error) {
    if (!(error instanceof BusinessError)) throw error;
    outcome = parkOutcome(saga, step.name, error.code, error.message, deps.now(), error.system ?? 'hub');
  }
  return commit(ctx, saga, outcome, deps.now());
}
