/**
 * Canonical customer/address ↔ res.partner values. The customer is one commercial partner keyed
 * by e-mail; each billing or shipping address is a child contact (`type: invoice|delivery`),
 * reused when name and address match, so repeat orders do not pile up duplicate contacts.
 *
 * @example
 * ```ts
 * partnerName({ email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', refs: [] }); // 'Ann Lee'
 * ```
 */
import type { Address } from '../../../canonical/models/address.js';
import type { Customer } from '../../../canonical/models/customer.js';
import { text } from '../fields.js';

export interface PlaceIds {
  countryId: number | undefined;
  stateId: number | undefined;
}

export function partnerName(
  customer: Pick<Customer, 'email' | 'firstName' | 'lastName' | 'company'>,
  address?: Address,
): string {
  const person = [address?.firstName ?? customer.firstName, address?.lastName ?? customer.lastName]
    .filter(Boolean)
    .join(' ')
    .trim();
  return person || address?.company || customer.company || customer.email;
}

/** res.partner values for an address (without parent/type). Empty fields are sent as `false`. */
export function addressValues(address: Address | undefined, place: PlaceIds): Record<string, unknown> {
  return {
    street: address?.line1 || false,
    street2: address?.line2 || false,
    city: address?.city || false,
    zip: address?.postcode || false,
    country_id: place.countryId ?? false,
    state_id: place.stateId ?? false,
    phone: address?.phone || false,
  };
}

/** The identity of a child contact: same type, name and address means the same contact. */
export function contactKey(type: string, name: string, values: Record<string, unknown>): string {
  const norm = (v: unknown) =>
    typeof v === 'string' ? v.trim().toLowerCase() : typeof v === 'number' ? String(v) : '';
  return [type, name, values.street, values.street2, values.city, values.zip, values.country_id]
    .map(norm)
    .join('|');
}

/** The same key computed from a partner row as Odoo returns it (m2o as `[id, name]`, `false` for empty). */
export function contactKeyOfRow(row: Record<string, unknown>): string {
  const country = Array.isArray(row.country_id) ? row.country_id[0] : row.country_id;
  return contactKey(String(row.type), text(row.name) ?? '', {
    street: text(row.street),
    street2: text(row.street2),
    city: text(row.city),
    zip: text(row.zip),
    country_id: typeof country === 'number' ? country : undefined,
  });
}
