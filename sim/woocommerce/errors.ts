/**
 * WooCommerce/WordPress REST errors: `{code, message, data:{status}}`, thrown by handlers and
 * rendered by the server (or inlined per item by batch endpoints).
 */
export class WcError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'WcError';
  }

  toBody(): { code: string; message: string; data: Record<string, unknown> } {
    return { code: this.code, message: this.message, data: { status: this.status, ...this.extra } };
  }
}

export const noRoute = (): WcError =>
  new WcError(404, 'rest_no_route', 'No route was found matching the URL and request method.');

/** `woocommerce_rest_{type}_invalid_id`: 404 on read/delete, 400 on update (as WooCommerce does). */
export const invalidId = (postType: string, method: string): WcError =>
  new WcError(
    method === 'PUT' || method === 'PATCH' || method === 'POST' ? 400 : 404,
    `woocommerce_rest_${postType}_invalid_id`,
    'Invalid ID.',
  );

export function invalidParams(params: Record<string, string>): WcError {
  const names = Object.keys(params).join(', ');
  const details: Record<string, { code: string; message: string; data: null }> = {};
  for (const [name, message] of Object.entries(params))
    details[name] = { code: 'rest_invalid_param', message, data: null };
  return new WcError(400, 'rest_invalid_param', `Invalid parameter(s): ${names}`, { params, details });
}

export function missingParams(names: string[]): WcError {
  return new WcError(400, 'rest_missing_callback_param', `Missing parameter(s): ${names.join(', ')}`, {
    params: names,
  });
}
