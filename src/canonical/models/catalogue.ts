/**
 * Every published model with its current schema version; `schemas export` writes each as
 * `models/<name>/v<version>.json` and governance checks it against the committed file.
 *
 * @example
 * ```ts
 * modelCatalogue.order.version; // 1
 * ```
 */
import type { TSchema } from 'typebox';
import { EventEnvelopeSchema } from '../events/envelope.js';
import { MoneySchema } from '../money/money-schema.js';
import { AddressSchema } from './address.js';
import { CustomerSchema } from './customer.js';
import { FulfilmentRequestSchema, ShipmentSchema } from './fulfilment.js';
import { CreditNoteSchema, InvoiceSchema } from './invoice.js';
import { OrderLineSchema } from './order-lines.js';
import { OrderSchema } from './order.js';
import { PriceListSchema, PriceSchema } from './price.js';
import { ProductSchema, VariantSchema } from './product.js';
import { RefundSchema, ReturnSchema } from './refund.js';
import { ReservationSchema, StockPositionSchema } from './stock.js';

export interface ModelCatalogueEntry {
  readonly version: number;
  readonly schema: TSchema;
  readonly previous?: Readonly<Record<number, TSchema>>;
}

export const modelCatalogue = {
  money: { version: 1, schema: MoneySchema },
  address: { version: 1, schema: AddressSchema },
  customer: { version: 1, schema: CustomerSchema },
  product: { version: 1, schema: ProductSchema },
  variant: { version: 1, schema: VariantSchema },
  'price-list': { version: 1, schema: PriceListSchema },
  price: { version: 1, schema: PriceSchema },
  'stock-position': { version: 1, schema: StockPositionSchema },
  reservation: { version: 1, schema: ReservationSchema },
  order: { version: 1, schema: OrderSchema },
  'order-line': { version: 1, schema: OrderLineSchema },
  'fulfilment-request': { version: 1, schema: FulfilmentRequestSchema },
  shipment: { version: 1, schema: ShipmentSchema },
  return: { version: 1, schema: ReturnSchema },
  refund: { version: 1, schema: RefundSchema },
  invoice: { version: 1, schema: InvoiceSchema },
  'credit-note': { version: 1, schema: CreditNoteSchema },
  'event-envelope': { version: 1, schema: EventEnvelopeSchema },
} as const satisfies Record<string, ModelCatalogueEntry>;

export type ModelName = keyof typeof modelCatalogue;
