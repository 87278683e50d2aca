/**
 * WooCommerce customer → canonical Customer (keyed by e-mail across systems).
 *
 * @example
 * ```ts
 * wooCustomerToCanonical(payload, { storeId: 'eu' }).refs; // [{ system: 'woocommerce:eu', id: '26' }]
 * ```
 */
import type { Customer } from '../../../canonical/models/customer.js';
import type { WooCustomer } from '../wc-schema.js';
import { gmt, wooAddress } from './common.js';

export function wooCustomerToCanonical(customer: WooCustomer, options: { storeId: string }): Customer {
  const billing = wooAddress(customer.billing);
  const shipping = wooAddress(customer.shipping);
  const createdAt = gmt(customer.date_created_gmt);
  const modifiedAt = gmt(customer.date_modified_gmt);
  return {
    email: customer.email.trim().toLowerCase(),
    ...(customer.first_name ? { firstName: customer.first_name } : {}),
    ...(customer.last_name ? { lastName: customer.last_name } : {}),
    ...(customer.billing?.company ? { company: customer.billing.company } : {}),
    ...(customer.billing?.phone ? { phone: customer.billing.phone } : {}),
    ...(billing ? { billing } : {}),
    ...(shipping ? { shipping } : {}),
    refs: [{ system: `woocommerce:${options.storeId}`, id: String(customer.id) }],
    ...(createdAt ? { createdAt } : {}),
    ...(modifiedAt ? { modifiedAt } : {}),
  };
}
