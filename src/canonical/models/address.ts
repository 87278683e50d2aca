/**
 * A postal address as every system needs it; empty channel fields are simply absent.
 *
 * @example
 * ```ts
 * const a: Address = { firstName: 'John', lastName: 'Doe', line1: '969 Market', city: 'San Francisco', region: 'CA', postcode: '94103', country: 'US' };
 * ```
 */
import { Type, type Static } from 'typebox';

const text = (description: string) => Type.Optional(Type.String({ description }));

export const AddressSchema = Type.Object(
  {
    firstName: text('Given name.'),
    lastName: text('Family name.'),
    company: text('Company name.'),
    line1: text('First address line (street and number).'),
    line2: text('Second address line.'),
    city: text('City or town.'),
    region: text('State, province or county code as the channel gives it, e.g. `CA`.'),
    postcode: text('Postal code.'),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' })),
    email: text('Contact e-mail (billing addresses).'),
    phone: text('Contact phone number.'),
  },
  { title: 'Address', description: 'A billing or shipping address.' },
);
export type Address = Static<typeof AddressSchema>;
