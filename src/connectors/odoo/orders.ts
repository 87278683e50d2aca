/**
 * Sales orders in Odoo: idempotent registration, look-up, confirm, cancel, update.
 *
 * Registration is safe to repeat and to race: (1) the external id `retail_hub.order_<store>_<id>`
 * is looked up, (2) failing that, `client_order_ref` (`WC-<store>-<id>`) — the fallback when a
 * crash lost the external id write — and the external id is repaired; (3) only then is the order
 * created, in ONE `create` call with all its lines, and its external id written right after.
 * If that write loses a race (unique constraint), our copy is deleted and the winner returned.
 * Finally `amount_total` is read back and must equal the channel total; a cent of drift gets an
 * explicit rounding line.
 *
 * @example
 * ```ts
 * const result = await registerOrder(ctx, order, { storeId: 'eu', warehouse: 'WH/Stock' });
 * result.created; // false on every call after the first
 * ```
 */
import type { Order } from '../../canonical/models/order.js';
import { minorUnits } from '../../canonical/money/currencies.js';
import { BusinessError, PermanentError } from '../../runtime/errors.js';
import type { ErpOrderState, RegisterOrderOptions, RegisteredOrder } from '../erp.js';
import { erpLocationOf, type OdooContext } from './context.js';
import { findOrCreateCustomer } from './customers.js';
import { SYSTEM, asBusinessRejection } from './errors.js';
import { createXmlId, findXmlId } from './external-ids.js';
import { m2oName } from './fields.js';
import { dec, odooRound } from './mapping/decimal.js';
import { clientOrderRef, orderXmlName, saleDraftFromOrder } from './mapping/from-order.js';
import {
  planLines,
  requiredServices,
  roundingLine,
  type LinePlan,
  type LineRefs,
} from './mapping/order-lines.js';
import { lineCommands, orderState } from './mapping/sale-order.js';
import { reviseConfirmedLines } from './order-revision.js';
import { resolveSkus } from './products.js';
import { ensureServiceProducts } from './service-products.js';
import { resolveTaxes } from './taxes.js';

const ORDER_FIELDS = ['name', 'state', 'amount_total', 'currency_id', 'client_order_ref'];

function registered(
  row: Record<string, unknown> & { id: number },
  digits: number,
  created: boolean,
): RegisteredOrder {
  return {
    erpOrderId: String(row.id),
    erpOrderName: String(row.name),
    amountTotal: odooRound(dec(Number(row.amount_total)), digits).toFixed(digits),
    created,
  };
}

function currencyDigits(row: Record<string, unknown>): number {
  return minorUnits(m2oName(row.currency_id) ?? 'EUR');
}

async function readOrderRow(ctx: OdooContext, id: number) {
  return (await ctx.client.searchRead('sale.order', [['id', '=', id]], ORDER_FIELDS, { limit: 1 }))[0];
}

/** The order as Odoo has it, found by external id, else by channel reference (repairing the external id). */
export async function findOrder(
  ctx: OdooContext,
  storeId: string,
  externalId: string,
): Promise<RegisteredOrder | undefined> {
  const xmlName = orderXmlName(storeId, externalId);
  const xml = await findXmlId(ctx.client, xmlName);
  if (xml) {
    const row = await readOrderRow(ctx, xml.resId);
    if (row) return registered(row, currencyDigits(row), false);
  }
  const domain: unknown[] = [['client_order_ref', '=', clientOrderRef(storeId, externalId)]];
  if (ctx.settings.companyId !== undefined) domain.push(['company_id', '=', ctx.settings.companyId]);
  const row = (
    await ctx.client.searchRead('sale.order', domain, ORDER_FIELDS, { order: 'id asc', limit: 1 })
  )[0];
  if (!row) return undefined;
  if (!xml) await createXmlId(ctx.client, xmlName, 'sale.order', row.id).catch(() => undefined);
  return registered(row, currencyDigits(row), false);
}

