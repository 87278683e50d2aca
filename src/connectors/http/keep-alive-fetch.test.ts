import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveFetch } from './keep-alive-fetch.js';

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string; socket: number };

async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const seen: Seen[] = [];
  const sockets = new WeakMap<object, number>();
  let nextSocket = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, (nextSocket += 1));
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        socket: sockets.get(req.socket) ?? 0,
      });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('keepAliveFetch', () => {
  let main: Awaited<ReturnType<typeof serve>>;
  let other: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    other = await serve((_req, res) => res.end('elsewhere'));
    main = await serve((req, res, body) => {
      const path = req.url ?? '';
      if (path === '/json') {
        res.setHeader('link', ['<https://x/?page=2>; rel="next"', '<https://x/?page=9>; rel="last"']);
        res.writeHead(201, { 'content-type': 'application/json', 'x-wp-total': '42' });
        res.end(JSON.stringify({ echo: JSON.parse(body) as unknown }));
      } else if (path === '/empty') {
        res.writeHead(204).end();
      } else if (path === '/see-other') {
        res.writeHead(303, { location: '/json-get' }).end();
      } else if (path === '/json-get') {
        res.end(JSON.stringify({ method: req.method, body }));
      } else if (path === '/temporary') {
        res.writeHead(307, { location: '/json' }).end();
      } else if (path === '/away') {
        res.writeHead(302, { location: `${other.url}/landing` }).end();
      } else if (path === '/gzip') {
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('decoded body'));
      } else if (path === '/never') {
        // no answer: the caller's signal must end the wait
      } else {
        res.writeHead(404).end('nope');
      }
    });
  });

  afterAll(() => {
    main.server.closeAllConnections();
    other.server.closeAllConnections();
    main.server.close();
    other.server.close();
  });

  it('sends the body and headers, and answers status, repeated headers and body as fetch does', async () => {
    const response = await keepAliveFetch(`${main.url}/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ a: 1 }),
    });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-wp-total')).toBe('42');
    expect(response.headers.get('link')).toBe(
      '<https://x/?page=2>; rel="next", <https://x/?page=9>; rel="last"',
    );
    expect(await response.json()).toEqual({ echo: { a: 1 } });
    const request = main.seen.at(-1);
    expect(request?.headers.authorization).toBe('Basic abc');
    expect(request?.headers['content-length']).toBe('7');
  });

  it('reuses one kept-alive connection for sequential calls', async () => {
    const before = main.seen.length;
    for (let i = 0; i < 3; i += 1) await (await keepAliveFetch(`${main.url}/json-get`)).text();
    const sockets = new Set(main.seen.slice(before).map((s) => s.socket));
    expect(sockets.size).toBe(1);
  });

  it('gives a bodiless 204 and decodes a gzip body', async () => {
    const empty = await keepAliveFetch(`${main.url}/empty`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    expect(await (await keepAliveFetch(`${main.url}/gzip`)).text()).toBe('decoded body');
  });

  it('follows a 303 as GET without the body, and a 307 with method and body kept', async () => {
    const seeOther = await keepAliveFetch(`${main.url}/see-other`, { method: 'POST', body: 'x=1' });
    expect(await seeOther.json()).toEqual({ method: 'GET', body: '' });
    const temporary = await keepAliveFetch(`${main.url}/temporary`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"b":2}',
    });
    expect(temporary.status).toBe(201);
    expect(await temporary.json()).toEqual({ echo: { b: 2 } });
  });

  it('drops the Authorization header when a redirect leaves the origin', async () => {
    const response = await keepAliveFetch(`${main.url}/away`, { headers: { authorization: 'Basic secret' } });
    expect(await response.text()).toBe('elsewhere');
    expect(other.seen.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('rejects with the signal’s reason when aborted, and with TypeError on a refused connection', async () => {
    const timedOut = keepAliveFetch(`${main.url}/never`, { signal: AbortSignal.timeout(50) });
    await expect(timedOut).rejects.toMatchObject({ name: 'TimeoutError' });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = keepAliveFetch(`http://127.0.0.1:${port}/`);
    await expect(refused).rejects.toBeInstanceOf(TypeError);
    await expect(refused).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });
});
