/**
 * Find-or-create the customer's commercial partner (by e-mail within the company) and its
 * invoice and delivery child contacts. Two calls when everything exists (partner search, children
 * search); creations only for what is missing. The adapter serialises calls per e-mail in-process.
 *
 * @example
 * ```ts
 * const ref = await findOrCreateCustomer(ctx, customer, order.billing, order.shipping);
 * ref.invoiceAddressId; // "43"
 * ```
 */
import { createHash } from 'node:crypto';
import type { Address } from '../../canonical/models/address.js';
import type { Customer } from '../../canonical/models/customer.js';
import { BusinessError } from '../../runtime/errors.js';
import type { ErpCustomerRef } from '../erp.js';
import type { OdooContext } from './context.js';
import { SYSTEM } from './errors.js';
import { createXmlId, findXmlId } from './external-ids.js';
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

/**
 * Two orders of a new customer registered at once (different orders run in parallel) would both
 * create the partner; the external id `retail_hub.partner_<sha1(email)>` lets exactly one win,
 * and the loser archives its copy.
 */
async function claimPartner(ctx: OdooContext, email: string, id: number): Promise<number> {
  const name = `partner_${createHash('sha1').update(email.toLowerCase()).digest('hex')}`;
  try {
    await createXmlId(ctx.client, name, 'res.partner', id);
    return id;
  } catch (error) {
    const winner = await findXmlId(ctx.client, name);
    if (!winner || winner.resId === id) throw error;
    await ctx.client.write('res.partner', [id], { active: false });
    return winner.resId;
  }
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
  return ctx.locks.run(`customer/${email.toLowerCase()}`, () =>
    findOrCreate(ctx, email, customer, billing, shipping),
  );
}

async function findOrCreate(
  ctx: OdooContext,
  email: string,
  customer: Pick<Customer, 'email' | 'firstName' | 'lastName' | 'company' | 'phone'>,
  billing: Address | undefined,
  shipping: Address | undefined,
): Promise<ErpCustomerRef> {
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
    const mine = await client.create('res.partner', values);
    partnerId = await claimPartner(ctx, email, mine);
    // Lost the race: the winner's contacts are looked up like any existing customer's.
    created = partnerId === mine;
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
