/**
 * Short soft holds taken by `POST /v1/checkout/validate` with `hold: true`: between the answer
 * "ok" and the order reaching the hub's reservation ledger, units promised to one shopper are not
 * promised again — in this store or any store sharing one of its locations. Holds only lower the
 * API's answers (never the quantities pushed to stores) and lapse after `ttlMs`; until then they
 * may overlap the order's own reservation, which errs on the safe side. Checked and taken in one
 * synchronous step, so concurrent requests in a process cannot both take the last unit.
 *
 * @example
 * ```ts
 * const holds = createCheckoutHolds({ ttlMs: 60_000 });
 * holds.take(['main'], [{ sku: 'MUG', quantity: 1 }], Date.now());
 * holds.held(['main', 'east'], 'MUG', Date.now()); // 1
 * ```
 */
export interface CheckoutHolds {
  /** Units of `sku` held at any of `locations`. */
  held(locations: readonly string[], sku: string, now: number): number;
  /** Records holds; returns when they lapse (epoch ms). */
  take(
    locations: readonly string[],
    lines: readonly { sku: string; quantity: number }[],
    now: number,
  ): number;
}

interface Hold {
  locations: readonly string[];
  sku: string;
  quantity: number;
  expiresAt: number;
}

export function createCheckoutHolds(options: { ttlMs: number }): CheckoutHolds {
  let holds: Hold[] = [];
  const prune = (now: number) => {
    if (holds.some((h) => h.expiresAt <= now)) holds = holds.filter((h) => h.expiresAt > now);
  };
  return {
    held(locations, sku, now) {
      prune(now);
      let total = 0;
      for (const h of holds)
        if (h.sku === sku && h.locations.some((l) => locations.includes(l))) total += h.quantity;
      return total;
    },
    take(locations, lines, now) {
      const expiresAt = now + options.ttlMs;
      for (const line of lines) holds.push({ locations, sku: line.sku, quantity: line.quantity, expiresAt });
      return expiresAt;
    },
  };
}
