/**
 * `order.resume`: a person cleared the cause of a parked order; it returns to the state it was
 * parked in and the saga re-runs the step from there (effects already done are answered by the
 * effect ledger).
 */
import type { HandlerContext } from '../../../runtime/contracts.js';
import { advance } from '../advance.js';
import type { StepDeps } from '../define-step.js';
import { commit, moveTo } from '../run-step.js';
import { loadSaga } from '../saga-store.js';

export async function onResume(
  ctx: HandlerContext<{ by?: string; note?: string }>,
  deps: StepDeps,
): Promise<void> {
  const saga = await loadSaga(ctx.db, ctx.message.subject);
  if (saga === undefined || saga.state !== 'parked' || saga.parked === undefined) return;
  const resumed = { ...moveTo(saga, saga.parked.from, deps.now()) };
  delete resumed.parked;
  const by = ctx.message.data.by ?? 'an operator';
  const saved = await commit(
    ctx,
    saga,
    {
      saga: resumed,
      timeline: [
        {
          kind: 'decision',
          system: 'hub',
          summary: `Resumed by ${by}${ctx.message.data.note ? `: ${ctx.message.data.note}` : ''}`,
        },
      ],
      events: [],
    },
    deps.now(),
  );
  await advance(ctx, saved, deps);
}
