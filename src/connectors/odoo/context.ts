/**
 * What every Odoo operation receives: the client, cached look-ups of Odoo's reference data, and
 * the connector settings. Passed explicitly — no module-level state — so two adapters (two Odoo
 * databases, or a test's second "process") never share caches.
 */
import type { OdooClient } from './client.js';
import type { Lookups } from './lookups.js';
import type { TaxMode } from './mapping/order-lines.js';

export interface TaxMapEntry {
  /** Odoo `account.tax` id. */
  taxId: number;
}

export interface OdooSettings {
  taxMode: TaxMode;
  /** Channel rate id (`"1"`) or percentage (`"21%"`) → Odoo tax id; `map` mode only. */
  taxMap: Record<string, number>;
  companyId: number | undefined;
}

export interface OdooContext {
  client: OdooClient;
  lookups: Lookups;
  settings: OdooSettings;
}
