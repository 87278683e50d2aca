/**
 * `WC_REST_Authentication`: on a secure connection consumer keys (query string, then Basic), then
 * OAuth 1.0a; a failed attempt is an error, no attempt leaves the request unauthenticated (routes
 * then answer `woocommerce_rest_cannot_*`); an authenticated key must have the method's permission.
 */
import { WcError } from '../errors.js';
import type { PhpParams } from '../params.js';
import { BASIC_REALM, verifyBasic } from './basic.js';
import { OAuthVerifier, type OAuthKey } from './oauth1.js';

export type KeyPermissions = 'read' | 'write' | 'read_write';

export interface AuthConfig extends OAuthKey {
  permissions: KeyPermissions;
  /** `is_ssl()`: true on the TLS listener, or always when the store allows Basic over HTTP. */
  allowBasicOverHttp: boolean;
}

export interface AuthInput {
  method: string;
  baseUri: string;
  secure: boolean;
  query: PhpParams;
  form: PhpParams;
  authorization: string | undefined;
}

export type AuthResult =
  | { kind: 'authenticated'; via: 'query' | 'basic' | 'oauth1' }
  | { kind: 'anonymous' }
  | { kind: 'error'; error: WcError; headers: Record<string, string> };

export class Authenticator {
  private readonly oauth: OAuthVerifier;

  constructor(
    private readonly config: AuthConfig,
    nowSeconds?: () => number,
  ) {
    this.oauth = new OAuthVerifier(config, nowSeconds);
  }

  authenticate(input: AuthInput): AuthResult {
    let result: AuthResult = { kind: 'anonymous' };
    let basicError: WcError | null = null;
    if (input.secure || this.config.allowBasicOverHttp) {
      const basic = verifyBasic(this.config, input.query, input.authorization);
      if (basic.kind === 'ok') result = { kind: 'authenticated', via: basic.via };
      if (basic.kind === 'error') basicError = basic.error;
    }
    if (result.kind === 'anonymous') {
      const oauth = this.oauth.verify({
        method: input.method,
        baseUri: input.baseUri,
        query: input.query,
        form: input.form,
        authorization: input.authorization,
      });
      if (oauth.kind === 'ok') result = { kind: 'authenticated', via: 'oauth1' };
      else if (oauth.kind === 'error') return { kind: 'error', error: oauth.error, headers: {} };
    }
    if (result.kind === 'anonymous' && basicError)
      return { kind: 'error', error: basicError, headers: { 'WWW-Authenticate': BASIC_REALM } };
    if (result.kind === 'authenticated') {
      const permissionError = this.checkPermissions(input.method);
      if (permissionError) return { kind: 'error', error: permissionError, headers: {} };
    }
    return result;
  }

  private checkPermissions(method: string): WcError | null {
    const p = this.config.permissions;
    if (method === 'GET' || method === 'HEAD') {
      return p === 'read' || p === 'read_write'
        ? null
        : new WcError(
            401,
            'woocommerce_rest_authentication_error',
            'The API key provided does not have read permissions.',
          );
    }
    if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
      return p === 'write' || p === 'read_write'
        ? null
        : new WcError(
            401,
            'woocommerce_rest_authentication_error',
            'The API key provided does not have write permissions.',
          );
    }
    if (method === 'OPTIONS') return null;
    return new WcError(401, 'woocommerce_rest_authentication_error', 'Unknown request method.');
  }
}
