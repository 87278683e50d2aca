/**
 * Planned lines → sale.order.line create commands, and Odoo's sale.order state → canonical state,
 * with the field names of the configured version (`tax_id`/`tax_ids`).
 *
 * @example
 * ```ts
 * lineCommands(plan.lines, fieldsFor(19)); // [[0, 0, { product_id: 11, tax_ids: [[6, 0, []]], ... }], ...]
 * ```
 */
import type { ErpOrderState } from '../../erp.js';
import type { OdooFields } from '../fields.js';
import { toFloat } from './decimal.js';
import type { PlannedLine } from './order-lines.js';

export function lineValues(line: PlannedLine, fields: OdooFields, sequence: number): Record<string, unknown> {
  return {
    sequence,
    product_id: line.productId,
    name: line.name,
    product_uom_qty: toFloat(line.quantity),
    price_unit: toFloat(line.priceUnit),
    discount: toFloat(line.discount),
    [fields.lineTaxes]: [[6, 0, line.taxes.map((t) => t.id)]],
  };
}

export function lineCommands(
  lines: readonly PlannedLine[],
  fields: OdooFields,
  firstSequence = 10,
): unknown[] {
  return lines.map((line, index) => [0, 0, lineValues(line, fields, firstSequence + index)]);
}

export function orderState(odooState: string): ErpOrderState['state'] {
  switch (odooState) {
    case 'sale':
      return 'confirmed';
    case 'done':
      return 'done';
    case 'cancel':
      return 'cancelled';
    default:
      return 'draft';
  }
}
