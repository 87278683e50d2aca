/**
 * Builds the Odoo ERP adapter from the hub's configuration: `erp` (url, database, user, key,
 * version, transport, tax mode/map, rate limit) and `warehouses[].erpLocation` (hub location id →
 * Odoo location), with the runtime's endpoint policy named `odoo`.
 *
 * @example
 * ```ts
 * const erp = createOdooErpFromConfig(config, (name, options) => runtime.policy(name, options));
 * ```
 */
import type { HubConfig } from '../../config/schema.js';
import type { EndpointPolicy, EndpointPolicyOptions } from '../../runtime/contracts.js';
import { createOdooErp, type OdooErp } from './adapter.js';

export const ODOO_ENDPOINT = 'odoo';

export function createOdooErpFromConfig(
  config: Pick<HubConfig, 'erp' | 'warehouses'>,
  policyFor: (name: string, options: EndpointPolicyOptions) => EndpointPolicy,
): OdooErp {
  const { erp } = config;
  const options: EndpointPolicyOptions = {};
  if (erp.rateLimit) {
    options.ratePerSecond = erp.rateLimit.perSecond;
    if (erp.rateLimit.burst !== undefined) options.burst = erp.rateLimit.burst;
  }
  return createOdooErp({
    config: {
      url: erp.url,
      database: erp.database,
      username: erp.username,
      apiKey: erp.apiKey,
      ...(erp.version !== undefined ? { version: erp.version } : {}),
      ...(erp.transport !== undefined ? { transport: erp.transport } : {}),
      ...(erp.taxMode !== undefined ? { taxMode: erp.taxMode } : {}),
      ...(erp.taxMap !== undefined ? { taxMap: erp.taxMap } : {}),
    },
    policy: policyFor(ODOO_ENDPOINT, options),
    locations: Object.fromEntries(config.warehouses.map((w) => [w.id, w.erpLocation])),
  });
}
