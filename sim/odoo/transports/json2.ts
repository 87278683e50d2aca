/**
 * Odoo 19's JSON-2 API: `POST /json/2/<model>/<method>` with `Authorization: bearer <api key>`,
 * named parameters plus `ids` and `context` in a JSON object body, the bare result as the answer,
 * and errors as HTTP statuses with `{name, message, arguments, context, debug}`. As in Odoo's
 * controller, other verbs on these paths reach the catch-all route (404 "Did you mean POST …"),
 * and the API does not exist before 19.
 */
import { callMethod } from '../orm/call.js';
import { OdooException } from '../orm/errors.js';
import { asOdooException, fakeTraceback } from '../services.js';
import { execute, html, json, type HttpRequest, type Reply, type RequestContext } from './types.js';

const CATCH_ALL_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

export function json2Error(error: OdooException, headers: Record<string, string> = {}): Reply {
  return json(
    error.httpStatus,
    {
      name: error.odooName,
      message: error.message,
      arguments: error.arguments,
      context: {},
      debug: fakeTraceback(error),
    },
    headers,
  );
}

const notFound = (message: string) => new OdooException('werkzeug.exceptions.NotFound', message);

export function handleJson2(req: HttpRequest, ctx: RequestContext): Reply {
  const { backend } = ctx;
  ctx.journal.service = 'json2';
  if (backend.version < 19) {
    return html(404, '404 Not Found', 'The requested URL was not found on the server.');
  }
  const match = /^\/json\/2\/([^/]+)\/([^/]+)\/?$/.exec(req.path);
  if (!CATCH_ALL_METHODS.has(req.method)) {
    return json(
      405,
      {
        name: 'werkzeug.exceptions.MethodNotAllowed',
        message: 'The method is not allowed for the requested URL.',
        arguments: ['The method is not allowed for the requested URL.', 405],
        context: {},
        debug: '',
      },
      { allow: 'POST' },
    );
  }
  if (!match || req.method !== 'POST')
    return json2Error(notFound('Did you mean POST /json/2/<model>/<method>?'));
  const model = decodeURIComponent(match[1]!);
  const method = decodeURIComponent(match[2]!);
  ctx.journal.model = model;
  ctx.journal.method = method;

  const auth = req.headers.authorization;
  const challenge = { 'www-authenticate': 'bearer' };
  if (!auth) {
    return json2Error(
      new OdooException(
        'werkzeug.exceptions.Unauthorized',
        'User not authenticated, use an API Key with a Bearer Authorization header.',
      ),
      challenge,
    );
  }
  const [scheme, key] = auth.split(/\s+/, 2);
  if (scheme?.toLowerCase() !== 'bearer' || key !== backend.credentials.apiKey) {
    return json2Error(new OdooException('werkzeug.exceptions.Unauthorized', 'Invalid apikey'), challenge);
  }
  const database = req.headers['x-odoo-database'];
  if (typeof database === 'string' && database !== backend.credentials.db) {
    return json2Error(notFound(`database ${JSON.stringify(database)} not found`));
  }

  let body: unknown = {};
  if (req.body.length > 0) {
    try {
      body = JSON.parse(req.body);
    } catch (error) {
      return json2Error(
        new OdooException(
          'werkzeug.exceptions.BadRequest',
          `could not parse the body as json: ${(error as Error).message}`,
        ),
      );
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return json2Error(
        new OdooException(
          'werkzeug.exceptions.BadRequest',
          'could not parse the body, expecting a json object',
        ),
      );
    }
  }
  const { ids = [], ...kwargs } = body as Record<string, unknown>;
  if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id))) {
    return json2Error(
      new OdooException('werkzeug.exceptions.UnprocessableEntity', 'ids must be a list of integers'),
    );
  }
  try {
    const result = execute(ctx, () =>
      callMethod(backend.store, {
        model,
        method,
        args: [],
        kwargs,
        ids: ids as number[],
        uid: backend.credentials.uid,
        style: 'json2',
      }),
    );
    return json(200, result);
  } catch (error) {
    const exc = asOdooException(error);
    if (ctx.journal.outcome === 'ok') ctx.journal.outcome = 'error';
    ctx.journal.error = exc.odooName;
    return json2Error(exc);
  }
}
