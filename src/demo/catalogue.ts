/**
 * The demo's catalogue: a few simple and variable products with prices per currency, seeded into
 * the ERP (which owns products, prices and stock) and into every WooCommerce store.
 *
 * @example
 * ```ts
 * import { demoCatalogue, priceIn } from './catalogue.js';
 * priceIn(demoCatalogue[0]!.variants[0]!, 'GBP'); // '21.00'
 * ```
 */
export interface DemoVariant {
  sku: string;
  name: string;
  /** Attribute values for variable products, e.g. `{ Colour: 'Red', Size: 'M' }`. */
  attributes: Record<string, string>;
  prices: Record<'EUR' | 'GBP' | 'USD', string>;
  /** Units on hand per warehouse id at the start of the demo. */
  stock: Record<string, number>;
}

export interface DemoProduct {
  name: string;
  type: 'simple' | 'variable';
  variants: DemoVariant[];
}

function variantsOf(
  base: string,
  name: string,
  colours: string[],
  sizes: string[],
  prices: DemoVariant['prices'],
  stock: (i: number) => DemoVariant['stock'],
): DemoVariant[] {
  const out: DemoVariant[] = [];
  for (const colour of colours) {
    for (const size of sizes) {
      out.push({
        sku: `${base}-${colour.slice(0, 3).toUpperCase()}-${size}`,
        name: `${name} - ${colour}, ${size}`,
        attributes: { Colour: colour, Size: size },
        prices,
        stock: stock(out.length),
      });
    }
  }
  return out;
}

export const demoCatalogue: DemoProduct[] = [
  {
    name: 'Organic Cotton T-Shirt',
    type: 'variable',
    variants: variantsOf(
      'TSHIRT',
      'Organic Cotton T-Shirt',
      ['Red', 'Blue', 'Black'],
      ['S', 'M', 'L'],
      { EUR: '24.90', GBP: '21.00', USD: '27.50' },
      (i) => ({ main: 400 + i * 10, east: 150 }),
    ),
  },
  {
    name: 'Merino Hoodie',
    type: 'variable',
    variants: variantsOf(
      'HOODIE',
      'Merino Hoodie',
      ['Grey', 'Navy'],
      ['M', 'L'],
      { EUR: '89.00', GBP: '76.00', USD: '99.00' },
      (i) => ({ main: 120 + i * 5, east: 60 }),
    ),
  },
  {
    name: 'Canvas Tote Bag',
    type: 'simple',
    variants: [
      {
        sku: 'TOTE-NAT',
        name: 'Canvas Tote Bag',
        attributes: {},
        prices: { EUR: '14.50', GBP: '12.50', USD: '16.00' },
        stock: { main: 800, east: 300 },
      },
    ],
  },
  {
    name: 'Enamel Mug',
    type: 'simple',
    variants: [
      {
        sku: 'MUG-ENAMEL',
        name: 'Enamel Mug',
        attributes: {},
        prices: { EUR: '12.00', GBP: '10.00', USD: '13.00' },
        // Scarce in the main warehouse so the router splits, reroutes and backorders.
        stock: { main: 25, east: 40 },
      },
    ],
  },
  {
    name: 'Recycled Notebook',
    type: 'simple',
    variants: [
      {
        sku: 'NOTEBOOK-A5',
        name: 'Recycled Notebook A5',
        attributes: {},
        prices: { EUR: '7.95', GBP: '6.95', USD: '8.95' },
        // Only the drop-ship supplier holds notebooks.
        stock: { acme: 1000 },
      },
    ],
  },
];

export function allVariants(): DemoVariant[] {
  return demoCatalogue.flatMap((product) => product.variants);
}

export function priceIn(variant: DemoVariant, currency: string): string {
  const price = variant.prices[currency as keyof DemoVariant['prices']];
  if (price === undefined) throw new Error(`the demo catalogue has no ${currency} price for ${variant.sku}`);
  return price;
}
