import { describe, expect, it } from 'vitest';
import { dec, sumDec } from './decimal.js';
import {
  planLines,
  predictLineTotal,
  requiredServices,
  type LineRefs,
  type OdooTaxInfo,
} from './order-lines.js';
import type { SaleDraft } from './sale-draft.js';

const services = new Map<string, number>([
  ['shipping', 901],
  ['fee', 902],
  ['discount', 903],
  ['rounding', 904],
  ['tax_1', 905],
  ['tax_2', 906],
]);
const taxMap: Record<string, OdooTaxInfo[]> = {
  '1': [{ id: 21, percent: '21', priceInclude: false }],
  '2': [{ id: 9, percent: '9', priceInclude: false }],
};
const inclusiveTaxMap: Record<string, OdooTaxInfo[]> = {
  '1': [{ id: 121, percent: '21', priceInclude: true }],
};

function refs(map: Record<string, OdooTaxInfo[]> = taxMap): LineRefs {
  return {
    productId: (sku) => ({ 'TSHIRT-M': 11, MUG: 12 })[sku] ?? 0,
    service: (key) => services.get(key) ?? 0,
    taxesForRate: (rateId) => map[rateId] ?? [],
  };
}

/** What Odoo's amount_total will be for the planned lines. */
const odooTotal = (plan: ReturnType<typeof planLines>) =>
  sumDec(plan.lines.map((l) => predictLineTotal(l, 2))).toFixed(2);

// A WooCommerce-shaped order: 2 × 20.00 t-shirt, 1 × 9.99 mug, 10% coupon, 5.00 shipping, VAT 21% (rate 1).
const exclusive: SaleDraft = {
  currency: 'EUR',
  pricesIncludeTax: false,
  lines: [
    {
      sku: 'TSHIRT-M',
      name: 'T-shirt M',
      quantity: 2,
      subtotal: '40.00',
      subtotalTax: '8.40',
      total: '36.00',
      taxes: [{ rateId: '1', amount: '7.56' }],
    },
    {
      sku: 'MUG',
      name: 'Mug',
      quantity: 1,
      subtotal: '9.99',
      subtotalTax: '2.10',
      total: '8.99',
      taxes: [{ rateId: '1', amount: '1.89' }],
    },
  ],
  charges: [{ kind: 'shipping', name: 'Flat rate', total: '5.00', taxes: [{ rateId: '1', amount: '1.05' }] }],
  coupons: [{ code: 'TEN', discount: '5.00', discountTax: '1.05' }],
  taxRates: [{ rateId: '1', label: 'VAT', percent: '21', amount: '10.50' }],
  // 36.00 + 8.99 + 5.00 + 10.50
  total: '60.49',
};

describe('planLines, tax mode "line"', () => {
  it('posts products, one line per coupon, shipping and one tax line per rate, totalling the channel total', () => {
    const plan = planLines(exclusive, 'line', refs());
    expect(plan.lines.map((l) => [l.kind, l.priceUnit.toFixed(2)])).toEqual([
      ['product', '20.00'],
      ['product', '9.99'],
      ['coupon', '-5.00'],
      ['shipping', '5.00'],
      ['tax', '10.50'],
    ]);
    expect(plan.lines.every((l) => l.taxes.length === 0)).toBe(true);
    expect(odooTotal(plan)).toBe('60.49');
    expect(plan.predictedTotal.toFixed(2)).toBe('60.49');
  });

  it('adds a rounding line when a unit price has more decimals than Odoo keeps', () => {
    const draft: SaleDraft = {
      ...exclusive,
      lines: [
        {
          sku: 'MUG',
          name: 'Mug',
          quantity: 3,
          subtotal: '10.00',
          subtotalTax: '2.10',
          total: '10.00',
          taxes: [{ rateId: '1', amount: '2.10' }],
        },
      ],
      charges: [],
      coupons: [],
      taxRates: [{ rateId: '1', label: 'VAT', percent: '21', amount: '2.10' }],
      total: '12.10',
    };
    const plan = planLines(draft, 'line', refs());
    // 10.00 / 3 → 3.33 in Odoo, 3 × 3.33 = 9.99: one cent short.
    const rounding = plan.lines.find((l) => l.kind === 'rounding');
    expect(rounding?.priceUnit.toFixed(2)).toBe('0.01');
    expect(rounding?.productId).toBe(904);
    expect(odooTotal(plan)).toBe('12.10');
  });

  it('needs a tax service product per channel rate', () => {
    expect(requiredServices(exclusive, 'line')).toEqual(
      expect.arrayContaining(['shipping', 'tax_1', 'rounding']),
    );
    expect(requiredServices(exclusive, 'map')).not.toContain('tax_1');
  });
});

