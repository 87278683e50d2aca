/**
 * Delivers signed webhooks the way a 3PL does: one POST per event, HMAC-signed, retried with
 * exponential back-off on a non-2xx answer, in order per fulfilment unless the `reorderEvents` fault
 * holds them back, occasionally twice under the `duplicateEventRate` fault.
 *
 * Signature: `X-WMS-Signature: sha256=<hex HMAC-SHA256(secret, "<X-WMS-Timestamp>.<raw body>")>`,
 * the timestamp being Unix seconds. Every attempt is signed afresh with its own timestamp.
 */
import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { MemoryJournal } from './journal.js';
import type { PendingWork } from './pending.js';
import { chance, type Random } from './random.js';
import type { DeliveryEntry, WmsEvent, WmsFaults } from './types.js';
import { keepAliveFetch } from '../../src/connectors/http/keep-alive-fetch.js';

export interface WebhookRetry {
  /** Attempts in total, the first included. */
  attempts: number;
  /** Delay before the 2nd attempt; doubled for each further one. */
  baseDelayMs: number;
}

export interface WebhookSenderOptions {
  url: () => string | undefined;
  secret: string;
  faults: () => WmsFaults;
  random: Random;
  pending: PendingWork;
  deliveries: MemoryJournal<DeliveryEntry>;
  retry: WebhookRetry;
  log: Logger;
  timeoutMs?: number;
}

/** Signs a webhook body exactly as the emulator does; exported for the README's example and tests. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class WebhookSender {
  /** Delivery chain per fulfilment, so events of one fulfilment leave in sequence order. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Events held back by the reorder fault, with the pending-work handle that keeps flush() honest. */
  private readonly held = new Map<string, { events: WmsEvent[]; release: () => void }>();
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  /** Queues `event` for delivery. `final` marks the fulfilment's last event (releases held ones). */
  emit(streamKey: string, event: WmsEvent, final: boolean): void {
    const faults = this.options.faults();
    const held = this.held.get(streamKey);
    if (faults.reorderEvents && !final) {
      if (held) held.events.push(event);
      else this.held.set(streamKey, { events: [event], release: this.options.pending.hold() });
      return;
    }
    const batch = held ? [...held.events, event].reverse() : [event];
    if (held) {
      this.held.delete(streamKey);
      held.release();
    }
    for (const item of batch) this.enqueue(streamKey, item);
  }

  close(): void {
    this.closed = true;
    for (const { release } of this.held.values()) release();
    this.held.clear();
  }

  private enqueue(streamKey: string, event: WmsEvent): void {
    const previous = this.chains.get(streamKey) ?? Promise.resolve();
    const next = previous.then(async () => {
      await this.deliver(event);
      if (chance(this.options.random, this.options.faults().duplicateEventRate)) await this.deliver(event);
    });
    this.chains.set(streamKey, next);
    void this.options.pending.track(next).then(() => {
      if (this.chains.get(streamKey) === next) this.chains.delete(streamKey);
    });
  }

  private async deliver(event: WmsEvent): Promise<void> {
    const url = this.options.url();
    if (url === undefined) return;
    const body = JSON.stringify(event);
    const { attempts, baseDelayMs } = this.options.retry;
    for (let attempt = 1; attempt <= attempts && !this.closed; attempt += 1) {
      const delayMs = this.options.faults().delayMs;
      if (delayMs > 0) await wait(delayMs);
      const entry = await this.attempt(url, event, body, attempt);
      this.options.deliveries.add(entry);
      if (entry.status !== undefined && entry.status >= 200 && entry.status < 300) return;
      // Exponential back-off: base, 2×base, 4×base… as most webhook senders do.
      if (attempt < attempts) await wait(baseDelayMs * 2 ** (attempt - 1));
    }
    this.options.log.warn({ eventId: event.id, type: event.type }, 'wms webhook given up after retries');
  }

  private async attempt(url: string, event: WmsEvent, body: string, attempt: number): Promise<DeliveryEntry> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const base = { eventId: event.id, type: event.type, sequence: event.sequence, attempt };
    try {
      const response = await keepAliveFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'wms-emulator/1',
          'x-wms-event': event.type,
          'x-wms-event-id': event.id,
          'x-wms-timestamp': timestamp,
          'x-wms-signature': signWebhook(this.options.secret, timestamp, body),
          'x-wms-delivery-attempt': String(attempt),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
      await response.arrayBuffer();
      return { ...base, status: response.status, at: new Date().toISOString() };
    } catch (error) {
      return {
        ...base,
        error: error instanceof Error ? error.message : String(error),
        at: new Date().toISOString(),
      };
    }
  }
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
