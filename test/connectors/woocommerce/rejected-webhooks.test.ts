/**
 * Refused WooCommerce webhooks are kept (reason, headers without credentials, raw body) and can be
 * listed, shown and replayed with `retail-hub dead-letters` once the cause is fixed: here a store
 * whose webhook secret was rotated in WooCommerce before the hub's configuration. Requests of any
 * content type reach those checks, and a body over the size limit is kept as refused (unread).
 */
import { captureLog } from '../capture-log.js';
import { startWebhookRoute } from '../webhook-route-world.js';
import { afterEach, describe, expect, it } from 'vitest';
import { deadLetterActions } from '../../../src/cli/commands/dead-letters.js';
import { signWooPayload } from '../../../src/connectors/woocommerce/signature.js';
import { wooWebhookRoute } from '../../../src/connectors/woocommerce/webhooks.js';
import type { TestDatabase } from '../../runtime/helpers.js';
import { silentLogger } from '../../../src/ops/logger.js';

const OLD_SECRET = 'old-secret-1';
const NEW_SECRET = 'new-secret-2';
const ORDER = '{"id":41,"date_modified_gmt":"2026-01-01T10:00:00","status":"processing","refunds":[]}';

let store: TestDatabase;
afterEach(async () => {
  await store.close();
});

describe('refused WooCommerce webhooks', () => {
  it('are kept without credentials, listed, and replayed into the inbox once the secret is fixed', async () => {
    const { log, text: logged } = captureLog();
    const world = await startWebhookRoute(({ inbox, rejected }) =>
      wooWebhookRoute({ stores: [{ id: 'eu', webhookSecret: OLD_SECRET }], inbox, log, rejected }),
    );
    store = world.store;
    const { runtime, url } = world;
    const server = { close: world.closeServer };
    const post = (path: string, body: string, secret: string) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-wc-webhook-topic': 'order.updated',
          'x-wc-webhook-resource': 'order',
          'x-wc-webhook-delivery-id': 'd-41',
          'x-wc-webhook-signature': signWooPayload(body, secret),
          authorization: 'Bearer not-for-the-record',
          cookie: 'session=abc',
        },
        body,
      });
    expect((await post('/webhooks/woocommerce/eu', ORDER, NEW_SECRET)).status).toBe(401);
    expect((await post('/webhooks/woocommerce/eu', '{"id":', OLD_SECRET)).status).toBe(400);
    expect((await post('/webhooks/woocommerce/nowhere', ORDER, NEW_SECRET)).status).toBe(404);
    await server.close(); // writes the refusals still queued
    expect(logged()).toContain('woocommerce webhook refused');
    expect(logged()).not.toContain(OLD_SECRET);
    expect(logged()).not.toContain(NEW_SECRET);

    let out = '';
    // The operator fixed the configuration: the store's secret is the new one.
    const actions = deadLetterActions(store, (text) => (out += text), {
      stores: [{ id: 'eu', webhookSecret: NEW_SECRET }],
    });
    expect(await actions.listRejected({}, false)).toBe(3);
    expect(out).toMatch(/^ID\s+INGRESS\s+TARGET\s+REASON/);
    expect(out).toMatch(/woocommerce\s+eu\s+signature_invalid/);
    expect(out).toMatch(/woocommerce\s+nowhere\s+store_not_found/);

    out = '';
    await actions.listRejected({ reason: 'signature_invalid' }, true);
    const [refused] = JSON.parse(out) as { id: string; body: string; headers: Record<string, string> }[];
    expect(refused?.body).toBe(ORDER);
    expect(refused?.headers).toMatchObject({ 'x-wc-webhook-delivery-id': 'd-41' });
    expect(refused?.headers.authorization).toBeUndefined();
    expect(refused?.headers.cookie).toBeUndefined();

    out = '';
    expect(await actions.show(refused?.id ?? '')).toBe(true);
    expect(JSON.parse(out)).toMatchObject({ reason: 'signature_invalid', target: 'eu' });

    out = '';
    expect(await actions.replay(refused?.id ?? '')).toBe(1);
    expect(out).toContain('replayed (accepted)');
    const inbox = await store.db.selectFrom('inbox').select(['body', 'source', 'status']).execute();
    expect(inbox).toEqual([{ body: ORDER, source: 'woocommerce:eu', status: 'accepted' }]);

    // What is still wrong stays refused, with the reason of the last attempt, and listed; a replay
    // checks the signature again (the malformed body was signed with the old secret).
    out = '';
    expect(await actions.replayRejected({})).toBe(0);
    expect(out).toContain('still refused (signature_invalid)');
    expect(out).toContain('still refused (store_not_found)');
    expect(await actions.listRejected({}, false)).toBe(2);
    await runtime.stop();
  });

  it('whatever the content type or size: nothing is refused by the HTTP layer unseen', async () => {
    const world = await startWebhookRoute(({ inbox, rejected }) =>
      wooWebhookRoute({
        stores: [{ id: 'eu', webhookSecret: OLD_SECRET }],
        inbox,
        log: silentLogger(),
        rejected,
        bodyLimit: 1024,
      }),
    );
    store = world.store;
    const { runtime, rejected } = world;
    const server = { close: world.closeServer };
    const url = `${world.url}/webhooks/woocommerce/eu`;
    const send = (body: string, contentType: string, signature?: string) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'x-wc-webhook-resource': 'order',
          'x-wc-webhook-delivery-id': 'd-42',
          ...(signature ? { 'x-wc-webhook-signature': signature } : {}),
        },
        body,
      });

    // A type no parser takes (Fastify would answer 415 unseen) and text/plain: the ingest decides.
    const xml = await send('<order id="1"/>', 'application/xml');
    expect(xml.status).toBe(401);
    expect(((await xml.json()) as { code: string }).code).toBe('signature_missing');
    expect((await send('hello', 'text/plain')).status).toBe(401);
    // Signed by the store, sent with another type: still the store's order.
    expect((await send(ORDER, 'text/plain', signWooPayload(ORDER, OLD_SECRET))).status).toBe(202);
    // Over the limit: never read, but answered as before and kept with the reason.
    const big = JSON.stringify({ id: 43, note: 'x'.repeat(2048) });
    const tooLarge = await send(big, 'application/json', signWooPayload(big, OLD_SECRET));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { code: string }).code).toBe('payload_too_large');
    await server.close();

    const kept = await rejected.list({});
    expect(kept.map((m) => [m.reason, m.body.toString('utf8')]).sort()).toEqual(
      [
        ['signature_missing', '<order id="1"/>'],
        ['signature_missing', 'hello'],
        ['payload_too_large', ''],
      ].sort(),
    );
    expect(kept.find((m) => m.reason === 'payload_too_large')?.headers).toMatchObject({
      'x-wc-webhook-delivery-id': 'd-42',
    });
    const inbox = await store.db.selectFrom('inbox').select(['body', 'status']).execute();
    expect(inbox).toEqual([{ body: ORDER, status: 'accepted' }]);
    await rejected.close();
    await runtime.stop();
  });
});
