/**
 * The delivery queue, standing in for Action Scheduler: an event for a webhook + resource id that
 * is already pending is skipped (bursts collapse into one delivery), deliveries run later and build
 * their payload then, and nothing is retried. Fault knobs may delay, reorder, drop or duplicate.
 */
import type { Faults } from '../types.js';

export interface QueuedDelivery {
  webhookId: number;
  resourceId: number;
  topic: string;
  enqueuedAt: number;
}

const REORDER_WINDOW_MS = 25;
const keyOf = (item: QueuedDelivery): string => `${item.webhookId}:${item.resourceId}`;

export interface DeliveryQueueDeps {
  faults: () => Faults;
  random: () => number;
  deliver: (item: QueuedDelivery) => Promise<void>;
  concurrency: number;
}

export class DeliveryQueue {
  private readonly pending: QueuedDelivery[] = [];
  private readonly pendingKeys = new Set<string>();
  private inflight = 0;
  /** Keys being delivered: a later event for the same key waits, so one resource stays in order. */
  private readonly inflightKeys = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private waiters: (() => void)[] = [];
  private closed = false;
  coalesced = 0;

  constructor(private readonly deps: DeliveryQueueDeps) {}

  /** Returns false when an identical delivery was already pending (coalesced). */
  enqueue(item: QueuedDelivery): boolean {
    if (this.closed) return false;
    const key = keyOf(item);
    if (this.pendingKeys.has(key)) {
      this.coalesced += 1;
      return false;
    }
    this.pendingKeys.add(key);
    this.pending.push(item);
    this.schedule();
    return true;
  }

  get size(): number {
    return this.pending.length + this.inflight;
  }

  private schedule(): void {
    if (this.timer !== null || this.closed) return;
    const faults = this.deps.faults();
    // Reordering needs several deliveries waiting at once, so it holds the queue briefly.
    const delay = faults.reorderWebhooks
      ? Math.max(faults.webhookDelayMs, REORDER_WINDOW_MS)
      : faults.webhookDelayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, delay);
  }

  private pump(): void {
    if (this.deps.faults().reorderWebhooks && this.pending.length > 1) {
      // Out-of-order delivery: shuffle what is waiting (Fisher–Yates with the emulator's PRNG).
      for (let i = this.pending.length - 1; i > 0; i -= 1) {
        const j = Math.floor(this.deps.random() * (i + 1));
        [this.pending[i], this.pending[j]] = [
          this.pending[j] as QueuedDelivery,
          this.pending[i] as QueuedDelivery,
        ];
      }
    }
    while (this.inflight < this.deps.concurrency) {
      const index = this.pending.findIndex((p) => !this.inflightKeys.has(keyOf(p)));
      if (index < 0) break;
      const [item] = this.pending.splice(index, 1) as [QueuedDelivery];
      const key = keyOf(item);
      this.pendingKeys.delete(key);
      this.inflightKeys.add(key);
      this.inflight += 1;
      void this.deps
        .deliver(item)
        .catch(() => undefined)
        .finally(() => {
          this.inflight -= 1;
          this.inflightKeys.delete(key);
          if (this.pending.length > 0) this.schedule();
          this.notify();
        });
    }
    this.notify();
  }

  private notify(): void {
    if (this.pending.length === 0 && this.inflight === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Resolves once every queued delivery has been attempted. */
  flush(): Promise<void> {
    if (this.pending.length === 0 && this.inflight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.length = 0;
    this.pendingKeys.clear();
    this.notify();
  }
}
