/**
 * How long a backordered line may wait: `routing.backorderMaxDays` (default 14; 0 = for ever).
 * When lines start waiting the saga publishes one timer, `order.backorder-expired`, in the order's
 * own partition and due (`notBefore`) that many days later; when it fires, those of its lines
 * still waiting are cancelled and refunded (`./compensations/expire-backorders.ts`). A timer is an
 * event rather than a sweep so it survives restarts, runs serialised with the order's other saga
 * messages, and costs nothing until it is due.
 *
 * @example
 * ```ts
 * events.push(...backorderDeadlineEvents(saga, saga.routing?.backorders ?? [], io.deps.config, now));
 * ```
 */
import type { EventInput } from '../../runtime/contracts.js';
import type { SagaConfig } from './ports.js';
import { sagaEvent } from './saga-events.js';
import type { PlannedLine, SagaOrder } from './saga-state.js';

export const DEFAULT_BACKORDER_MAX_DAYS = 14;
const DAY_MS = 86_400_000;

/** What the timer carries: the lines that started waiting, and since when. */
export interface BackorderExpired {
  storeId: string;
  orderId: string;
  lineIds: string[];
  since: string;
  maxDays: number;
}

export function backorderMaxDays(config: SagaConfig): number {
  const value = config.routing?.backorderMaxDays;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? value
    : DEFAULT_BACKORDER_MAX_DAYS;
}

/** The timer for `lines` starting to wait at `now`; none when the limit is 0 or nothing waits. */
export function backorderDeadlineEvents(
  saga: Pick<SagaOrder, 'subject' | 'storeId' | 'orderId'>,
  lines: readonly PlannedLine[],
  config: SagaConfig,
  now: Date,
): EventInput[] {
  const maxDays = backorderMaxDays(config);
  if (maxDays === 0 || lines.length === 0) return [];
  const data = { lineIds: [...new Set(lines.map((l) => l.lineId))], since: now.toISOString(), maxDays };
  return [
    {
      ...sagaEvent(saga, 'order.backorder-expired', data),
      notBefore: new Date(now.getTime() + maxDays * DAY_MS).toISOString(),
    },
  ];
}
