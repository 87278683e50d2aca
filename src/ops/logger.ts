/**
 * The hub's structured logger. Secrets are redacted by path so a misplaced config object or
 * request header can never print a key; every message about a business entity should carry
 * `correlationId` (use `logger.child({ correlationId })`).
 *
 * @example
 * ```ts
 * import { createLogger } from './logger.js';
 * const log = createLogger({ level: 'info' });
 * log.child({ correlationId: '01J...' }).info({ store: 'eu', order: 1234 }, 'order received');
 * ```
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger } from 'pino';

export const REDACTED_PATHS = [
  'consumerSecret',
  'consumerKey',
  'webhookSecret',
  'apiKey',
  'password',
  'secret',
  'authorization',
  '*.consumerSecret',
  '*.consumerKey',
  '*.webhookSecret',
  '*.apiKey',
  '*.password',
  '*.secret',
  '*.authorization',
  'headers.authorization',
  'headers["x-wc-webhook-signature"]',
  'req.headers.authorization',
  'req.headers["x-wc-webhook-signature"]',
];

export interface LoggerOptions {
  level?: string;
  name?: string;
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  const base = {
    level,
    name: options.name ?? 'retail-hub',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return options.destination ? pino(base, options.destination) : pino(base);
}

/** A logger that drops everything; for tests and benchmarks that assert on other things. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
