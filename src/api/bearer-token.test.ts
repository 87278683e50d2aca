import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { silentLogger } from '../ops/logger.js';
import { buildServer, route, type FastRoute } from './server.js';
import { bearerMatcher, requireBearerToken } from './bearer-token.js';

const TOKEN = 's3cret-token';

const things: FastifyPluginAsync = async (app) => {
  app.get('/v1/thing', async () => ({ from: 'fastify' }));
};
const open: FastifyPluginAsync = async (app) => {
  app.get('/v1/open', async () => ({ open: true }));
};
/** Answers `GET /v1/thing` itself unless the query asks for the slow path. */
const fast: FastRoute = (request, response) => {
  if (request.method !== 'GET' || request.url !== '/v1/thing') return false;
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"from":"fast"}');
  return true;
};

describe('requireBearerToken', () => {
  let app: FastifyInstance;
  let url = '';
  beforeAll(async () => {
    app = await buildServer({
      log: silentLogger(),
      plugins: [
        requireBearerToken(
          { ...route(things, {}), fastRoute: fast },
          { token: TOKEN, code: 'storefront_token_required', detail: 'Send the token.' },
        ),
        route(open, {}),
      ],
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
  });
  const get = async (path: string, authorization?: string) => {
    const response = await fetch(`${url}${path}`, authorization ? { headers: { authorization } } : {});
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.json(),
    };
  };

  it('refuses the group without the token, or with another, as problem+json with the code', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const answer = await get('/v1/thing', authorization);
      expect(answer.status).toBe(401);
      expect(answer.type).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ code: 'storefront_token_required', detail: 'Send the token.' });
    }
  });

  it('serves the fast path with the token, and Fastify what the fast path passes on', async () => {
    expect((await get('/v1/thing', `Bearer ${TOKEN}`)).body).toEqual({ from: 'fast' });
    expect((await get('/v1/thing?slow=1', `Bearer ${TOKEN}`)).body).toEqual({ from: 'fastify' });
  });

  it('leaves routes outside the group open', async () => {
    expect(await get('/v1/open')).toMatchObject({ status: 200, body: { open: true } });
  });

  it('matches exactly `Bearer <token>`', () => {
    const matches = bearerMatcher(TOKEN);
    expect(matches(`Bearer ${TOKEN}`)).toBe(true);
    expect(matches(undefined)).toBe(false);
    expect(matches(`bearer ${TOKEN}`)).toBe(false);
    expect(matches('')).toBe(false);
  });
});
