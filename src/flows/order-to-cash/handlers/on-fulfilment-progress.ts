/**
 * `fulfilment.progressed` (from the WMS ingest): picking, packed, shipped, cancelled — the
 * fulfilment record's status only moves forward, so a late or duplicated event changes nothing.
 */
import { orderSubject } from '../../../canonical/index.js';
import type { HandlerContext } from '../../../runtime/contracts.js';
import type { StepDeps } from '../define-step.js';
import { commit } from '../run-step.js';
import type { FulfilmentStatus } from '../saga-state.js';
import { loadSaga } from '../saga-store.js';

export interface FulfilmentProgressed {
  storeId: string;
  orderId: string;
  reference: string;
  location: string;
  wmsId: string;
  status: FulfilmentStatus;
  at: string;
}

const ORDER: readonly FulfilmentStatus[] = ['requested', 'accepted', 'picking', 'packed', 'shipped'];
const rank = (s: FulfilmentStatus) => (s === 'cancelled' || s === 'exception' ? 99 : ORDER.indexOf(s));

export async function onFulfilmentProgress(
  ctx: HandlerContext<FulfilmentProgressed>,
  deps: StepDeps,
): Promise<void> {
  const data = ctx.message.data;
  const saga = await loadSaga(ctx.db, orderSubject(data.storeId, data.orderId));
  const record = saga?.fulfilments.find((f) => f.reference === data.reference);
  if (saga === undefined || record === undefined || rank(data.status) <= rank(record.status)) return;
  const fulfilments = saga.fulfilments.map((f) =>
    f === record ? { ...f, status: data.status, wmsId: data.wmsId } : f,
  );
  await commit(
    ctx,
    saga,
    {
      saga: { ...saga, fulfilments },
      timeline: [
        {
          kind: 'message',
          system: `wms:${data.location}`,
          summary: `Fulfilment ${data.reference}: ${data.status}`,
        },
      ],
      events: [],
    },
    deps.now(),
  );
}
