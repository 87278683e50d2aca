/**
 * What every Odoo operation receives: the client, cached look-ups of Odoo's reference data, and
 * the connector settings. Passed explicitly — no module-level state — so two adapters (two Odoo
 * databases, or a test's second "process") never share caches.
 *
 * @example
 * ```ts
 * const ctx: OdooContext = { client, lookups: createLookups(client), settings, locks: createKeyLock() };
 * erpLocationOf(ctx.settings, 'main'); // 'WH/Stock'
 * ```
 */
import type { OdooClient } from './client.js';
import type { KeyLock } from './key-lock.js';
import type { Lookups } from './lookups.js';
import type { TaxMode } from './mapping/order-lines.js';

export interface OdooSettings {
  taxMode: TaxMode;
  /** Channel rate id (`"1"`) or percentage (`"21%"`) → Odoo tax id; `map` mode only. */
  taxMap: Record<string, number | string>;
  companyId: number | undefined;
  /** Hub location id → Odoo location full name (`main` → `WH/Stock`), from `warehouses[].erpLocation`. */
  locations: Record<string, string>;
}

/** Hub location id → Odoo location name; an unknown id is taken as an Odoo name already. */
export function erpLocationOf(settings: OdooSettings, location: string): string {
  return settings.locations[location] ?? location;
}

/** Odoo location name → hub location id (the name itself when not configured). */
export function hubLocationOf(settings: OdooSettings, erpLocation: string): string {
  for (const [id, name] of Object.entries(settings.locations)) if (name === erpLocation) return id;
  return erpLocation;
}

export interface OdooContext {
  client: OdooClient;
  lookups: Lookups;
  settings: OdooSettings;
  /** Per-key serialisation inside this process (orders, customers by e-mail). */
  locks: KeyLock;
}