/** Everything an order's lines need from Odoo, then the planned lines. */
async function planOrder(ctx: OdooContext, order: Order): Promise<LinePlan> {
  const draft = saleDraftFromOrder(order);
  const mode = ctx.settings.taxMode;
  const [products, services, taxes] = await Promise.all([
    resolveSkus(
      ctx.client,
      draft.lines.map((l) => l.sku),
    ),
    ensureServiceProducts(ctx, requiredServices(draft, mode)),
    mode === 'map' ? resolveTaxes(ctx, draft) : Promise.resolve(undefined),
  ]);
  const missing = draft.lines.map((l) => l.sku).filter((sku) => !products.has(sku));
  if (missing.length > 0) {
    throw new BusinessError(
      `SKU not found in Odoo (product.product.default_code): ${[...new Set(missing)].join(', ')}`,
      {
        code: 'unknown_sku',
        system: SYSTEM,
        details: { skus: missing },
      },
    );
  }
  const refs: LineRefs = {
    productId: (sku) => Number(products.get(sku)?.productId),
    service: (key) => services.get(key) as number,
    taxesForRate: (rateId) => taxes?.get(rateId) ?? [],
  };
  return planLines(draft, mode, refs, { currencyDigits: minorUnits(order.currency) });
}

async function headerValues(
  ctx: OdooContext,
  order: Order,
  options: RegisterOrderOptions,
): Promise<Record<string, unknown>> {
  const email = order.customer.email ?? order.billing?.email;
  if (!email)
    throw new BusinessError('The order has no customer e-mail', {
      code: 'customer_without_email',
      system: SYSTEM,
    });
  const customer = await findOrCreateCustomer(
    ctx,
    {
      email,
      firstName: order.customer.firstName,
      lastName: order.customer.lastName,
      phone: order.customer.phone,
    },
    order.billing,
    order.shipping,
  );
  const [pricelistId, warehouseId] = await Promise.all([
    ctx.lookups.pricelistId(order.currency, options.pricelist),
    options.warehouse
      ? ctx.lookups.warehouseId(erpLocationOf(ctx.settings, options.warehouse))
      : Promise.resolve(undefined),
  ]);
  const values: Record<string, unknown> = {
    partner_id: Number(customer.customerId),
    partner_invoice_id: Number(customer.invoiceAddressId),
    partner_shipping_id: Number(customer.shippingAddressId),
    client_order_ref: clientOrderRef(options.storeId, order.externalId),
    origin: `WooCommerce ${options.storeId} #${order.number}`,
  };
  // The pricelist sets the order's currency: without one in the channel's currency, Odoo would
  // quietly book the amounts in its default currency.
  if (pricelistId === undefined) {
    throw new BusinessError(
      `No Odoo pricelist in ${order.currency}; create one or set the store's pricelist`,
      {
        code: 'no_pricelist_for_currency',
        system: SYSTEM,
        details: { currency: order.currency },
      },
    );
  }
  values.pricelist_id = pricelistId;
  if (warehouseId !== undefined) values.warehouse_id = warehouseId;
  if (ctx.settings.companyId !== undefined) values.company_id = ctx.settings.companyId;
  if (order.customerNote) values.note = order.customerNote;
  return values;
}

/**
 * Reads amount_total back; when Odoo's computation landed away from the channel total, one
 * explicit rounding line closes the gap (never a silent drift). Still off afterwards: a person looks.
 */
async function settleTotal(
  ctx: OdooContext,
  id: number,
  channelTotal: string,
  digits: number,
): Promise<Record<string, unknown> & { id: number }> {
  let row = await readOrderRow(ctx, id);
  for (let attempt = 0; row && attempt < 2; attempt++) {
    const gap = odooRound(dec(channelTotal).minus(Number(row.amount_total)), digits);
    if (gap.isZero()) return row;
    if (attempt === 1) break;
    const services = await ensureServiceProducts(ctx, ['rounding']);
    const line = roundingLine({ productId: () => 0, service: () => services.get('rounding') as number }, gap);
    await ctx.client.write('sale.order', [id], { order_line: lineCommands([line], ctx.client.fields, 1000) });
    row = await readOrderRow(ctx, id);
  }
  if (!row)
    throw new PermanentError(`sale.order ${id} vanished after creation`, {
      code: 'MissingError',
      system: SYSTEM,
    });
  throw new BusinessError(
    `Odoo total ${row.amount_total} differs from the channel total ${channelTotal} after a rounding adjustment`,
    {
      code: 'total_mismatch',
      system: SYSTEM,
      details: { erpOrderId: id, odooTotal: row.amount_total, channelTotal },
    },
  );
}

