/**
 * The warehouse's in-memory books: fulfilment orders, received returns and the idempotency keys
 * that protect their creation.
 */
import type { FulfilmentOrder, ReturnReceipt } from './types.js';

/** What was answered for an Idempotency-Key, replayed verbatim when the same request comes again. */
export interface IdempotencyRecord {
  fingerprint: string;
  /** Undefined while the first request is still being processed. */
  response?: { status: number; body: unknown };
}

export interface FulfilmentView {
  get(id: string): FulfilmentOrder | undefined;
  byReference(reference: string): FulfilmentOrder[];
  list(): FulfilmentOrder[];
  returns(): ReturnReceipt[];
}

export class WarehouseBooks implements FulfilmentView {
  private readonly orders = new Map<string, FulfilmentOrder>();
  /** Every create checks the reference, so it is indexed: a long demo run holds 100k+ orders. */
  private readonly byRef = new Map<string, FulfilmentOrder[]>();
  private readonly receipts: ReturnReceipt[] = [];
  private readonly idempotency = new Map<string, IdempotencyRecord>();
  private orderCounter = 0;
  private returnCounter = 0;

  constructor(private readonly warehouseId: string) {}

  nextOrderId(): string {
    this.orderCounter += 1;
    return `FO-${this.warehouseId.toUpperCase()}-${String(this.orderCounter).padStart(6, '0')}`;
  }

  nextReturnId(): string {
    this.returnCounter += 1;
    return `RT-${this.warehouseId.toUpperCase()}-${String(this.returnCounter).padStart(6, '0')}`;
  }

  addOrder(order: FulfilmentOrder): void {
    this.orders.set(order.id, order);
    const list = this.byRef.get(order.reference);
    if (list) list.push(order);
    else this.byRef.set(order.reference, [order]);
  }

  addReturn(receipt: ReturnReceipt): void {
    this.receipts.push(receipt);
  }

  get(id: string): FulfilmentOrder | undefined {
    return this.orders.get(id);
  }

  byReference(reference: string): FulfilmentOrder[] {
    return [...(this.byRef.get(reference) ?? [])];
  }

  list(): FulfilmentOrder[] {
    return [...this.orders.values()];
  }

  returns(): ReturnReceipt[] {
    return [...this.receipts];
  }

  /** Keys are scoped per endpoint so the same key may be reused on a different operation. */
  idempotencyRecord(scope: string, key: string): IdempotencyRecord | undefined {
    return this.idempotency.get(`${scope} ${key}`);
  }

  rememberIdempotency(scope: string, key: string, record: IdempotencyRecord): void {
    this.idempotency.set(`${scope} ${key}`, record);
  }

  forgetIdempotency(scope: string, key: string): void {
    this.idempotency.delete(`${scope} ${key}`);
  }
}
