/**
 * The hub as built by `createHub` keeps refused WMS webhooks and serves them on the admin API
 * behind `server.adminToken`: a delivery signed correctly but past the timestamp window (a WMS
 * retrying after an outage) is refused, kept, and replayed into the inbox from the admin API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createHub, type Hub } from '../../src/app/create-hub.js';
import { signWmsBody } from '../../src/connectors/wms/signature.js';
import { shippedEvent } from '../../src/connectors/wms/test-events.js';
import { startDemoSystems, type DemoSystems } from '../../src/demo/demo-systems.js';
import { silentLogger } from '../../src/ops/logger.js';
import { waitFor } from '../runtime/helpers.js';

const TOKEN = 'e2e-admin-token';
let systems: DemoSystems | undefined;
let hub: Hub | undefined;
let dir = '';

afterEach(async () => {
  await hub?.stop();
  await systems?.close();
  await rm(dir, { recursive: true, force: true });
});

it('keeps a refused WMS webhook and replays it from the admin API', async () => {
  dir = await mkdtemp(join(tmpdir(), 'retail-hub-rejected-'));
  systems = await startDemoSystems({ hubUrl: 'http://127.0.0.1:1' });
  const base = systems.hubConfig({ port: 0, databasePath: join(dir, 'hub.db') });
  const config = { ...base, server: { ...base.server, adminToken: TOKEN } };
  hub = await createHub({ config, log: silentLogger(), role: 'api', port: 0 });
  await hub.start();
  const warehouse = systems.warehouses[0]!;
  const url = hub.url;

  const body = JSON.stringify(shippedEvent({ id: 'evt_late', warehouse: warehouse.id }));
  const timestamp = String(Math.floor(Date.now() / 1000) - 3600);
  const refused = await fetch(`${url}/webhooks/wms/${warehouse.id}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-wms-timestamp': timestamp,
      'x-wms-signature': signWmsBody(warehouse.webhookSecret, timestamp, body),
    },
    body,
  });
  expect(refused.status).toBe(401);

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}` } });
  expect((await fetch(`${url}/v1/admin/rejected`)).status).toBe(401);
  let items: { id: string; ingress: string; reason: string; target: string }[] = [];
  // Refusals are written in batches shortly after the answer.
  await waitFor(async () => {
    items = ((await (await admin('/v1/admin/rejected?ingress=wms')).json()) as { items: typeof items }).items;
    return items.length === 1;
  });
  expect(items[0]).toMatchObject({
    ingress: 'wms',
    reason: 'timestamp_out_of_tolerance',
    target: warehouse.id,
  });

  const replay = await admin(`/v1/admin/rejected/${items[0]!.id}/replay`, { method: 'POST' });
  expect(replay.status).toBe(200);
  expect(await replay.json()).toEqual({ result: 'accepted', done: true });
  const inbox = await hub.store.db.selectFrom('inbox').select(['source', 'dedupe_key']).execute();
  expect(inbox).toEqual([{ source: `wms:${warehouse.id}`, dedupe_key: 'evt_late' }]);
});
