/**
 * Crash safety: the hub runs as a child process and is killed with SIGKILL in the middle of a
 * batch of sagas, several times, then restarted on the same SQLite store; every order must end
 * settled, exactly once in the ERP, in the warehouse and in WooCommerce.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/store/create-database.js';
import { freePort } from '../free-port.js';
import { pointWebhooks, SHOPPER, startSystems, waitFor, type Systems } from './harness.js';

const ORDERS = 40;
const KILLS = 3;

function startHub(configPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'hub-process.ts'), configPath],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`hub exited early (${String(code)}): ${err}`)));
  });
}

describe('order-to-cash: SIGKILL of the hub mid-saga', () => {
  let systems: Systems;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    // Real time in the store: a clock stepped a second per modification drifts past OAuth 1.0a's
    // 15-minute timestamp window over a run this long (stock pushes modify products too).
    systems = await startSystems({ wmsStepMs: 20, steppingClock: false });
  }, 60_000);
  afterAll(async () => {
    child?.kill('SIGKILL');
    await systems.close();
  });

  it('finishes every order exactly once after repeated kills and restarts', async () => {
    const port = await freePort();
    const config = {
      ...systems.config,
      server: { ...systems.config.server, port },
      stores: systems.config.stores.map((s) => ({ ...s, poll: { intervalSeconds: 1 } })),
    };
    const configPath = join(systems.dir, 'hub.json');
    await writeFile(configPath, JSON.stringify(config));
    let started = await startHub(configPath);
    child = started.child;
    await pointWebhooks(systems, started.url);

    const ids: number[] = [];
    for (let i = 0; i < ORDERS; i += 1)
      ids.push(
        systems.woo.createOrder({
          lineItems: [
            { sku: 'TEE-M', quantity: 1 + (i % 2) },
            { sku: 'MUG', quantity: 1 },
          ],
          ...SHOPPER,
        }).id,
      );

    const store = await createDatabase({ kind: 'sqlite', path: join(systems.dir, 'hub.db') });
    const count = async (state?: string) => {
      let q = store.db.selectFrom('saga_orders').select((eb) => eb.fn.countAll<number>().as('n'));
      if (state) q = q.where('state', '=', state);
      return Number((await q.executeTakeFirst())?.n ?? 0);
    };
    try {
      for (let kill = 1; kill <= KILLS; kill += 1) {
        // Kill while sagas are in flight: some orders known, not all settled.
        const target = Math.ceil((ORDERS * kill) / (KILLS + 1));
        await waitFor(
          async () => (await count()) > 0 && (await count('settled')) >= Math.min(target, ORDERS - 1),
          { what: `${target} settled before kill ${kill}`, timeoutMs: 60_000 },
        );
        child.kill('SIGKILL');
        await new Promise((resolve) => child?.once('exit', resolve));
        started = await startHub(configPath);
        child = started.child;
      }
      try {
        await waitFor(async () => (await count('settled')) === ORDERS, { timeoutMs: 240_000 });
      } catch (error) {
        const states = await store.db
          .selectFrom('saga_orders')
          .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('state')
          .execute();
        throw new Error(`not every order settled: ${JSON.stringify(states)}`, { cause: error });
      }
    } finally {
      await store.close();
    }

    for (const id of ids) {
      const ref = `WC-eu-${id}`;
      expect(systems.odoo.models.searchCount('sale.order', [['client_order_ref', '=', ref]]), ref).toBe(1);
      const open = systems.wms.main.fulfilments
        .byReference(`${ref}/main/1`)
        .filter((f) => f.status !== 'cancelled');
      expect(open, ref).toHaveLength(1);
      expect(systems.woo.getOrder(id)?.status, ref).toBe('completed');
      const notes = (systems.woo.state.notes.get(id) ?? []).filter((n) => n.note.startsWith('Shipped with'));
      expect(notes, ref).toHaveLength(1);
    }
    expect(systems.odoo.models.searchCount('sale.order', [])).toBe(ORDERS);
    expect(systems.odoo.models.searchCount('account.move', [['move_type', '=', 'out_invoice']])).toBe(ORDERS);
  }, 420_000);
});
