/**
 * Available-to-sell of one SKU in one store, a pure function: Σ over the store's locations
 * (on hand − ERP reserved) − hub reservations − safety stock, never below zero.
 *
 * @example
 * ```ts
 * computeAts({ positions: [{ onHand: 10, erpReserved: 2, asOf: '2026-11-23T10:00:00Z' }], hubReserved: 3, safetyStock: 1 });
 * // { available: 4, onHand: 10, reserved: 5, safetyStock: 1, asOf: '2026-11-23T10:00:00Z' }
 * ```
 */
export interface PositionFigures {
  onHand: number;
  erpReserved: number;
  asOf: string;
}

export interface AtsFigures {
  available: number;
  onHand: number;
  /** ERP reserved + hub reservations. */
  reserved: number;
  safetyStock: number;
  /** The oldest position's time: the answer is no fresher than that. */
  asOf: string;
}

export function computeAts(input: {
  positions: readonly PositionFigures[];
  hubReserved: number;
  safetyStock: number;
  now?: string;
}): AtsFigures {
  let onHand = 0;
  let erpReserved = 0;
  let asOf: string | undefined;
  for (const p of input.positions) {
    onHand += p.onHand;
    erpReserved += p.erpReserved;
    if (asOf === undefined || p.asOf < asOf) asOf = p.asOf;
  }
  const raw = onHand - erpReserved - input.hubReserved - input.safetyStock;
  return {
    available: Math.max(0, Math.floor(raw)),
    onHand,
    reserved: erpReserved + input.hubReserved,
    safetyStock: input.safetyStock,
    asOf: asOf ?? input.now ?? new Date(0).toISOString(),
  };
}
