/**
 * Test harness: an Odoo emulator over HTTP and the hub's Odoo adapter pointed at it, with a real
 * endpoint policy (generous limits so tests measure behaviour, not throttling).
 */
import { createOdooErp, type OdooErp, type OdooErpConfig } from '../../../src/connectors/odoo/index.js';
import type { OdooVersion } from '../../../src/connectors/odoo/fields.js';
import { createEndpointPolicy } from '../../../src/runtime/index.js';
import { startOdooEmulator } from '../../../sim/odoo/index.js';

export type Emulator = Awaited<ReturnType<typeof startOdooEmulator>>;

export const LOCATIONS = { main: 'WH/Stock', second: 'WH2/Stock' };

let policies = 0;

export function connect(
  emulator: Emulator,
  version: OdooVersion,
  transport: 'json2' | 'jsonrpc',
  extra: Partial<OdooErpConfig> = {},
): OdooErp {
  return createOdooErp({
    config: {
      url: emulator.url,
      database: emulator.db,
      username: 'admin',
      apiKey: 'admin',
      version,
      transport,
      ...extra,
    },
    policy: createEndpointPolicy(`odoo-test-${++policies}`, {
      ratePerSecond: 10_000,
      burst: 10_000,
      failureThreshold: 1_000,
      timeoutMs: 10_000,
    }),
    locations: LOCATIONS,
    feeds: { overlapSeconds: 5, pageSize: 2 },
  });
}

export async function start(version: OdooVersion): Promise<Emulator> {
  const emulator = await startOdooEmulator({ port: 0, version });
  for (const [sku, price] of [
    ['TSHIRT-M', 20],
    ['MUG', 9.99],
    ['CAP', 15],
  ] as const) {
    emulator.seed.product({ sku, name: `Product ${sku}`, listPrice: price });
  }
  return emulator;
}

/** Waits for a condition with a deadline (no sleeps for synchronisation). */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
