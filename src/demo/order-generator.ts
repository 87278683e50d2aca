/**
 * A seeded stream of realistic shopper orders for the demo and the benchmarks: one to three lines
 * (variable products included), sometimes a coupon, mostly card payments with some cash on delivery
 * and bank transfers, addresses from the store's country. Bodies are WooCommerce REST `POST /orders`
 * requests, so the emulator computes totals and taxes exactly as a store would.
 *
 * @example
 * ```ts
 * const next = orderGenerator({ seed: 7, skus: ['TOTE-NAT', 'MUG-ENAMEL'] });
 * const { body } = next('eu'); // { payment_method: 'stripe', set_paid: true, line_items: [...], ... }
 * ```
 */
export interface GeneratedOrder {
  storeId: string;
  body: Record<string, unknown>;
}

export interface GeneratorOptions {
  seed: number;
  skus: string[];
  /** Coupon codes that exist in every store. */
  coupons?: string[];
  countries?: Record<string, string>;
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eva', 'Finn', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kai', 'Lena'];
const LAST = ['Silva', 'Müller', 'Dubois', 'Patel', 'Rossi', 'Jansen', 'Novak', 'García', 'Smith', 'Kowalski'];
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
    const email = `${first}.${last}.${sequence}@example.com`.toLowerCase().normalize('NFD').replace(/[^\w.@-]/g, '');
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
    const payment =
      roll < 0.8
        ? { payment_method: 'stripe', payment_method_title: 'Credit card', set_paid: true }
        : roll < 0.9
          ? { payment_method: 'cod', payment_method_title: 'Cash on delivery', set_paid: false, status: 'processing' }
          : { payment_method: 'bacs', payment_method_title: 'Direct bank transfer', set_paid: false, status: 'on-hold' };
    const coupon = options.coupons && options.coupons.length > 0 && random() < 0.2 ? pick(options.coupons) : undefined;
    const body: Record<string, unknown> = {
      ...payment,
      ...(payment.set_paid ? { transaction_id: `ch_demo_${storeId}_${sequence}` } : {}),
      billing: { ...address, email, phone: `+49 30 ${100000 + sequence}` },
      shipping: address,
      line_items: [...skus].map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 2) })),
      shipping_lines: [{ method_id: 'flat_rate', method_title: 'Flat rate', total: '4.90' }],
      ...(coupon ? { coupon_lines: [{ code: coupon }] } : {}),
    };
    return { storeId, body };
  };
}
