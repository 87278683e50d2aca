/**
 * Consumer `order-to-cash:backorders`: when stock of a SKU arrives somewhere (`stock.changed`
 * from the ERP's feed or a drop-ship supplier's), or an order starts waiting for a SKU
 * (`backorder.waiting`), the waiting orders' backordered lines of that SKU are routed again,
 * oldest order first, through the OMS — whose available-to-promise is the projection less the
 * hub's reservation ledger. Each order's allocation is reserved in the ledger and handed to the
 * order's own partition (`order.backorder-routed`) in one transaction, so the next order routed
 * sees those units taken and the order applies its plan serialised with its other saga messages
 * (`../compensations/route-backorders.ts`). Stock that arrives at an order's own ERP warehouse may
 * be reserved by the ERP's waiting delivery for that order before the hub hears of it (the feed
 * then says reserved, not available): such an order is routed there on its delivery's word, with
 * nothing taken from the ledger (`../erp-reserved-backorders.ts`).
 *
 * Why a consumer and not a periodic sweep: both triggers are partitioned per SKU
 * (`stock.<sku>`), so the allocations of one SKU run strictly one after another on whichever
 * worker holds the partition — two orders can never be promised the same units, and no worker
 * sweeps at the same time as another. A sweep would run in every worker process at once and
 * outside the orders' partitions, and would react only at its interval.
 *
 * @example
 * ```ts
 * runtime.subscribe(BACKORDER_CONSUMER, BACKORDER_TRIGGERS, onStockForBackorders(deps));
 * ```
 */
import type { EventData } from '../../../canonical/index.js';
import { skuPartitionKey } from '../../../canonical/index.js';
import type { Db, EventInput, Handler, HandlerContext } from '../../../runtime/contracts.js';
import { TransientError } from '../../../runtime/errors.js';
import { retake } from '../../inventory/reservation-ledger/index.js';
import type { StepDeps } from '../define-step.js';
import { reservationLines } from '../erp-held.js';
import { erpReservedPlan } from '../erp-reserved-backorders.js';
import { sagaEvent } from '../saga-events.js';
import type { Assignment, PlannedLine, SagaOrder } from '../saga-state.js';
import { listBackordered } from '../saga-store.js';

export const BACKORDER_CONSUMER = 'order-to-cash:backorders';
export const BACKORDER_TRIGGERS: readonly string[] = ['stock.changed', 'backorder.waiting'];

/** What the order's partition receives: the plan for some of its backordered lines, already reserved. */
export interface BackorderRouted {
  storeId: string;
  orderId: string;
  sku: string;
  /** The saga version the plan was made for (part of its effect key). */
  version: number;
  assignments: Assignment[];
  reasons: string[];
  /** `erp`: the ERP's own delivery reserved the units, so the hub's ledger holds nothing for them. */
  heldBy?: 'erp';
}

/** `backorder.waiting`: an order now waits for `sku` (stock may already be there). */
export function backorderWaitingEvent(saga: SagaOrder, sku: string): EventInput {
  return {
    type: 'backorder.waiting',
    subject: saga.subject,
    partitionKey: skuPartitionKey(sku),
    data: { storeId: saga.storeId, orderId: saga.orderId, sku },
  };
}

/** One `backorder.waiting` per SKU the saga's backorders wait for. */
export function backorderWaitingEvents(saga: SagaOrder): EventInput[] {
  const skus = new Set((saga.routing?.backorders ?? []).map((line) => line.sku));
  return [...skus].map((sku) => backorderWaitingEvent(saga, sku));
}

/** Locations that already failed one of these lines: never chosen for them again. */
function failedFor(saga: SagaOrder, lines: readonly PlannedLine[]): string[] {
  const ids = new Set(lines.map((line) => line.lineId));
  return [
    ...new Set(
      saga.fulfilments.filter((f) => f.failedLineIds.some((id) => ids.has(id))).map((f) => f.location),
    ),
  ];
}

/** Attempts a stock arrival waits for the inventory projection before routing on what it has. */
const PROJECTION_WAIT_ATTEMPTS = 3;

type Position = EventData<'stock.changed'>['position'];

