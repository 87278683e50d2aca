import { describe, expect, it } from 'vitest';
import { buildServer, route } from './server.js';
import { silentLogger } from '../ops/logger.js';

describe('buildServer', () => {
  it('answers unknown routes and malformed JSON with problem details and echoes the correlation id', async () => {
    const app = await buildServer({
      log: silentLogger(),
      plugins: [
        route(async (scope) => {
          scope.post('/echo', async (request) => request.body);
        }, {}),
      ],
    });
    const missing = await app.inject({
      method: 'GET',
      url: '/nope',
      headers: { 'x-correlation-id': 'abc-1' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.headers['x-correlation-id']).toBe('abc-1');
    expect(missing.json()).toMatchObject({ status: 404, code: 'route_not_found' });

    const bad = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'malformed_json' });
    await app.close();
  });

  it('reports readiness from the given check', async () => {
    const app = await buildServer({
      log: silentLogger(),
      readiness: async () => ({ ready: false, checks: { store: 'unreachable' } }),
    });
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'not_ready', checks: { store: 'unreachable' } });
    await app.close();
  });
});
