/**
 * Every event the warehouse emitted, in emission order, behind `GET /v1/events?after=N`: the feed a
 * merchant polls to catch webhooks that never arrived. Positions are 1-based and never reused.
 */
import type { WmsEvent } from './types.js';

/** Oldest events are dropped past this many, as a real feed keeps a retention window. */
const RETENTION = 500_000;

export class EventLog {
  private readonly events: WmsEvent[] = [];
  /** Position of `events[0]` minus one. */
  private dropped = 0;

  append(event: WmsEvent): void {
    this.events.push(event);
    if (this.events.length > RETENTION * 1.1) {
      const excess = this.events.length - RETENTION;
      this.events.splice(0, excess);
      this.dropped += excess;
    }
  }

  /** Events after `position`, at most `limit`; `next` is the position to ask after next time. */
  after(position: number, limit: number): { data: WmsEvent[]; next: number; hasMore: boolean } {
    const start = Math.max(0, position - this.dropped);
    const data = this.events.slice(start, start + limit);
    const next = this.dropped + start + data.length;
    return { data, next: Math.max(next, position), hasMore: start + data.length < this.events.length };
  }
}
