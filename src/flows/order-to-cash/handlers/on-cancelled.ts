/** `order.cancelled`: a whole-order cancellation runs the compensations (`cancelOrder`). */
import type { EventData } from '../../../canonical/index.js';
import { orderSubject } from '../../../canonical/index.js';
import type { HandlerContext } from '../../../runtime/contracts.js';
import { cancelOrder } from '../compensations/cancel-order.js';
import type { StepDeps } from '../define-step.js';
import { commit, parkOutcome, stepIO } from '../run-step.js';
import { loadSaga } from '../saga-store.js';

export async function onCancelled(
  ctx: HandlerContext<EventData<'order.cancelled'>>,
  deps: StepDeps,
): Promise<void> {
  const data = ctx.message.data;
  const saga = await loadSaga(ctx.db, orderSubject(data.storeId, data.orderId));
  if (saga === undefined) {
    ctx.log.warn(
      { storeId: data.storeId, orderId: data.orderId },
      'cancellation for an order the saga never saw; nothing to undo',
    );
    return;
  }
  const outcome =
    data.lines !== undefined && data.lines.length > 0
      ? parkOutcome(
          saga,
          'cancel',
          'partial_cancellation',
          `Cancellation of some lines (${data.lines.map((l) => l.lineId).join(', ')}) by ${data.by}: ${data.reason}`,
          deps.now(),
        )
      : await cancelOrder(saga, stepIO(ctx, deps), { by: data.by, reason: data.reason });
  await commit(ctx, saga, outcome, deps.now());
}
