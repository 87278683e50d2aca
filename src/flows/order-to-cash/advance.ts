/**
 * Runs the step that follows the order's current state, if any. Every saga event triggers it, so
 * a duplicated or late event only ever runs the step the state calls for — or nothing.
 *
 * @example
 * ```ts
 * await advance(ctx, saga, deps); // e.g. 'routed' → runs `register`
 * ```
 */
import type { HandlerContext } from '../../runtime/contracts.js';
import type { StepDefinition, StepDeps } from './define-step.js';
import { runStep } from './run-step.js';
import { pendingErpShipment, type SagaOrder, type SagaState } from './saga-state.js';
import { completeStep } from './steps/complete.js';
import { deliverStep } from './steps/deliver.js';
import { invoiceStep } from './steps/invoice.js';
import { registerStep } from './steps/register.js';
import { requestFulfilmentStep } from './steps/request-fulfilment.js';
import { reserveStep } from './steps/reserve.js';
import { routeStep } from './steps/route.js';
import { settleStep } from './steps/settle.js';
import { validateStep } from './steps/validate.js';

type StepRun = (ctx: HandlerContext, saga: SagaOrder, deps: StepDeps) => Promise<SagaOrder>;

const run =
  <R>(step: StepDefinition<R>): StepRun =>
  (ctx, saga, deps) =>
    runStep(ctx, step, saga, deps);

// Each entry's step declares the same state in its `from`; the table is the saga's map.
const NEXT: Partial<Record<SagaState, { name: string; run: StepRun }>> = {
  received: { name: validateStep.name, run: run(validateStep) },
  awaiting_payment: { name: validateStep.name, run: run(validateStep) },
  validated: { name: routeStep.name, run: run(routeStep) },
  routed: { name: registerStep.name, run: run(registerStep) },
  registered: { name: reserveStep.name, run: run(reserveStep) },
  reserved: { name: requestFulfilmentStep.name, run: run(requestFulfilmentStep) },
  shipped: { name: completeStep.name, run: run(completeStep) },
  completed: { name: invoiceStep.name, run: run(invoiceStep) },
  invoiced: { name: settleStep.name, run: run(settleStep) },
};

/** The name of the step the state calls for, if any. */
export function nextStepName(state: SagaState): string | undefined {
  return NEXT[state]?.name;
}

export async function advance(ctx: HandlerContext, saga: SagaOrder, deps: StepDeps): Promise<SagaOrder> {
  // The ERP's delivery catches up with each parcel before the order moves on (e.g. to completion).
  if (deliverStep.from.includes(saga.state) && pendingErpShipment(saga) !== undefined)
    return runStep(ctx, deliverStep, saga, deps);
  const next = NEXT[saga.state];
  return next === undefined ? saga : next.run(ctx, saga, deps);
}
