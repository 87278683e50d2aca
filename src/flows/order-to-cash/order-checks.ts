/**
 * The validation half of the `validate` step: the canonical schema, a SKU on every line (the
 * cross-system key), and the order's arithmetic (`checkOrderIntegrity`). Returns the problems
 * found, empty when the order is sound.
 *
 * @example
 * ```ts
 * const problems = orderProblems(order, 'per-line'); // [] or ['/lines/0/sku: must be string', ...]
 * ```
 */
import { Value } from 'typebox/value';
import { checkOrderIntegrity, OrderSchema, type Order } from '../../canonical/index.js';

export function orderProblems(order: Order, taxRounding: 'per-line' | 'subtotal' = 'per-line'): string[] {
  if (!Value.Check(OrderSchema, order)) {
    return [...Value.Errors(OrderSchema, order)]
      .slice(0, 10)
      .map((e) => `${e.instancePath || '/'}: ${e.message}`);
  }
  const problems: string[] = [];
  for (const line of order.lines) {
    if (line.sku === undefined || line.sku === '')
      problems.push(`line ${line.lineId} (${line.name}) has no SKU`);
  }
  const report = checkOrderIntegrity(order, { taxRounding });
  for (const d of report.discrepancies) problems.push(d.message);
  return problems;
}
