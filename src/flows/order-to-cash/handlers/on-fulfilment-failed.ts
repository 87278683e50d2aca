/** `fulfilment.failed`: a location cannot fulfil some lines → `rerouteLines`. */
import type { EventData } from '../../../canonical/index.js';
import { orderSubject } from '../../../canonical/index.js';
import type { HandlerContext } from '../../../runtime/contracts.js';
import { rerouteLines } from '../compensations/reroute-lines.js';
import type { StepDeps } from '../define-step.js';
import { commit, stepIO } from '../run-step.js';
import { loadSaga } from '../saga-store.js';

export async function onFulfilmentFailed(
  ctx: HandlerContext<EventData<'fulfilment.failed'>>,
  deps: StepDeps,
): Promise<void> {
  const data = ctx.message.data;
  const saga = await loadSaga(ctx.db, orderSubject(data.storeId, data.orderId));
  if (saga === undefined)
    throw new Error(`fulfilment failure for unknown order ${data.storeId}/${data.orderId}`);
  const lines = data.lines.map((l) => ({ lineId: l.lineId, sku: l.sku ?? '', quantity: l.quantity }));
  const outcome = await rerouteLines(saga, stepIO(ctx, deps), {
    reference: data.requestId,
    lines,
    reason: `${data.code}: ${data.reason}`,
  });
  await commit(ctx, saga, outcome, deps.now());
}
