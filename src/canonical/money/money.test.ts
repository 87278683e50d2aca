import { Decimal as Reference } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorUnits } from './currencies.js';
import type { Money } from './money-schema.js';
import {
  abs,
  add,
  allocate,
  divide,
  compare,
  equals,
  formatMoney,
  fromMinorUnits,
  minorUnit,
  money,
  multiply,
  negate,
  round,
  sub,
  sum,
  toMinorUnits,
  zero,
} from './money.js';

/** Enough significant digits that the reference quotient is exact before rounding. */
const Precise = Reference.clone({ precision: 80 });
const CURRENCIES = ['EUR', 'JPY', 'KWD', 'USD', 'INR', 'BHD'] as const;
const currencyArb = fc.constantFrom(...CURRENCIES);
const unitsArb = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
const moneyIn = (currency: string) => unitsArb.map((u) => fromMinorUnits(currency, u));
const pairArb = currencyArb.chain((c) => fc.tuple(moneyIn(c), moneyIn(c)));

describe('money basics', () => {
  it('normalises to the currency minor unit without changing the value', () => {
    expect(money('EUR', '12.3')).toEqual({ currency: 'EUR', amount: '12.30' });
    expect(money('JPY', '1200')).toEqual({ currency: 'JPY', amount: '1200' });
    expect(money('KWD', '1.5')).toEqual({ currency: 'KWD', amount: '1.500' });
    expect(money('USD', '38.115').amount).toBe('38.115');
    expect(money('USD', 12).amount).toBe('12.00');
    expect(money('EUR', '-0.5').amount).toBe('-0.50');
  });

  it('refuses inexact or malformed input with typed errors', () => {
    expect(() => money('EUR', '1e3')).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
    expect(() => money('EUR', '1,20')).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
    expect(() => money('EUR', Number.NaN)).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
    expect(() => money('XXX', '1')).toThrow(expect.objectContaining({ code: 'unknown_currency' }));
    expect(() => add(money('EUR', '1'), money('USD', '1'))).toThrow(
      expect.objectContaining({ code: 'currency_mismatch' }),
    );
    expect(() => multiply(money('EUR', '1'), 0.1)).toThrow(
      expect.objectContaining({ code: 'invalid_amount' }),
    );
    expect(() => toMinorUnits(money('EUR', '0.005'))).toThrow(
      expect.objectContaining({ code: 'sub_minor_amount' }),
    );
  });

  it('does the arithmetic a float gets wrong', () => {
    expect(add(money('EUR', '0.1'), money('EUR', '0.2')).amount).toBe('0.30');
    expect(multiply(money('EUR', '19.99'), 3).amount).toBe('59.97');
    expect(multiply(money('EUR', '10.00'), '0.21').amount).toBe('2.1000');
    expect(sum('EUR', []).amount).toBe('0.00');
    expect(minorUnit('KWD').amount).toBe('0.001');
    expect(minorUnit('JPY').amount).toBe('1');
    expect(toMinorUnits(money('EUR', '12.30'))).toBe(1230n);
    expect(formatMoney(money('EUR', '1234.5'))).toBe('€1,234.50');
    expect(formatMoney(money('JPY', '1234'))).toBe('¥1,234');
  });

  it('rounds half-up away from zero and half-even to the even neighbour', () => {
    expect(round(money('EUR', '2.345')).amount).toBe('2.35');
    expect(round(money('EUR', '-2.345')).amount).toBe('-2.35');
    expect(round(money('EUR', '2.345'), 'half-even').amount).toBe('2.34');
    expect(round(money('EUR', '2.355'), 'half-even').amount).toBe('2.36');
    expect(round(money('JPY', '12.5'), 'half-even').amount).toBe('12');
    expect(round(money('JPY', '13.5'), 'half-even').amount).toBe('14');
    expect(round(money('KWD', '1.2345'), 'half-up').amount).toBe('1.235');
    expect(round(money('EUR', '2.341'), 'up').amount).toBe('2.35');
    expect(round(money('EUR', '2.349'), 'down').amount).toBe('2.34');
  });

  it('allocates with the largest remainder, ties to the earlier part', () => {
    const parts = (m: Money, w: (number | string)[]) => allocate(m, w).map((p) => p.amount);
    expect(parts(money('EUR', '10.00'), [1, 1, 1])).toEqual(['3.34', '3.33', '3.33']);
    expect(parts(money('EUR', '-10.00'), [1, 1, 1])).toEqual(['-3.34', '-3.33', '-3.33']);
    expect(parts(money('JPY', '100'), ['12.50', '37.50'])).toEqual(['25', '75']);
    expect(parts(money('KWD', '1.000'), [1, 2])).toEqual(['0.333', '0.667']);
    expect(parts(money('EUR', '0.05'), [0, 3, 1])).toEqual(['0.00', '0.04', '0.01']);
    expect(() => allocate(money('EUR', '1'), [0, 0])).toThrow(
      expect.objectContaining({ code: 'invalid_weight' }),
    );
    expect(() => allocate(money('EUR', '1'), [1, -1, 2])).toThrow(
      expect.objectContaining({ code: 'invalid_weight' }),
    );
  });
});

