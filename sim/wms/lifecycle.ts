/**
 * Moves a fulfilment order through the warehouse on the emulator's clock:
 * accepted → picking → packed → shipped, or to `exception` when nothing can be picked. Lines whose
 * SKU is unpickable are reported in one `fulfilment.exception` event during picking; the rest ships.
 */
import { ulid } from 'ulid';
import type { EventLog } from './event-log.js';
import type { PendingWork } from './pending.js';
import type {
  FulfilmentOrder,
  FulfilmentStatus,
  OrderLine,
  Shipment,
  WmsClock,
  WmsEvent,
  WmsEventType,
  WmsFaults,
} from './types.js';
import type { WebhookSender } from './webhook-sender.js';

export interface LifecycleOptions {
  warehouseId: string;
  clock: WmsClock;
  carriers: string[];
  /** Units per parcel; each parcel is its own shipment with its own tracking number. */
  maxUnitsPerShipment: number | undefined;
  faults: () => WmsFaults;
  pending: PendingWork;
  sender: WebhookSender;
  events: EventLog;
}

export class FulfilmentLifecycle {
  private trackingCounter = 0;
  /** The next milestone's timer per order, disarmed on cancellation. */
  private readonly timers = new Map<string, () => void>();

  constructor(private readonly options: LifecycleOptions) {}

  /** Starts the clock for a newly accepted order. */
  start(order: FulfilmentOrder): void {
    this.schedule(order, this.options.clock.pickMs, () => this.pick(order));
  }

  private schedule(order: FulfilmentOrder, ms: number, step: () => void): void {
    const disarm = this.options.pending.after(ms, () => {
      this.timers.delete(order.id);
      step();
    });
    this.timers.set(order.id, disarm);
  }

  /** Cancels unless shipped; returns false when it is too late. */
  cancel(order: FulfilmentOrder): boolean {
    if (order.status === 'cancelled') return true;
    if (order.status === 'shipped') return false;
    this.timers.get(order.id)?.();
    this.timers.delete(order.id);
    this.transition(order, 'cancelled');
    this.emit(order, 'fulfilment.cancelled', true);
    return true;
  }

  /** Publishes a standalone event (returns) on its own stream. */
  emitStandalone(streamKey: string, event: WmsEvent): void {
    this.options.events.append(event);
    this.options.sender.emit(streamKey, event, true);
  }

  private pick(order: FulfilmentOrder): void {
    if (order.status !== 'accepted') return;
    this.transition(order, 'picking');
    this.emit(order, 'fulfilment.picking', false);
    const unpickable = new Set(this.options.faults().unpickableSkus);
    const missing = order.lines.filter((line) => unpickable.has(line.sku));
    if (missing.length > 0) {
      order.unfulfilledLines = missing.map((line) => ({ ...line, reason: 'line_unfulfillable' as const }));
      const nothingLeft = missing.length === order.lines.length;
      if (nothingLeft) this.transition(order, 'exception');
      this.emit(order, 'fulfilment.exception', nothingLeft, { code: 'line_unfulfillable', lines: missing });
      if (nothingLeft) return;
    }
    this.schedule(order, this.options.clock.packMs, () => this.pack(order));
  }

  private pack(order: FulfilmentOrder): void {
    if (order.status !== 'picking') return;
    this.transition(order, 'packed');
    this.emit(order, 'fulfilment.packed', false);
    this.schedule(order, this.options.clock.shipMs, () => this.ship(order));
  }

  private ship(order: FulfilmentOrder): void {
    if (order.status !== 'packed') return;
    const unfulfilled = new Set(order.unfulfilledLines.map((line) => line.lineRef));
    const shippable = order.lines.filter((line) => !unfulfilled.has(line.lineRef));
    const now = new Date().toISOString();
    const carrier = this.chooseCarrier(order);
    order.shipments = this.parcels(shippable).map((lines) => this.shipment(carrier, lines, now));
    this.transition(order, 'shipped');
    this.emit(order, 'fulfilment.shipped', true);
  }

  private chooseCarrier(order: FulfilmentOrder): string {
    const { carriers } = this.options;
    if (order.carrierHint !== undefined && carriers.includes(order.carrierHint)) return order.carrierHint;
    // Stable per reference, so replays of a scenario ship with the same carrier.
    let hash = 0;
    for (const char of order.reference) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return carriers[hash % carriers.length] ?? 'post';
  }

  private parcels(lines: OrderLine[]): OrderLine[][] {
    const capacity = this.options.maxUnitsPerShipment;
    if (capacity === undefined) return [lines];
    const parcels: OrderLine[][] = [];
    let current: OrderLine[] = [];
    let room = capacity;
    for (const line of lines) {
      let left = line.quantity;
      while (left > 0) {
        const take = Math.min(left, room);
        current.push({ ...line, quantity: take });
        left -= take;
        room -= take;
        if (room === 0) {
          parcels.push(current);
          current = [];
          room = capacity;
        }
      }
    }
    if (current.length > 0) parcels.push(current);
    return parcels;
  }

  private shipment(carrier: string, lines: OrderLine[], shippedAt: string): Shipment {
    this.trackingCounter += 1;
    const trackingNumber = `${carrier.toUpperCase()}${this.options.warehouseId.toUpperCase()}${String(this.trackingCounter).padStart(9, '0')}`;
    return {
      id: `SH-${ulid()}`,
      carrier,
      trackingNumber,
      trackingUrl: `https://tracking.example.com/${encodeURIComponent(carrier)}/${trackingNumber}`,
      shippedAt,
      lines,
    };
  }

  private transition(order: FulfilmentOrder, status: FulfilmentStatus): void {
    order.status = status;
    order.updatedAt = new Date().toISOString();
  }

  private emit(
    order: FulfilmentOrder,
    type: WmsEventType,
    final: boolean,
    exception?: WmsEvent['exception'],
  ): void {
    order.sequence += 1;
    const event: WmsEvent = {
      id: `evt_${ulid()}`,
      type,
      createdAt: new Date().toISOString(),
      warehouse: this.options.warehouseId,
      sequence: order.sequence,
      // A deep copy: later milestones must not change what an earlier event said.
      fulfilment: structuredClone(order),
      ...(exception === undefined ? {} : { exception }),
    };
    this.options.events.append(event);
    this.options.sender.emit(order.id, event, final);
  }
}
