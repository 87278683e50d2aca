/**
 * The routing run's working copy of available stock: allocations decrement it, so two lines of the
 * same SKU (or two orders routed in one run) can never promise the same unit twice.
 */
import type { Allocation, CandidateLocation, RouteLine } from './types.js';

export class StockLedger {
  private readonly stock = new Map<string, Map<string, number>>();
  private readonly allocations = new Map<string, Allocation[]>();

  constructor(locations: readonly CandidateLocation[]) {
    for (const location of locations) {
      const bySku = new Map<string, number>();
      for (const [sku, units] of Object.entries(location.available)) {
        // Negative or fractional availability (a projection glitch) must not create phantom units.
        bySku.set(sku, Number.isFinite(units) ? Math.max(0, Math.floor(units)) : 0);
      }
      this.stock.set(location.id, bySku);
    }
  }

  available(locationId: string, sku: string): number {
    return this.stock.get(locationId)?.get(sku) ?? 0;
  }

  /** The lines, in order, that `locationId` can ship in full together. */
  wholeLines(locationId: string, lines: readonly RouteLine[]): RouteLine[] {
    const used = new Map<string, number>();
    return lines.filter((line) => {
      const taken = used.get(line.sku) ?? 0;
      if (this.available(locationId, line.sku) - taken < line.quantity) return false;
      used.set(line.sku, taken + line.quantity);
      return true;
    });
  }

  /** Units `locationId` could ship of `lines`, dividing lines when `partial`. */
  shippableUnits(locationId: string, lines: readonly RouteLine[], partial: boolean): number {
    if (!partial) return this.wholeLines(locationId, lines).reduce((sum, line) => sum + line.quantity, 0);
    const used = new Map<string, number>();
    let units = 0;
    for (const line of lines) {
      const taken = used.get(line.sku) ?? 0;
      const take = Math.min(line.quantity, this.available(locationId, line.sku) - taken);
      used.set(line.sku, taken + take);
      units += take;
    }
    return units;
  }

  take(locationId: string, line: RouteLine, quantity: number): void {
    if (quantity <= 0) return;
    const bySku = this.stock.get(locationId);
    const left = (bySku?.get(line.sku) ?? 0) - quantity;
    if (!bySku || left < 0) throw new Error(`routing bug: over-allocating ${line.sku} at ${locationId}`);
    bySku.set(line.sku, left);
    const list = this.allocations.get(line.lineRef) ?? [];
    const existing = list.find((allocation) => allocation.locationId === locationId);
    if (existing) existing.quantity += quantity;
    else list.push({ locationId, quantity });
    this.allocations.set(line.lineRef, list);
  }

  allocated(lineRef: string): Allocation[] {
    return this.allocations.get(lineRef) ?? [];
  }

  allocatedUnits(lineRef: string): number {
    return this.allocated(lineRef).reduce((sum, allocation) => sum + allocation.quantity, 0);
  }
}
