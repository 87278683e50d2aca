/**
 * A seeded stream of realistic shopper orders for the demo and the benchmarks: one to three lines
 * (variable products included), sometimes a coupon, mostly card payments with some cash on delivery
 * and bank transfers, addresses from the store's country. Each is a shopper checkout for the
 * WooCommerce emulator, which computes totals and taxes and applies the gateway's outcome exactly as
 * a store would (card → paid processing, cod → unpaid processing, bacs → on-hold).
 *
 * @example
 * ```ts
 * const next = orderGenerator({ seed: 7, skus: ['TOTE-NAT', 'MUG-ENAMEL'] });
 * const { checkout } = next('eu'); // { paymentMethod: 'stripe', lineItems: [...], ... }
 * ```
 */
import type { CheckoutInput } from '../../sim/woocommerce/index.js';

export interface GeneratedOrder {
  storeId: string;
  checkout: CheckoutInput;
}

export interface GeneratorOptions {
  seed: number;
  skus: string[];
  /** Coupon codes that exist in every store. */
  coupons?: string[];
  countries?: Record<string, string>;
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eva', 'Finn', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kai', 'Lena'];
const LAST = [
  'Silva',
  'Müller',
  'Dubois',
  'Patel',
  'Rossi',
  'Jansen',
  'Novak',
  'García',
  'Smith',
  'Kowalski',
];
const CITIES: Record<string, [string, string][]> = {
  DE: [
    ['Berlin', '10115'],
    ['Hamburg', '20095'],
  ],
  GB: [
    ['London', 'EC1A 1BB'],
    ['Leeds', 'LS1 4AP'],
  ],
  US: [
    ['Portland', '97201'],
    ['Austin', '73301'],
  ],
};

/** mulberry32: tiny, fast, good enough to make demo data reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function orderGenerator(options: GeneratorOptions): (storeId: string) => GeneratedOrder {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const countries = options.countries ?? {};
  let sequence = 0;

  return (storeId) => {
    sequence += 1;
    const country = countries[storeId] ?? 'DE';
    const [city, postcode] = pick(CITIES[country] ?? CITIES.DE!);
    const first = pick(FIRST);
    const last = pick(LAST);
    const email = `${first}.${last}.${sequence}@example.com`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^\w.@-]/g, '');
    const address = {
      first_name: first,
      last_name: last,
      company: '',
      address_1: `${1 + Math.floor(random() * 200)} Market Street`,
      address_2: '',
      city,
      state: '',
      postcode,
      country,
    };
    const lineCount = 1 + Math.floor(random() * 3);
    const skus = new Set<string>();
    while (skus.size < lineCount) skus.add(pick(options.skus));
    const roll = random();
    const paymentMethod = roll < 0.8 ? 'stripe' : roll < 0.9 ? 'cod' : 'bacs';
    const coupon =
      options.coupons && options.coupons.length > 0 && random() < 0.2 ? pick(options.coupons) : undefined;
    const checkout: CheckoutInput = {
      paymentMethod,
      ...(paymentMethod === 'stripe' ? { transactionId: `ch_demo_${storeId}_${sequence}` } : {}),
      billing: { ...address, email, phone: `+49 30 ${100000 + sequence}` },
      shippingAddress: address,
      lineItems: [...skus].map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 2) })),
      shipping: { methodId: 'flat_rate', methodTitle: 'Flat rate', total: '4.90' },
      ...(coupon ? { coupons: [{ code: coupon }] } : {}),
    };
    return { storeId, checkout };
  };
}
