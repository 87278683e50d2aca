/** `order.backorder-expired`: a backorder's waiting time is up → `expireBackorders`. */
import type { HandlerContext } from '../../../runtime/contracts.js';
import type { BackorderExpired } from '../backorder-deadline.js';
import { expireBackorders } from '../compensations/expire-backorders.js';
import type { StepDeps } from '../define-step.js';
import { commit, stepIO } from '../run-step.js';
import { loadSaga } from '../saga-store.js';

export async function onBackorderExpired(
  ctx: HandlerContext<BackorderExpired>,
  deps: StepDeps,
): Promise<void> {
  const saga = await loadSaga(ctx.db, ctx.message.subject);
  if (saga === undefined) return;
  const outcome = await expireBackorders(saga, stepIO(ctx, deps), ctx.message.data);
  await commit(ctx, saga, outcome, deps.now());
}