export async function registerOrder(
  ctx: OdooContext,
  order: Order,
  options: RegisterOrderOptions,
): Promise<RegisteredOrder> {
  const existing = await findOrder(ctx, options.storeId, order.externalId);
  if (existing) return existing;
  const [plan, header] = await Promise.all([planOrder(ctx, order), headerValues(ctx, order, options)]);
  const id = await ctx.client
    .create('sale.order', { ...header, order_line: lineCommands(plan.lines, ctx.client.fields) })
    .catch((error: unknown) => {
      throw asBusinessRejection(error);
    });
  const xmlName = orderXmlName(options.storeId, order.externalId);
  try {
    await createXmlId(ctx.client, xmlName, 'sale.order', id);
  } catch (error) {
    const winner = await findXmlId(ctx.client, xmlName);
    if (!winner || winner.resId === id) throw error;
    // Another process registered the same order meanwhile: ours is the duplicate.
    await ctx.client
      .call('sale.order', 'unlink', [[id]])
      .catch(() => ctx.client.call('sale.order', 'action_cancel', [[id]]));
    const row = await readOrderRow(ctx, winner.resId);
    if (row) return registered(row, currencyDigits(row), false);
    throw error;
  }
  const digits = minorUnits(order.currency);
  const row = await settleTotal(ctx, id, order.totals.total.amount, digits);
  return registered(row, digits, true);
}

export async function readOrder(ctx: OdooContext, erpOrderId: string): Promise<ErpOrderState> {
  const row = await readOrderRow(ctx, Number(erpOrderId));
  if (!row)
    throw new PermanentError(`sale.order ${erpOrderId} not found`, { code: 'MissingError', system: SYSTEM });
  const digits = currencyDigits(row);
  return {
    erpOrderId,
    erpOrderName: String(row.name),
    state: orderState(String(row.state)),
    amountTotal: odooRound(dec(Number(row.amount_total)), digits).toFixed(digits),
    currency: m2oName(row.currency_id) ?? '',
  };
}

/** No-op when already confirmed; a cancelled order cannot be confirmed (BusinessError). */
export async function confirmOrder(ctx: OdooContext, erpOrderId: string): Promise<void> {
  const { state, erpOrderName } = await readOrder(ctx, erpOrderId);
  if (state === 'confirmed' || state === 'done') return;
  if (state === 'cancelled')
    throw new BusinessError(`${erpOrderName} is cancelled in Odoo and cannot be confirmed`, {
      code: 'order_cancelled',
      system: SYSTEM,
    });
  await ctx.client.call('sale.order', 'action_confirm', [[Number(erpOrderId)]]).catch((error: unknown) => {
    throw asBusinessRejection(error);
  });
}

/** No-op when already cancelled; Odoo refuses (UserError → BusinessError) once goods are delivered or invoiced. */
export async function cancelOrder(ctx: OdooContext, erpOrderId: string): Promise<void> {
  const { state } = await readOrder(ctx, erpOrderId);
  if (state === 'cancelled') return;
  await ctx.client
    .call('sale.order', 'action_cancel', [[Number(erpOrderId)]], {
      context: { disable_cancel_warning: true },
    })
    .catch((error: unknown) => {
      throw asBusinessRejection(error);
    });
}

/**
 * Replaces lines and addresses of a draft order. A confirmed order has its lines revised as Odoo
 * allows before delivery (quantities, prices, new lines; a line no longer sold goes to quantity 0,
 * which releases its reservation); Odoo refuses below the delivered quantity (BusinessError). A
 * locked or cancelled order is a person's job.
 */
export async function updateOrder(
  ctx: OdooContext,
  erpOrderId: string,
  order: Order,
  options: RegisterOrderOptions,
): Promise<RegisteredOrder> {
  const current = await readOrder(ctx, erpOrderId);
  const digits = minorUnits(order.currency);
  if (current.state === 'confirmed') {
    const id = Number(erpOrderId);
    await reviseConfirmedLines(ctx, id, (await planOrder(ctx, order)).lines);
    return registered(await settleTotal(ctx, id, order.totals.total.amount, digits), digits, false);
  }
  if (current.state !== 'draft') {
    throw new BusinessError(
      `${current.erpOrderName} is ${current.state} in Odoo; the edit must be applied by a person`,
      {
        code: 'order_not_editable',
        system: SYSTEM,
        details: { erpOrderId, state: current.state },
      },
    );
  }
  const [plan, header] = await Promise.all([planOrder(ctx, order), headerValues(ctx, order, options)]);
  const id = Number(erpOrderId);
  await ctx.client
    .write('sale.order', [id], {
      ...header,
      order_line: [[5, 0, 0], ...lineCommands(plan.lines, ctx.client.fields)],
    })
    .catch((error: unknown) => {
      throw asBusinessRejection(error);
    });
  return registered(await settleTotal(ctx, id, order.totals.total.amount, digits), digits, false);
}
