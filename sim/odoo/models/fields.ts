/** Terse field constructors for the model files (`m2o('res.partner', { required: true })`). */
import type { FieldDef } from '../orm/types.js';

type Extra = Partial<FieldDef>;

export const char = (string?: string, extra: Extra = {}): FieldDef => ({ type: 'char', string, ...extra });
export const text = (string?: string, extra: Extra = {}): FieldDef => ({ type: 'text', string, ...extra });
export const int = (string?: string, extra: Extra = {}): FieldDef => ({ type: 'integer', string, ...extra });
export const float = (string?: string, extra: Extra = {}): FieldDef => ({ type: 'float', string, ...extra });
export const money = (string?: string, extra: Extra = {}): FieldDef => ({
  type: 'monetary',
  string,
  ...extra,
});
export const bool = (string?: string, extra: Extra = {}): FieldDef => ({ type: 'boolean', string, ...extra });
export const date = (string?: string, extra: Extra = {}): FieldDef => ({ type: 'date', string, ...extra });
export const datetime = (string?: string, extra: Extra = {}): FieldDef => ({
  type: 'datetime',
  string,
  ...extra,
});
export const m2o = (relation: string, extra: Extra = {}): FieldDef => ({
  type: 'many2one',
  relation,
  ...extra,
});
export const o2m = (relation: string, inverseName: string, extra: Extra = {}): FieldDef => ({
  type: 'one2many',
  relation,
  inverseName,
  ...extra,
});
export const m2m = (relation: string, extra: Extra = {}): FieldDef => ({
  type: 'many2many',
  relation,
  ...extra,
});
export const sel = (selection: readonly (readonly [string, string])[], extra: Extra = {}): FieldDef => ({
  type: 'selection',
  selection,
  ...extra,
});

/** `active` as Odoo declares it: archived rows are hidden from searches unless asked for. */
export const active = (): FieldDef => bool('Active', { default: () => true });
/** `company_id` defaulting to the only company. */
export const company = (): FieldDef => m2o('res.company', { string: 'Company', default: () => 1 });
export const constant =
  <T>(value: T) =>
  (): T =>
    value;
