/**
 * Refused WMS webhooks are kept (reason, raw body, headers without credentials, correlation id)
 * for every reason the route refuses, and `retail-hub dead-letters replay` runs them through the
 * same checks with the configuration as it is now: a warehouse whose secret was rotated in the WMS
 * before the hub's config, and a warehouse added to the config after its first deliveries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { route } from '../../../src/api/server.js';
import { deadLetterActions } from '../../../src/cli/commands/dead-letters.js';
import { signWmsBody } from '../../../src/connectors/wms/signature.js';
import { shippedEvent } from '../../../src/connectors/wms/test-events.js';
import { wmsWebhookRoutes } from '../../../src/connectors/wms/webhooks.js';
import { silentLogger } from '../../../src/ops/logger.js';
import type { TestDatabase } from '../../runtime/helpers.js';
import { captureLog } from '../capture-log.js';
import { startWebhookRoute } from '../webhook-route-world.js';

const OLD_SECRET = 'wms-old-secret-1';
const NEW_SECRET = 'wms-new-secret-2';
const NORTH_SECRET = 'wms-north-secret-3';

let store: TestDatabase;
afterEach(async () => {
  await store.close();
});

const now = () => String(Math.floor(Date.now() / 1000));

describe('refused WMS webhooks', () => {
  it('are kept for each reason without credentials, and replayed once the config is fixed', async () => {
    const { log, text: logged } = captureLog();
    const world = await startWebhookRoute(({ inbox, rejected }) =>
      route(wmsWebhookRoutes, {
        warehouses: [{ id: 'main', webhookSecret: OLD_SECRET }],
        inbox,
        log,
        rejected,
      }),
    );
    store = world.store;
    const { runtime, url } = world;
    const server = { close: world.closeServer };
    const post = async (
      warehouse: string,
      body: string,
      signed: { secret?: string; timestamp?: string; signature?: string },
      correlationId: string,
    ) => {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-wms-event': 'fulfilment.shipped',
        'x-wms-event-id': correlationId,
        'x-correlation-id': correlationId,
        authorization: 'Bearer not-for-the-record',
        cookie: 'session=abc',
      };
      if (signed.timestamp !== undefined) headers['x-wms-timestamp'] = signed.timestamp;
      const signature =
        signed.signature ??
        (signed.secret === undefined ? undefined : signWmsBody(signed.secret, signed.timestamp ?? '', body));
      if (signature !== undefined) headers['x-wms-signature'] = signature;
      const response = await fetch(`${url}/webhooks/wms/${warehouse}`, { method: 'POST', headers, body });
      expect(response.headers.get('x-correlation-id')).toBe(correlationId);
      return { status: response.status, code: ((await response.json()) as { code?: string }).code };
    };

    const rotated = JSON.stringify(shippedEvent({ id: 'evt_rotated', sequence: 4 }));
    const late = JSON.stringify(shippedEvent({ id: 'evt_late', sequence: 5 }));
    const north = JSON.stringify(shippedEvent({ id: 'evt_north', warehouse: 'north' }));
    const forged = JSON.stringify(shippedEvent({ id: 'evt_forged', sequence: 9 }));
    const hourAgo = String(Math.floor(Date.now() / 1000) - 3600);
    // Sent by the WMS with the new secret, which the hub does not know yet.
    expect(await post('main', rotated, { secret: NEW_SECRET, timestamp: now() }, 'c-rotated')).toEqual({
      status: 401,
      code: 'signature_invalid',
    });
    // Signed with the new secret too, but delivered (or retried) after the tolerance window.
    expect(await post('main', late, { secret: NEW_SECRET, timestamp: hourAgo }, 'c-late')).toEqual({
      status: 401,
      code: 'timestamp_out_of_tolerance',
    });
    expect(await post('north', north, { secret: NORTH_SECRET, timestamp: now() }, 'c-north')).toEqual({
      status: 404,
      code: 'warehouse_not_found',
    });
    expect(await post('main', forged, { secret: 'someone-else', timestamp: now() }, 'c-forged')).toEqual({
      status: 401,
      code: 'signature_invalid',
    });
    expect(await post('main', rotated, { timestamp: now() }, 'c-unsigned')).toEqual({
      status: 401,
      code: 'signature_missing',
    });
    expect(await post('main', rotated, { signature: 'sha256=00', timestamp: 'soon' }, 'c-ts')).toEqual({
      status: 401,
      code: 'timestamp_invalid',
    });
    expect(await post('main', '{"id":', { secret: OLD_SECRET, timestamp: now() }, 'c-json')).toEqual({
      status: 400,
      code: 'invalid_event',
    });
    const shapeless = JSON.stringify({ id: 'evt_x', type: 'fulfilment.shipped', sequence: 0 });
    expect(await post('main', shapeless, { secret: OLD_SECRET, timestamp: now() }, 'c-shape')).toEqual({
      status: 400,
      code: 'invalid_event',
    });
    const elsewhere = JSON.stringify(shippedEvent({ id: 'evt_other', warehouse: 'other' }));
    expect(await post('main', elsewhere, { secret: OLD_SECRET, timestamp: now() }, 'c-mismatch')).toEqual({
      status: 400,
      code: 'warehouse_mismatch',
    });
    await server.close(); // writes the refusals still queued
    expect(logged()).toContain('wms webhook refused');
    expect(logged()).toContain('"correlationId":"c-rotated"');
    for (const secret of [OLD_SECRET, NEW_SECRET, NORTH_SECRET]) expect(logged()).not.toContain(secret);

    let out = '';
    const actions = deadLetterActions(store, (text) => (out += text), {
      warehouses: [
        { id: 'main', webhookSecret: NEW_SECRET }, // the rotated secret, fixed
        { id: 'north', webhookSecret: NORTH_SECRET }, // the warehouse, added
      ],
    });
    out = '';
    expect(await actions.listRejected({ ingress: 'wms' }, true)).toBe(9);
    const kept = JSON.parse(out) as {
      id: string;
      ingress: string;
      target: string;
      reason: string;
      body: string;
      headers: Record<string, string>;
      correlationId: string;
    }[];
    expect(kept.map((m) => [m.correlationId, m.target, m.reason])).toEqual([
      ['c-rotated', 'main', 'signature_invalid'],
      ['c-late', 'main', 'timestamp_out_of_tolerance'],
      ['c-north', 'north', 'warehouse_not_found'],
      ['c-forged', 'main', 'signature_invalid'],
      ['c-unsigned', 'main', 'signature_missing'],
      ['c-ts', 'main', 'timestamp_invalid'],
      ['c-json', 'main', 'invalid_event'],
      ['c-shape', 'main', 'invalid_event'],
      ['c-mismatch', 'main', 'warehouse_mismatch'],
    ]);
    const [first] = kept;
    expect(first?.ingress).toBe('wms');
    expect(first?.body).toBe(rotated);
    expect(Object.keys(first?.headers ?? {}).sort()).toEqual([
      'content-type',
      'user-agent',
      'x-correlation-id',
      'x-wms-event',
      'x-wms-event-id',
      'x-wms-signature',
      'x-wms-timestamp',
    ]);
    expect(kept.find((m) => m.correlationId === 'c-json')?.body).toBe('{"id":');

    out = '';
    expect(await actions.replay(first?.id ?? '')).toBe(1);
    expect(out).toContain('replayed (accepted)');

    out = '';
    expect(await actions.replayRejected({ ingress: 'wms' })).toBe(2);
    expect(out).toContain('replayed (accepted)');
    // The forged one, and the bad bodies signed with the old secret: the signature is checked again.
    expect(out.match(/still refused \(signature_invalid\)/g)).toHaveLength(4);
    expect(out).toContain('still refused (signature_missing)');
    expect(out).toContain('still refused (timestamp_invalid)');
    const inbox = await store.db
      .selectFrom('inbox')
      .select(['source', 'dedupe_key', 'status'])
      .orderBy('id')
      .execute();
    expect(inbox).toEqual([
      { source: 'wms:main', dedupe_key: 'evt_rotated', status: 'accepted' },
      { source: 'wms:main', dedupe_key: 'evt_late', status: 'accepted' },
      { source: 'wms:north', dedupe_key: 'evt_north', status: 'accepted' },
    ]);
    // A replay's refusal updates the kept row; it is not kept a second time.
    out = '';
    expect(await actions.listRejected({ ingress: 'wms' }, false)).toBe(6);
    expect(out).toMatch(/wms\s+main\s+invalid_event\s+\d+\s+\S+\s+signature_invalid/);

    // Verified again with the secret they were signed with, the bodies still fail their own checks.
    out = '';
    const withOldSecret = deadLetterActions(store, (text) => (out += text), {
      warehouses: [{ id: 'main', webhookSecret: OLD_SECRET }],
    });
    expect(await withOldSecret.replayRejected({ reason: 'invalid_event' })).toBe(0);
    expect(await withOldSecret.replayRejected({ reason: 'warehouse_mismatch' })).toBe(0);
    expect(out.match(/still refused \(invalid_event\)/g)).toHaveLength(2);
    expect(out).toContain('still refused (warehouse_mismatch)');
    expect(await store.db.selectFrom('inbox').select('id').execute()).toHaveLength(3);
    await runtime.stop();
  });

  it('whatever the content type or size: nothing is refused by the HTTP layer unseen', async () => {
    const world = await startWebhookRoute(({ inbox, rejected }) =>
      route(wmsWebhookRoutes, {
        warehouses: [{ id: 'main', webhookSecret: NEW_SECRET }],
        inbox,
        log: silentLogger(),
        rejected,
        bodyLimit: 2048,
      }),
    );
    store = world.store;
    const { runtime, rejected } = world;
    const server = { close: world.closeServer };
    const url = `${world.url}/webhooks/wms/main`;
    const send = (body: string, contentType: string, signed: boolean) => {
      const timestamp = now();
      return fetch(url, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'x-wms-event-id': 'evt-types',
          ...(signed
            ? { 'x-wms-timestamp': timestamp, 'x-wms-signature': signWmsBody(NEW_SECRET, timestamp, body) }
            : {}),
        },
        body,
      });
    };
    const xml = await send('<shipped/>', 'application/xml', false);
    expect(xml.status).toBe(401);
    const event = JSON.stringify(shippedEvent({ id: 'evt_plain', warehouse: 'main' }));
    expect((await send(event, 'text/plain', true)).status).toBe(202);
    const big = JSON.stringify({
      ...shippedEvent({ id: 'evt_big', warehouse: 'main' }),
      pad: 'x'.repeat(4096),
    });
    const tooLarge = await send(big, 'application/json', true);
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { code: string }).code).toBe('payload_too_large');
    await server.close();

    const kept = await rejected.list({ ingress: 'wms' });
    expect(kept.map((m) => [m.reason, m.body.toString('utf8')]).sort()).toEqual(
      [
        ['payload_too_large', ''],
        ['signature_missing', '<shipped/>'],
      ].sort(),
    );
    expect(await store.db.selectFrom('inbox').select('source').execute()).toEqual([{ source: 'wms:main' }]);
    await rejected.close();
    await runtime.stop();
  });
});