describe('planLines, tax mode "map"', () => {
  it('maps channel rates to Odoo taxes and coupons to the line discount %', () => {
    const plan = planLines(exclusive, 'map', refs());
    const [shirt, mug, shipping] = plan.lines;
    expect(shirt?.taxes.map((t) => t.id)).toEqual([21]);
    expect(shirt?.discount.toFixed(2)).toBe('10.00');
    expect(mug?.discount.toFixed(2)).toBe('10.01');
    expect(shipping?.kind).toBe('shipping');
    expect(shipping?.taxes.map((t) => t.id)).toEqual([21]);
    expect(odooTotal(plan)).toBe('60.49');
  });

  it('adds a one-cent rounding line when Odoo rounds tax per line and the channel did not', () => {
    // Three lines of 0.05 at 10% tax: the channel rounds globally (0.015 → 0.02), Odoo per line (3 × 0.01).
    const draft: SaleDraft = {
      currency: 'EUR',
      pricesIncludeTax: false,
      lines: ['A', 'B', 'C'].map((sku) => ({
        sku: 'MUG',
        name: sku,
        quantity: 1,
        subtotal: '0.05',
        subtotalTax: '0.005',
        total: '0.05',
        taxes: [{ rateId: '2', amount: '0.005' }],
      })),
      charges: [],
      coupons: [],
      taxRates: [{ rateId: '2', label: 'Reduced', percent: '10', amount: '0.02' }],
      total: '0.17',
    };
    const tenPercent = { '2': [{ id: 10, percent: '10', priceInclude: false }] };
    const plan = planLines(draft, 'map', refs(tenPercent));
    const rounding = plan.lines.filter((l) => l.kind === 'rounding');
    expect(rounding).toHaveLength(1);
    expect(rounding[0]?.priceUnit.toFixed(2)).toBe('-0.01');
    expect(odooTotal(plan)).toBe('0.17');
  });

  it('uses gross unit prices with price-included taxes for a tax-inclusive store', () => {
    // Catalogue price 12.10 incl. 21% VAT; the channel reports 10.00 + 2.10 tax.
    const draft: SaleDraft = {
      currency: 'EUR',
      pricesIncludeTax: true,
      lines: [
        {
          sku: 'MUG',
          name: 'Mug',
          quantity: 2,
          subtotal: '20.00',
          subtotalTax: '4.20',
          total: '20.00',
          taxes: [{ rateId: '1', amount: '4.20' }],
        },
      ],
      charges: [{ kind: 'shipping', name: 'Flat', total: '4.13', taxes: [{ rateId: '1', amount: '0.87' }] }],
      coupons: [],
      taxRates: [{ rateId: '1', label: 'VAT', percent: '21', amount: '5.07' }],
      total: '29.20',
    };
    const plan = planLines(draft, 'map', refs(inclusiveTaxMap));
    expect(plan.lines[0]?.priceUnit.toFixed(2)).toBe('12.10');
    expect(plan.lines[1]?.priceUnit.toFixed(2)).toBe('5.00');
    expect(plan.lines.some((l) => l.kind === 'rounding')).toBe(false);
    expect(odooTotal(plan)).toBe('29.20');
  });

  it('refuses map mode without a tax map', () => {
    const { taxesForRate: _ignored, ...noMap } = refs();
    expect(() => planLines(exclusive, 'map', noMap)).toThrow(/tax map/);
  });
});

describe('predictLineTotal', () => {
  it('extracts a price-included tax from the rounded gross amount', () => {
    const total = predictLineTotal(
      {
        kind: 'product',
        productId: 1,
        name: 'x',
        quantity: dec(3),
        priceUnit: dec('3.33'),
        discount: dec(0),
        taxes: [{ id: 1, percent: '21', priceInclude: true }],
      },
      2,
    );
    expect(total.toFixed(2)).toBe('9.99');
  });
});
