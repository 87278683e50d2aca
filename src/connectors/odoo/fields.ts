/**
 * Field names and states that differ between the Odoo versions we speak (OpenUpgrade's analyses
 * are the source): 19 renamed `sale.order.line.tax_id`→`tax_ids` and `product_uom`→`product_uom_id`;
 * 18 replaced `detailed_type` with `type` + boolean `is_storable` (and `type` lost `product`);
 * only 16 has the sale order state `done` (17 added the `locked` flag instead); 18 renamed
 * `account.payment.ref` to `memo`.
 *
 * @example
 * ```ts
 * fieldsFor(19).lineTaxes; // 'tax_ids'
 * fieldsFor(17).serviceProduct; // { type: 'service', detailed_type: 'service' }
 * ```
 */
export type OdooVersion = 16 | 17 | 18 | 19;

export interface OdooFields {
  version: OdooVersion;
  /** sale.order.line many2many of taxes. */
  lineTaxes: 'tax_id' | 'tax_ids';
  /** sale.order.line unit of measure. */
  lineUom: 'product_uom' | 'product_uom_id';
  /** Values that make a product.template/product.product a service. */
  serviceProduct: Record<string, unknown>;
  /** Values that make a product stock-tracked. */
  storableProduct: Record<string, unknown>;
  /** sale.order states that mean "confirmed" on this version. */
  confirmedStates: string[];
  /** stock.move field holding the quantity actually moved, and whether `picked` must be set. */
  moveDoneQuantity: 'quantity_done' | 'quantity';
  movePickedFlag: boolean;
  /** account.payment's memo: `ref` up to 17, `memo` from 18. */
  paymentMemo: 'ref' | 'memo';
}

export function fieldsFor(version: OdooVersion): OdooFields {
  return {
    version,
    lineTaxes: version >= 19 ? 'tax_ids' : 'tax_id',
    lineUom: version >= 19 ? 'product_uom_id' : 'product_uom',
    serviceProduct: version >= 18 ? { type: 'service' } : { type: 'service', detailed_type: 'service' },
    storableProduct:
      version >= 18 ? { type: 'consu', is_storable: true } : { type: 'product', detailed_type: 'product' },
    confirmedStates: version === 16 ? ['sale', 'done'] : ['sale'],
    moveDoneQuantity: version >= 17 ? 'quantity' : 'quantity_done',
    movePickedFlag: version >= 17,
    paymentMemo: version >= 18 ? 'memo' : 'ref',
  };
}

/** Odoo sends `false` for every empty field. */
export function orUndefined<T>(value: T | false | null | undefined): T | undefined {
  return value === false || value === null ? undefined : value;
}

/** A many2one comes back as `[id, display_name]` (or `false`). */
export function m2oId(value: unknown): number | undefined {
  if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
  if (typeof value === 'number') return value;
  return undefined;
}

export function m2oName(value: unknown): string | undefined {
  return Array.isArray(value) && typeof value[1] === 'string' ? value[1] : undefined;
}

/** A text field: `false` → undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
