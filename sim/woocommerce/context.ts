/**
 * What every handler of the emulated store gets: the data, the store's settings, a clock and the
 * webhook event sink. Passed explicitly; the emulator has no singletons.
 */
import type { Logger } from 'pino';
import type { DatePair } from './dates.js';
import type { StoreState } from './store-state.js';

export interface TaxSettings {
  rateId: number;
  /** Percent as a decimal string, e.g. "20" or "7.5". */
  rate: string;
  label: string;
  code: string;
  /** Whether shipping is taxed at this rate. */
  shipping: boolean;
}

export type ResourceName = 'order' | 'product' | 'customer' | 'coupon';
export type EventName = 'created' | 'updated' | 'deleted' | 'restored';

export interface StoreContext {
  state: StoreState;
  storeId: string;
  /** Site root without trailing slash, e.g. `http://127.0.0.1:9001`. */
  siteUrl: string;
  currency: string;
  dp: number;
  pricesIncludeTax: boolean;
  taxRoundAtSubtotal: boolean;
  tax: TaxSettings | null;
  utcOffsetMinutes: number;
  now(): DatePair;
  /** Queues webhook deliveries for `resource.event` about `resourceId`. */
  emit(resource: ResourceName, event: EventName, resourceId: number): void;
  log: Logger;
}

export const restUrl = (ctx: StoreContext, route: string): string => `${ctx.siteUrl}/wp-json${route}`;
export const link = (href: string): { href: string }[] => [{ href }];
