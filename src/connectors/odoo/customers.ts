/**
 * Find-or-create the customer's commercial partner (by e-mail within the company) and its
 * invoice and delivery child contacts. Two calls when everything exists (partner search, children
 * search); creations only for what is missing.
 *
 * @example
 * ```ts
 * const ref = await findOrCreateCustomer(ctx, customer, order.billing, order.shipping);
 * ref.invoiceAddressId; // "43"
 * ```
 */
import type { Address } from '../../canonical/models/address.js';
import type { Customer } from '../../canonical/models/customer.js';
import { BusinessError } from '../../runtime/errors.js';
import type { ErpCustomerRef } from '../erp.js';
import type { OdooContext } from './context.js';
import { SYSTEM } from './errors.js';
import { addressValues, contactKey, contactKeyOfRow, partnerName, type PlaceIds } from './mapping/partner.js';

const CHILD_FIELDS = ['type', 'name', 'street', 'street2', 'city', 'zip', 'country_id'];

async function placeOf(ctx: OdooContext, address: Address | undefined): Promise<PlaceIds> {
  const countryId = address?.country ? await ctx.lookups.countryId(address.country) : undefined;
  const stateId =
    countryId !== undefined && address?.region
      ? await ctx.lookups.stateId(countryId, address.region)
      : undefined;
  return { countryId, stateId };
}

export async function findOrCreateCustomer(
  ctx: OdooContext,
  customer: Pick<Customer, 'email' | 'firstName' | 'lastName' | 'company' | 'phone'>,
  billing?: Address,
  shipping?: Address,
): Promise<ErpCustomerRef> {
  const email = customer.email?.trim();
  if (!email)
    throw new BusinessError('The customer has no e-mail address; Odoo partners are matched by e-mail', {
      code: 'customer_without_email',
      system: SYSTEM,
    });
  const { client, settings } = ctx;
  const domain: unknown[] = [
    ['email', 'ilike', email],
    ['parent_id', '=', false],
  ];
  if (settings.companyId !== undefined) domain.push(['company_id', 'in', [settings.companyId, false]]);
  const candidates = await client.searchRead('res.partner', domain, ['email'], {
    order: 'id asc',
    limit: 20,
  });
  // `ilike` matches substrings: keep only the exact address, case-insensitively.
  let partnerId = candidates.find((p) => String(p.email).trim().toLowerCase() === email.toLowerCase())?.id;
  let created = false;
  const billingPlace = await placeOf(ctx, billing);
  if (partnerId === undefined) {
    const values: Record<string, unknown> = {
      name: partnerName(customer as Customer, billing),
      email,
      is_company: false,
      type: 'contact',
      ...addressValues(billing, billingPlace),
    };
    if (customer.phone) values.phone = customer.phone;
    if (settings.companyId !== undefined) values.company_id = settings.companyId;
    partnerId = await client.create('res.partner', values);
    created = true;
  }
  const children = created
    ? []
    : await client.searchRead('res.partner', [['parent_id', '=', partnerId]], CHILD_FIELDS);
  const known = new Map(children.map((c) => [contactKeyOfRow(c), c.id]));
  const contact = async (
    type: 'invoice' | 'delivery',
    address: Address | undefined,
    place: PlaceIds,
  ): Promise<number> => {
    if (!address) return partnerId as number;
    const name = partnerName(customer as Customer, address);
    const values = addressValues(address, place);
    const key = contactKey(type, name, values);
    const existing = known.get(key);
    if (existing !== undefined) return existing;
    const id = await client.create('res.partner', { ...values, name, type, parent_id: partnerId, email });
    known.set(key, id);
    return id;
  };
  const invoiceId = await contact('invoice', billing, billingPlace);
  const shippingId = await contact(
    'delivery',
    shipping ?? billing,
    shipping ? await placeOf(ctx, shipping) : billingPlace,
  );
  return {
    customerId: String(partnerId),
    invoiceAddressId: String(invoiceId),
    shippingAddressId: String(shippingId),
    created,
  };
}
