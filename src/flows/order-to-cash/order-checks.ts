/**
 * The validation half of the `validate` step: the canonical schema and the order's arithmetic.
 * Returns the problems found, empty when the order is sound.
 *
 * @example
 * ```ts
 * const problems = orderProblems(order, 'per-line'); // [] or ['/lines/0/sku: must be string', ...]
 * ```
 */
import { Value } from 'typebox/value';
import { OrderSchema, type Order } from '../../canonical/index.js';
import * as canonical from '../../canonical/index.js';

type IntegrityCheck = (order: Order, options: { taxRounding: 'per-line' | 'subtotal' }) => { ok: boolean; discrepancies?: unknown[] };

// The integrity check is being written beside the canonical model; use it as soon as it is exported.
const integrity = (canonical as Record<string, unknown>).checkOrderIntegrity as IntegrityCheck | undefined;

export function orderProblems(order: Order, taxRounding: 'per-line' | 'subtotal' = 'per-line'): string[] {
  if (!Value.Check(OrderSchema, order)) {
    return [...Value.Errors(OrderSchema, order)].slice(0, 10).map((e) => `${e.instancePath || '/'}: ${e.message}`);
  }
  const problems: string[] = [];
  for (const line of order.lines) {
    if (line.sku === undefined || line.sku === '') problems.push(`line ${line.lineId} (${line.name}) has no SKU`);
  }
  if (integrity !== undefined) {
    const result = integrity(order, { taxRounding });
    if (!result.ok) problems.push(`order arithmetic does not add up: ${JSON.stringify(result.discrepancies ?? [])}`);
  }
  return problems;
}
