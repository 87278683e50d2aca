/**
 * Product master data. The SKU is the cross-system key; a variable product groups variants,
 * each with its own SKU and attribute values (colour, size).
 *
 * @example
 * ```ts
 * const p: Product = { sku: 'TSHIRT', name: 'T-shirt', kind: 'variable', status: 'active', refs: [],
 *   variants: [{ sku: 'TSHIRT-RED-M', attributes: [{ name: 'Colour', value: 'Red' }, { name: 'Size', value: 'M' }], refs: [] }] };
 * ```
 */
import { Type, type Static } from 'typebox';
import { ExternalRefSchema, SkuSchema, StringEnum, TimestampSchema } from './common.js';

export const ProductStatusSchema = StringEnum(['active', 'draft', 'archived'], {
  description: 'Whether the product may be sold.',
});

export const VariantSchema = Type.Object(
  {
    sku: SkuSchema,
    name: Type.Optional(Type.String()),
    attributes: Type.Array(Type.Object({ name: Type.String(), value: Type.String() }), {
      description: 'Attribute values that distinguish this variant, e.g. Colour = Red.',
    }),
    status: Type.Optional(ProductStatusSchema),
    barcode: Type.Optional(Type.String({ description: 'GTIN/EAN/UPC.' })),
    weight: Type.Optional(
      Type.String({ description: 'Weight as a decimal string in the store weight unit.' }),
    ),
    refs: Type.Array(ExternalRefSchema),
  },
  { title: 'Variant', description: 'One sellable variant of a variable product.' },
);
export type Variant = Static<typeof VariantSchema>;

export const ProductSchema = Type.Object(
  {
    sku: SkuSchema,
    name: Type.String({ minLength: 1 }),
    kind: StringEnum(['simple', 'variable', 'service'], {
      description: 'simple, variable (has variants) or service.',
    }),
    status: ProductStatusSchema,
    description: Type.Optional(Type.String()),
    categories: Type.Optional(Type.Array(Type.String())),
    taxClass: Type.Optional(Type.String({ description: 'Channel tax class; empty string means standard.' })),
    barcode: Type.Optional(Type.String()),
    weight: Type.Optional(Type.String()),
    attributes: Type.Optional(
      Type.Array(Type.Object({ name: Type.String(), values: Type.Array(Type.String()) }), {
        description: 'Attributes and their possible values (variable products).',
      }),
    ),
    variants: Type.Optional(Type.Array(VariantSchema)),
    refs: Type.Array(ExternalRefSchema),
    modifiedAt: Type.Optional(TimestampSchema),
  },
  { title: 'Product', description: 'Product master data keyed by SKU.' },
);
export type Product = Static<typeof ProductSchema>;
