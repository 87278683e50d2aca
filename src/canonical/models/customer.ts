/**
 * A customer as the hub syncs it between the channel and the ERP (deduplicated by e-mail).
 *
 * @example
 * ```ts
 * const c: Customer = { email: 'john.doe@example.com', firstName: 'John', lastName: 'Doe', refs: [{ system: 'woocommerce:eu', id: '26' }] };
 * ```
 */
import { Type, type Static } from 'typebox';
import { AddressSchema } from './address.js';
import { ExternalRefSchema, TimestampSchema } from './common.js';

export const CustomerSchema = Type.Object(
  {
    email: Type.String({ format: 'email', description: 'The cross-system customer key.' }),
    firstName: Type.Optional(Type.String()),
    lastName: Type.Optional(Type.String()),
    company: Type.Optional(Type.String()),
    phone: Type.Optional(Type.String()),
    billing: Type.Optional(AddressSchema),
    shipping: Type.Optional(AddressSchema),
    refs: Type.Array(ExternalRefSchema, { description: 'Ids of this customer in each system.' }),
    createdAt: Type.Optional(TimestampSchema),
    modifiedAt: Type.Optional(TimestampSchema),
  },
  { title: 'Customer', description: 'A customer account, keyed by e-mail across systems.' },
);
export type Customer = Static<typeof CustomerSchema>;
