/**
 * Brings a confirmed sale order's lines in line with a new plan, the way Odoo lets a person edit
 * a confirmed order before delivery: matching lines (same product and description, in order) get
 * their quantity, price, discount and taxes written; planned lines with no match are added; lines
 * no longer planned go to quantity 0 — Odoo refuses to delete a confirmed line, and a lower
 * quantity releases the delivery's surplus. Odoo's own refusal (below the delivered quantity)
 * comes back as a BusinessError.
 *
 * @example
 * ```ts
 * await reviseConfirmedLines(ctx, 42, plan.lines); // then settle the total as on registration
 * ```
 */
import type { OdooContext } from './context.js';
import { asBusinessRejection } from './errors.js';
import { m2oId, type OdooFields } from './fields.js';
import { dec, toFloat } from './mapping/decimal.js';
import type { PlannedLine } from './mapping/order-lines.js';
import { lineValues } from './mapping/sale-order.js';

interface ExistingLine {
  id: number;
  key: string;
  quantity: number;
  priceUnit: number;
  discount: number;
  taxIds: number[];
}

const keyOf = (productId: number | undefined, name: unknown) => `${productId ?? 0}|${String(name)}`;
const sameIds = (a: readonly number[], b: readonly number[]) =>
  [...a].sort((x, y) => x - y).join() === [...b].sort((x, y) => x - y).join();

async function existingLines(ctx: OdooContext, orderId: number): Promise<ExistingLine[]> {
  const taxes = ctx.client.fields.lineTaxes;
  const rows = await ctx.client.searchRead(
    'sale.order.line',
    [
      ['order_id', '=', orderId],
      ['display_type', '=', false],
    ],
    ['product_id', 'name', 'product_uom_qty', 'price_unit', 'discount', taxes, 'sequence'],
    { order: 'sequence asc, id asc' },
  );
  return rows.map((row) => ({
    id: row.id,
    key: keyOf(m2oId(row.product_id), row.name),
    quantity: Number(row.product_uom_qty),
    priceUnit: Number(row.price_unit),
    discount: Number(row.discount ?? 0),
    taxIds: Array.isArray(row[taxes]) ? (row[taxes] as number[]) : [],
  }));
}

/** The one2many commands turning `existing` into `planned`. */
export function revisionCommands(
  existing: readonly ExistingLine[],
  planned: readonly PlannedLine[],
  fields: OdooFields,
): unknown[] {
  const unmatched = [...existing];
  const commands: unknown[] = [];
  planned.forEach((line, index) => {
    const at = unmatched.findIndex((e) => e.key === keyOf(line.productId, line.name));
    const values = lineValues(line, fields, 10 + index);
    if (at < 0) {
      commands.push([0, 0, { ...values, sequence: 500 + index }]);
      return;
    }
    const [match] = unmatched.splice(at, 1) as [ExistingLine];
    const taxIds = line.taxes.map((t) => t.id);
    const changed =
      !dec(match.quantity).equals(line.quantity) ||
      !dec(match.priceUnit).equals(line.priceUnit) ||
      !dec(match.discount).equals(line.discount) ||
      !sameIds(match.taxIds, taxIds);
    if (changed) {
      commands.push([
        1,
        match.id,
        {
          product_uom_qty: toFloat(line.quantity),
          price_unit: toFloat(line.priceUnit),
          discount: toFloat(line.discount),
          [fields.lineTaxes]: [[6, 0, taxIds]],
        },
      ]);
    }
  });
  for (const gone of unmatched) if (gone.quantity !== 0) commands.push([1, gone.id, { product_uom_qty: 0 }]);
  return commands;
}

export async function reviseConfirmedLines(
  ctx: OdooContext,
  orderId: number,
  planned: readonly PlannedLine[],
): Promise<void> {
  const commands = revisionCommands(await existingLines(ctx, orderId), planned, ctx.client.fields);
  if (commands.length === 0) return;
  await ctx.client.write('sale.order', [orderId], { order_line: commands }).catch((error: unknown) => {
    throw asBusinessRejection(error);
  });
}
