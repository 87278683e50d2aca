/**
 * The least any durable webhook ingest can do, as a yardstick for the hub's: a bare node:http
 * server that verifies the signature, checks the body is JSON, appends the raw delivery to one
 * SQLite table with a prepared statement (one unique index for the delivery id), commits the
 * requests of one event-loop turn together with `synchronous=FULL`, and only then answers 202.
 * No dedupe by content, no version rule, no event or delivery rows, no metrics: what is left is
 * the cost of HTTP + HMAC + JSON.parse + one fsync'd row, which bounds what the hub can reach.
 *
 * @example
 * ```ts
 * const server = await startMinimalDurableIngest({ secret: 's', path: '/tmp/floor.db' });
 * // POST signed bodies to http://127.0.0.1:<server.port>/ …
 * await server.close();
 * ```
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { createWooSignatureCheck } from '../src/connectors/woocommerce/signature.js';

export interface MinimalDurableIngest {
  port: number;
  rows(): number;
  close(): Promise<void>;
}

export async function startMinimalDurableIngest(options: {
  secret: string;
  path: string;
}): Promise<MinimalDurableIngest> {
  const db = new BetterSqlite3(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`create table if not exists deliveries (
    seq integer primary key, delivery_id text not null unique, topic text, body text not null)`);
  const insert = db.prepare(
    'insert into deliveries (delivery_id, topic, body) values (?, ?, ?) on conflict do nothing',
  );
  const verify = createWooSignatureCheck();
  let group: { values: [string, string, string]; answer: () => void }[] = [];
  const commit = () => {
    const batch = group;
    group = [];
    db.exec('begin');
    for (const { values } of batch) insert.run(...values);
    db.exec('commit');
    for (const { answer } of batch) answer();
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const signature = request.headers['x-wc-webhook-signature'];
      const reply = (status: number) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(status === 202 ? '{"status":"accepted"}' : '{"status":"refused"}');
      };
      if (typeof signature !== 'string' || !verify(body, signature, options.secret)) return reply(401);
      const text = body.toString('utf8');
      try {
        JSON.parse(text);
      } catch {
        return reply(400);
      }
      if (group.length === 0) setImmediate(commit);
      group.push({
        values: [
          String(request.headers['x-wc-webhook-delivery-id']),
          String(request.headers['x-wc-webhook-topic']),
          text,
        ],
        answer: () => reply(202),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    rows: () => (db.prepare('select count(*) as n from deliveries').get() as { n: number }).n,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      db.close();
    },
  };
}
