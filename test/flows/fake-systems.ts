/**
 * In-memory stand-ins for the external systems (ERP, WooCommerce store, warehouses) at the saga's
 * port level, for step unit tests: they count calls so tests can prove "exactly once", and have
 * fault switches (ERP rejection, maintenance). End-to-end tests use the real emulators instead.
 *
 * @example
 * ```ts
 * const erp = new FakeErp();
 * erp.reject = 'Customer is blocked';
 * ```
 */
import type { Invoice, CreditNote, Order, Refund } from '../../src/canonical/index.js';
import type { ErpDelivery, RegisteredOrder, ValidateDeliveryInput } from '../../src/connectors/erp.js';
import type {
  SagaErpPort,
  ChannelRefundRequest,
  FulfilmentCreate,
  FulfilmentOrderRef,
  FulfilmentPort,
  OrderChannelPort,
} from '../../src/flows/order-to-cash/index.js';
import { BusinessError, TransientError } from '../../src/runtime/errors.js';

export class FakeErp implements SagaErpPort {
  readonly system = 'odoo';
  orders = new Map<string, { id: string; name: string; order: Order; state: string }>();
  calls: string[] = [];
  reject: string | undefined;
  rejectUpdate: string | undefined;
  maintenance = false;
  creditNotes: { refund: Refund; erpOrderId: string }[] = [];
  payments: { invoiceId: string; amount: string }[] = [];
  invoices = new Map<string, Invoice>();
  /** Outgoing pickings per ERP order id, made at confirmation; a partial validation leaves a backorder. */
  deliveries = new Map<string, ErpDelivery[]>();
  validations: ValidateDeliveryInput[] = [];
  /** Fails the next `validateDelivery` calls: a transient error `times` times, or an ERP refusal. */
  deliveryFault: { kind: 'transient' | 'business'; times: number; message: string } | undefined;

  private gate(call: string) {
    this.calls.push(call);
    if (this.maintenance)
      throw new TransientError('Odoo is under maintenance', { code: 'maintenance', system: 'odoo' });
  }

