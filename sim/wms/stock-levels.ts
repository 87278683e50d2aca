/**
 * The warehouse's (or drop-ship supplier's) own stock per SKU, and its feed
 * `GET /v1/stock-levels?after=N&limit=M`: every change of a level, in order, as
 * `{ data: [{ position, sku, onHand, changedAt }], next, hasMore }` — the event feed's pattern, so
 * a merchant keeps one cursor per supplier. `PUT /_sim/stock` `{ levels: { SKU: onHand } }` sets
 * levels at run time (the supplier's own stock moves), like `/_sim/faults`.
 *
 * @example
 * ```ts
 * const stock = new StockLevels({ 'NOTE-A5': 1000 });
 * stock.set('NOTE-A5', 998);
 * stock.after(0, 100); // { data: [{ position: 1, sku: 'NOTE-A5', onHand: 1000, … }, { position: 2, … onHand: 998 }], next: 2, hasMore: false }
 * ```
 */
import type { FastifyInstance } from 'fastify';
import { sendWmsProblem } from './problem.js';

export interface StockLevelChange {
  position: number;
  sku: string;
  onHand: number;
  changedAt: string;
}

export class StockLevels {
  private readonly levels = new Map<string, number>();
  private readonly changes: StockLevelChange[] = [];

  constructor(initial: Record<string, number> = {}) {
    for (const [sku, onHand] of Object.entries(initial)) this.set(sku, onHand);
  }

  /** Records a new level; an unchanged one is not a change. */
  set(sku: string, onHand: number, at = new Date()): void {
    if (this.levels.get(sku) === onHand) return;
    this.levels.set(sku, onHand);
    this.changes.push({ position: this.changes.length + 1, sku, onHand, changedAt: at.toISOString() });
  }

  level(sku: string): number | undefined {
    return this.levels.get(sku);
  }

  after(position: number, limit: number): { data: StockLevelChange[]; next: number; hasMore: boolean } {
    const data = this.changes.slice(position, position + limit);
    const next = position + data.length;
    return { data, next: Math.max(next, position), hasMore: next < this.changes.length };
  }
}

export function registerStockRoutes(app: FastifyInstance, stock: StockLevels): void {
  app.get('/v1/stock-levels', (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const after = Number(query.after ?? '0');
    const limit = Number(query.limit ?? '100');
    if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1 || limit > 500) {
      return sendWmsProblem(reply, 400, 'invalid_query', 'after must be an integer >= 0 and limit 1–500.');
    }
    return reply.send(stock.after(after, limit));
  });
  app.put('/_sim/stock', (request, reply) => {
    const levels = (request.body as { levels?: unknown } | null)?.levels;
    const valid =
      typeof levels === 'object' &&
      levels !== null &&
      Object.values(levels).every((v) => Number.isInteger(v) && (v as number) >= 0);
    if (!valid)
      return sendWmsProblem(
        reply,
        400,
        'validation_failed',
        'Expected { levels: { SKU: non-negative integer } }.',
      );
    for (const [sku, onHand] of Object.entries(levels as Record<string, number>)) stock.set(sku, onHand);
    return reply.send({ levels });
  });
}
