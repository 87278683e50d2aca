import { Compile } from 'typebox/compile';
import { catalogueEvents } from '../../canonical/events/catalogue-events.js';
import type { Customer } from '../../canonical/index.js';
import type { ErpPort } from '../../connectors/erp.js';
import { recordTimelineEntry } from '../../ops/timeline/index.js';
import type { Handler } from '../../runtime/contracts.js';
import { PermanentError } from '../../runtime/errors.js';

const check = Compile(catalogueEvents['customer.changed'].schema);

/**
 * Consumer `catalogue-customers` of `customer.changed`: a customer a store reports becomes an ERP
 * customer. The ERP port matches by e-mail (dedupe), and the effect ledger keys the call by e-mail,
 * so a redelivery or a second store with the same customer never creates a second partner.
 *
 * @example
 * ```ts
 * runtime.subscribe('catalogue-customers', ['customer.changed'], onCustomerChanged({ erp }));
 * ```
 */
export function onCustomerChanged(deps: { erp: Pick<ErpPort, 'system' | 'findOrCreateCustomer'> }): Handler {
  return async (ctx) => {
    const data = ctx.message.data;
    if (!check.Check(data))
      throw new PermanentError(`customer.changed ${ctx.message.id} does not match its schema`, {
        code: 'invalid_event',
        system: ctx.message.source,
      });
    const { source, customer } = data as { source: string; customer: Customer };
    if (!source.startsWith('woocommerce:')) return;
    const email = customer.email.trim().toLowerCase();
    const ref = await ctx.effects.run(`${deps.erp.system}:customer:${email}`, {
      perform: () => deps.erp.findOrCreateCustomer(customer, customer.billing),
    });
    await recordTimelineEntry(ctx.db, {
      subject: `customer:${email}`,
      kind: 'effect',
      system: deps.erp.system,
      summary: `Customer from ${source} is ERP customer ${ref.customerId}`,
      correlationId: ctx.message.correlationId,
    });
  };
}