  async registerOrder(order: Order): Promise<RegisteredOrder> {
    this.gate('registerOrder');
    if (this.reject) throw new BusinessError(this.reject, { code: 'ValidationError', system: 'odoo' });
    const key = `${order.storeId}:${order.externalId}`;
    const found = this.orders.get(key);
    if (found)
      return {
        erpOrderId: found.id,
        erpOrderName: found.name,
        amountTotal: found.order.totals.total.amount,
        created: false,
      };
    const id = String(this.orders.size + 1);
    this.orders.set(key, { id, name: `S${id.padStart(5, '0')}`, order, state: 'draft' });
    return {
      erpOrderId: id,
      erpOrderName: `S${id.padStart(5, '0')}`,
      amountTotal: order.totals.total.amount,
      created: true,
    };
  }
  async findOrder(storeId: string, externalId: string) {
    this.calls.push('findOrder');
    const found = this.orders.get(`${storeId}:${externalId}`);
    return (
      found && {
        erpOrderId: found.id,
        erpOrderName: found.name,
        amountTotal: found.order.totals.total.amount,
        created: false,
      }
    );
  }
  private byId(id: string) {
    const found = [...this.orders.values()].find((o) => o.id === id);
    if (!found) throw new Error(`no ERP order ${id}`);
    return found;
  }
  async confirmOrder(id: string) {
    this.gate('confirmOrder');
    const o = this.byId(id);
    o.state = 'sale';
    if (this.deliveries.has(id)) return;
    const lines = o.order.lines.map((l) => ({ sku: l.sku ?? '', quantity: l.quantity, done: 0 }));
    this.deliveries.set(id, [this.picking(id, lines)]);
  }
  private picking(erpOrderId: string, lines: ErpDelivery['lines']): ErpDelivery {
    const n = [...this.deliveries.values()].flat().length + 1;
    return {
      erpPickingId: `P${n}`,
      name: `WH/OUT/${String(n).padStart(5, '0')}`,
      state: 'ready',
      erpState: 'assigned',
      erpOrderId,
      lines,
    };
  }
  async readDeliveries(erpOrderId: string): Promise<ErpDelivery[]> {
    this.gate('readDeliveries');
    return structuredClone(this.deliveries.get(erpOrderId) ?? []);
  }
  async validateDelivery(input: ValidateDeliveryInput): Promise<ErpDelivery> {
    this.gate('validateDelivery');
    const fault = this.deliveryFault;
    if (fault !== undefined && fault.times > 0) {
      fault.times -= 1;
      const Err = fault.kind === 'transient' ? TransientError : BusinessError;
      throw new Err(fault.message, {
        code: fault.kind === 'transient' ? 'timeout' : 'UserError',
        system: 'odoo',
      });
    }
    const [erpOrderId, pickings] =
      [...this.deliveries].find(([, ps]) => ps.some((p) => p.erpPickingId === input.erpPickingId)) ?? [];
    const picking = pickings?.find((p) => p.erpPickingId === input.erpPickingId);
    if (erpOrderId === undefined || pickings === undefined || picking === undefined)
      throw new Error(`no picking ${input.erpPickingId}`);
    if (picking.state === 'done') return structuredClone(picking);
    this.validations.push(structuredClone(input));
    const left = new Map((input.lines ?? []).map((l) => [l.sku, l.quantity]));
    const rest: ErpDelivery['lines'] = [];
    for (const line of picking.lines) {
      const done =
        input.lines === undefined ? line.quantity : Math.min(line.quantity, left.get(line.sku) ?? 0);
      left.set(line.sku, (left.get(line.sku) ?? 0) - done);
      if (done < line.quantity) rest.push({ sku: line.sku, quantity: line.quantity - done, done: 0 });
      line.done = done;
    }
    Object.assign(picking, {
      state: 'done',
      erpState: 'done',
      ...(input.trackingNumber === undefined ? {} : { trackingNumber: input.trackingNumber }),
      ...(input.carrier === undefined ? {} : { carrier: input.carrier }),
    });
    if (rest.length > 0) pickings.push(this.picking(erpOrderId, rest));
    return structuredClone(picking);
  }
  async cancelOrder(id: string) {
    this.gate('cancelOrder');
    this.byId(id).state = 'cancel';
  }
  async updateOrder(id: string, order: Order): Promise<RegisteredOrder> {
    this.gate('updateOrder');
    if (this.rejectUpdate) throw new BusinessError(this.rejectUpdate, { code: 'UserError', system: 'odoo' });
    const o = this.byId(id);
    o.order = order;
    return { erpOrderId: id, erpOrderName: o.name, amountTotal: order.totals.total.amount, created: false };
  }
  async createInvoice(id: string): Promise<Invoice> {
    this.gate('createInvoice');
    const o = this.byId(id);
    const t = o.order.totals;
    const invoice: Invoice = {
      kind: 'invoice',
      id: `INV${id}`,
      number: `INV/2026/${id.padStart(4, '0')}`,
      currency: o.order.currency,
      lines: [],
      untaxed: { currency: o.order.currency, amount: '0' },
      tax: t.taxTotal,
      total: t.total,
      paymentState: 'not_paid',
      issuedAt: '2026-11-23T12:00:00Z',
      refs: [],
    };
    this.invoices.set(invoice.id, invoice);
    return invoice;
  }
  async createCreditNote(refund: Refund, erpOrderId: string): Promise<CreditNote> {
    this.gate('createCreditNote');
    this.creditNotes.push({ refund, erpOrderId });
    return {
      kind: 'credit_note',
      id: `RINV${this.creditNotes.length}`,
      number: `RINV/2026/${this.creditNotes.length}`,
      currency: refund.amount.currency,
      lines: [],
      untaxed: refund.amount,
      tax: { currency: refund.amount.currency, amount: '0' },
      total: refund.amount,
      paymentState: 'not_paid',
      issuedAt: '2026-11-23T12:00:00Z',
      refs: [],
    };
  }
  async registerPayment(invoice: { erpInvoiceId: string }, amount: string): Promise<Invoice> {
    this.gate('registerPayment');
    this.payments.push({ invoiceId: invoice.erpInvoiceId, amount });
    const found = this.invoices.get(invoice.erpInvoiceId);
    if (!found) throw new Error('no invoice');
    return { ...found, paymentState: 'paid' };
  }
}

export class FakeChannel implements OrderChannelPort {
  statuses = new Map<string, string>();
  notes: { orderId: string; id: string; note: string }[] = [];
  refunds: { orderId: string; id: string; request: ChannelRefundRequest }[] = [];
  async setOrderStatus(orderId: string, status: string) {
    this.statuses.set(orderId, status);
  }
  async addOrderNote(orderId: string, note: string) {
    const id = String(this.notes.length + 1);
    this.notes.push({ orderId, id, note });
    return id;
  }
  async listOrderNotes(orderId: string) {
    return this.notes.filter((n) => n.orderId === orderId);
  }
  async createRefund(orderId: string, request: ChannelRefundRequest) {
    const id = String(this.refunds.length + 1);
    this.refunds.push({ orderId, id, request });
    return id;
  }
  async listRefunds(orderId: string) {
    return this.refunds
      .filter((r) => r.orderId === orderId)
      .map((r) => ({ id: r.id, reason: r.request.reason }));
  }
}

export class FakeWarehouse implements FulfilmentPort {
  created: (FulfilmentCreate & { id: string; status: string })[] = [];
  cancelled: string[] = [];
  shipped = new Set<string>();
  constructor(readonly location: string) {}
  async createFulfilment(request: FulfilmentCreate): Promise<FulfilmentOrderRef> {
    const existing = this.created.find((c) => c.reference === request.reference);
    if (existing) return { id: existing.id, reference: existing.reference, status: existing.status };
    const id = `${this.location.toUpperCase()}-${this.created.length + 1}`;
    this.created.push({ ...request, id, status: 'accepted' });
    return { id, reference: request.reference, status: 'accepted' };
  }
  async findFulfilment(reference: string) {
    const found = this.created.find((c) => c.reference === reference);
    return found && { id: found.id, reference, status: found.status };
  }
  async cancelFulfilment(id: string) {
    if (this.shipped.has(id)) return false;
    this.cancelled.push(id);
    return true;
  }
}