/**
 * The OMS routes on the inventory projection, which the `inventory` consumer updates from this
 * same event in parallel: until it shows this position (or a newer one) the delivery is retried,
 * a few times only, so a hub without the projection still routes.
 */
async function awaitProjection(db: Db, position: Position, attempt: number): Promise<void> {
  if (attempt > PROJECTION_WAIT_ATTEMPTS) return;
  const row = await db
    .selectFrom('stock_positions')
    .select('as_of')
    .where('sku', '=', position.sku)
    .where('location', '=', position.location)
    .executeTakeFirst();
  if (row !== undefined && Date.parse(row.as_of) >= Date.parse(position.asOf)) return;
  throw new TransientError(`stock projection of ${position.sku} at ${position.location} not yet updated`, {
    code: 'projection_behind',
    system: 'hub',
  });
}

function skuOf(ctx: HandlerContext): { sku: string; position?: Position } | undefined {
  if (ctx.message.type === 'stock.changed') {
    const { position } = (ctx as HandlerContext<EventData<'stock.changed'>>).message.data;
    // Nothing free and nothing reserved (by the ERP, perhaps for a waiting order): no unit for anyone.
    return position.available > 0 || position.reserved > 0 ? { sku: position.sku, position } : undefined;
  }
  const { sku } = (ctx as HandlerContext<{ sku?: string }>).message.data;
  return typeof sku === 'string' ? { sku } : undefined;
}

/**
 * A new plan for `lines`: the order's ERP delivery reserved them at the arrival's location, else
 * the OMS routes what is available to sell. Undefined when neither can ship anything yet.
 */
async function planFor(
  saga: SagaOrder,
  lines: PlannedLine[],
  position: Position | undefined,
  deps: StepDeps,
): Promise<Pick<BackorderRouted, 'assignments' | 'reasons' | 'heldBy'> | undefined> {
  if (position !== undefined && position.reserved > 0) {
    const held = await erpReservedPlan(saga, lines, position.location, deps.erp);
    if (held !== undefined) return { ...held, heldBy: 'erp' };
  }
  if (position !== undefined && position.available <= 0) return undefined;
  const plan = await deps.router.route({ order: saga.order, lines, exclude: failedFor(saga, lines) });
  return plan.assignments.length === 0 ? undefined : { assignments: plan.assignments, reasons: plan.reasons };
}

export function onStockForBackorders(deps: StepDeps): Handler {
  return async (ctx) => {
    const trigger = skuOf(ctx);
    if (trigger === undefined) return;
    const { sku, position } = trigger;
    const waiting = await listBackordered(ctx.db, sku);
    if (waiting.length === 0) return;
    if (position !== undefined && position.available > 0)
      await awaitProjection(ctx.db, position, ctx.message.attempt);
    for (const saga of waiting) {
      const lines = (saga.routing?.backorders ?? []).filter((line) => line.sku === sku);
      // Keyed by the saga's version: until the order applies a plan, every trigger finds the same
      // one (so its units are never promised twice); once applied, the version has moved on.
      const key = `oms:backorder:${saga.subject}:${sku}:${saga.version}`;
      const prior = await ctx.effects.get<BackorderRouted>(key);
      let routed = prior?.status === 'completed' ? prior.result : undefined;
      if (routed === undefined) {
        const found = await planFor(saga, lines, position, deps);
        // Nothing can ship yet: not recorded, so the next arrival asks again.
        if (found === undefined) continue;
        const planned: BackorderRouted = {
          storeId: saga.storeId,
          orderId: saga.orderId,
          sku,
          version: saga.version,
          ...found,
        };
        routed = await ctx.effects.run(key, { perform: async () => planned });
      }
      const plan = routed;
      const now = deps.now();
      await ctx.transaction(async (trx, publish) => {
        // The hub holds the units until they ship: the ERP order confirmed these lines with
        // nothing to reserve, so its own reservation does not cover them — unless it since did.
        if (plan.heldBy !== 'erp') await retake(trx, saga.subject, reservationLines(plan.assignments), now);
        await publish([sagaEvent(saga, 'order.backorder-routed', { ...plan })]);
      });
    }
  };
}
