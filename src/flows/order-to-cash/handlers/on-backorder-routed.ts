/** `order.backorder-routed`: stock arrived for backordered lines and was reserved for them → `routeBackorders`. */
import type { HandlerContext } from '../../../runtime/contracts.js';
import { routeBackorders } from '../compensations/route-backorders.js';
import type { StepDeps } from '../define-step.js';
import { commit, stepIO } from '../run-step.js';
import { loadSaga } from '../saga-store.js';
import type { BackorderRouted } from './on-stock-for-backorders.js';

export async function onBackorderRouted(ctx: HandlerContext<BackorderRouted>, deps: StepDeps): Promise<void> {
  const saga = await loadSaga(ctx.db, ctx.message.subject);
  if (saga === undefined) return;
  const outcome = await routeBackorders(saga, stepIO(ctx, deps), ctx.message.data);
  await commit(ctx, saga, outcome, deps.now());
}