describe('money properties', () => {
  it('add and sub are inverse, add commutes', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        expect(equals(sub(add(a, b), b), a)).toBe(true);
        expect(add(a, b)).toEqual(add(b, a));
      }),
    );
  });

  it('compare is antisymmetric and agrees with sub', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        expect(compare(a, b) + compare(b, a)).toBe(0);
        expect(compare(a, b)).toBe(compare(sub(a, b), zero(a.currency)));
        expect(compare(abs(a), zero(a.currency))).toBeGreaterThanOrEqual(0);
        expect(equals(negate(negate(a)), a)).toBe(true);
      }),
    );
  });

  it('multiply by a quantity equals repeated addition', () => {
    fc.assert(
      fc.property(
        currencyArb.chain((c) => moneyIn(c)),
        fc.integer({ min: 0, max: 20 }),
        (m, q) => {
          const repeated = sum(
            m.currency,
            Array.from({ length: q }, () => m),
          );
          expect(equals(multiply(m, q), repeated)).toBe(true);
        },
      ),
    );
  });

  it('parse and format round-trip exactly', () => {
    fc.assert(
      fc.property(
        currencyArb.chain((c) => moneyIn(c)),
        (m) => {
          expect(money(m.currency, m.amount)).toEqual(m);
          expect(fromMinorUnits(m.currency, toMinorUnits(m))).toEqual(m);
        },
      ),
    );
  });

  it('rounding matches decimal.js in both modes, for 0, 2 and 3 decimal currencies', () => {
    const extraDigits = fc.tuple(
      currencyArb,
      fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }),
      fc.integer({ min: 1, max: 4 }),
    );
    fc.assert(
      fc.property(extraDigits, ([currency, units, extra]) => {
        const scale = minorUnits(currency) + extra;
        const text = new Reference(units.toString()).div(new Reference(10).pow(scale)).toFixed(scale);
        const m = money(currency, text);
        const up = new Reference(text).toDecimalPlaces(minorUnits(currency), Reference.ROUND_HALF_UP);
        const even = new Reference(text).toDecimalPlaces(minorUnits(currency), Reference.ROUND_HALF_EVEN);
        expect(round(m, 'half-up').amount).toBe(up.toFixed(minorUnits(currency)));
        expect(round(m, 'half-even').amount).toBe(even.toFixed(minorUnits(currency)));
        // Rounding moves the value by at most half a minor unit.
        const halfUnit = multiply(minorUnit(currency), '0.5');
        expect(compare(abs(sub(round(m, 'half-even'), m)), halfUnit)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('divide rounds the exact quotient like decimal.js in every mode', () => {
    const modes = {
      'half-up': Reference.ROUND_HALF_UP,
      'half-even': Reference.ROUND_HALF_EVEN,
      up: Reference.ROUND_UP,
      down: Reference.ROUND_DOWN,
    } as const;
    fc.assert(
      fc.property(
        currencyArb.chain((c) => moneyIn(c)),
        fc.oneof(
          fc.integer({ min: -50, max: 50 }).filter((n) => n !== 0),
          fc.constantFrom('1.2', '0.07', '-3.5', '120'),
        ),
        fc.constantFrom(...(Object.keys(modes) as (keyof typeof modes)[])),
        fc.integer({ min: 0, max: 6 }),
        (m, divisor, mode, scale) => {
          const expected = new Precise(m.amount)
            .div(String(divisor))
            .toDecimalPlaces(scale, modes[mode])
            .toFixed(scale);
          expect(divide(m, divisor, mode, scale).amount).toBe(expected);
        },
      ),
    );
    expect(divide(money('EUR', '10.00'), 3).amount).toBe('3.33');
    expect(divide(money('EUR', '10.00'), 3, 'half-up', 6).amount).toBe('3.333333');
    expect(() => divide(money('EUR', '1'), 0)).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
  });

  it('allocation creates or loses no minor unit and stays within one unit of the exact share', () => {
    const weightsArb = fc
      .array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 12 })
      .filter((w) => w.some((x) => x > 0));
    fc.assert(
      fc.property(
        currencyArb.chain((c) => moneyIn(c)),
        weightsArb,
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(sum(total.currency, parts)).toEqual(add(total, zero(total.currency)));
          const weightSum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((part, i) => {
            const exact = new Reference(total.amount).mul(weights[i] ?? 0).div(weightSum);
            const gap = new Reference(part.amount).minus(exact).abs();
            expect(gap.lt(new Reference(minorUnit(total.currency).amount))).toBe(true);
            if (weights[i] === 0) expect(toMinorUnits(part)).toBe(0n);
          });
        },
      ),
    );
  });

  it('spreading a discount over lines keeps the order total to the cent', () => {
    const linesArb = currencyArb.chain((c) =>
      fc.tuple(
        fc
          .array(fc.bigInt({ min: 1n, max: 10n ** 8n }), { minLength: 1, maxLength: 10 })
          .map((us) => us.map((u) => fromMinorUnits(c, u))),
        fc.integer({ min: 0, max: 100 }),
      ),
    );
    fc.assert(
      fc.property(linesArb, ([lines, percent]) => {
        const currency = lines[0]?.currency ?? 'EUR';
        const subtotal = sum(currency, lines);
        const discount = round(multiply(subtotal, `${percent / 100}`), 'half-up');
        const shares = allocate(discount, lines);
        const discounted = lines.map((line, i) => sub(line, shares[i] ?? zero(currency)));
        expect(equals(sum(currency, discounted), sub(subtotal, discount))).toBe(true);
        discounted.forEach((line) => expect(compare(line, zero(currency))).toBeGreaterThanOrEqual(0));
      }),
    );
  });
});
