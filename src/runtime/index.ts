/**
 * The runtime's public surface. Flows and connectors import from here and from `contracts.ts`.
 *
 * @example
 * ```ts
 * import { createRuntime } from './runtime/index.js';
 * const runtime = createRuntime({ db, dialect: 'sqlite', log });
 * ```
 */
export { createRuntime, type Runtime, type RuntimeOptions } from './create-runtime.js';
export type { DeadLetter, DeadLetterFilter, DeadLetters } from './dead-letters/dead-letters.js';
export type { ParkedMessage, ParkedFilter, Parked } from './parked/parked.js';
export type { RetryOptions } from './deliveries/backoff.js';
export { backoffDelay, DEFAULT_RETRY } from './deliveries/backoff.js';
export type { Clock } from './clock.js';
export { systemClock } from './clock.js';
export { TokenBucket } from './policy/token-bucket.js';
export { createEndpointPolicy } from './policy/create-endpoint-policy.js';
export * from './contracts.js';
export * from './errors.js';
