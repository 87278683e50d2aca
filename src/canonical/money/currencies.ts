/**
 * ISO 4217 minor units (digits after the decimal point) for the currencies retailers use.
 * The table is explicit rather than defaulting to 2: a silent default would round JPY to cents
 * or KWD to cents and lose money.
 *
 * @example
 * ```ts
 * minorUnits('EUR'); // 2
 * minorUnits('JPY'); // 0
 * minorUnits('KWD'); // 3
 * ```
 */
import { PermanentError } from '../../runtime/errors.js';

const MINOR_UNITS: Readonly<Record<string, number>> = {
  // 0 decimals
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // 3 decimals
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // 4 decimals
  CLF: 4,
  UYW: 4,
  // 2 decimals
  AED: 2,
  AFN: 2,
  ALL: 2,
  AMD: 2,
  ANG: 2,
  AOA: 2,
  ARS: 2,
  AUD: 2,
  AWG: 2,
  AZN: 2,
  BAM: 2,
  BBD: 2,
  BDT: 2,
  BGN: 2,
  BMD: 2,
  BND: 2,
  BOB: 2,
  BRL: 2,
  BSD: 2,
  BWP: 2,
  BYN: 2,
  BZD: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  COP: 2,
  CRC: 2,
  CZK: 2,
  DKK: 2,
  DOP: 2,
  DZD: 2,
  EGP: 2,
  ETB: 2,
  EUR: 2,
  FJD: 2,
  GBP: 2,
  GEL: 2,
  GHS: 2,
  GTQ: 2,
  HKD: 2,
  HNL: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  JMD: 2,
  KES: 2,
  KZT: 2,
  LBP: 2,
  LKR: 2,
  MAD: 2,
  MDL: 2,
  MKD: 2,
  MXN: 2,
  MYR: 2,
  NGN: 2,
  NOK: 2,
  NPR: 2,
  NZD: 2,
  PAB: 2,
  PEN: 2,
  PHP: 2,
  PKR: 2,
  PLN: 2,
  QAR: 2,
  RON: 2,
  RSD: 2,
  RUB: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TRY: 2,
  TTD: 2,
  TWD: 2,
  TZS: 2,
  UAH: 2,
  USD: 2,
  UYU: 2,
  UZS: 2,
  XCD: 2,
  ZAR: 2,
  ZMW: 2,
};

/** Digits after the decimal point for `currency`; throws `PermanentError('unknown_currency')` otherwise. */
export function minorUnits(currency: string): number {
  const digits = MINOR_UNITS[currency];
  if (digits === undefined) {
    throw new PermanentError(`unknown currency ${JSON.stringify(currency)}: add it to the ISO 4217 table`, {
      code: 'unknown_currency',
      system: 'canonical',
    });
  }
  return digits;
}

/** True when the currency is in the minor-units table. */
export function isKnownCurrency(currency: string): boolean {
  return MINOR_UNITS[currency] !== undefined;
}
