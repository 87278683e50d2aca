import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
  isBrokenCircuitError,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { Gauge, type Registry } from 'prom-client';
import type { EndpointPolicy, EndpointPolicyOptions } from '../contracts.js';
import { classify, TransientError } from '../errors.js';
import { TokenBucket } from './token-bucket.js';

export const DEFAULT_POLICY: Required<EndpointPolicyOptions> = {
  ratePerSecond: 20,
  burst: 40,
  failureThreshold: 5,
  halfOpenAfterMs: 30_000,
  timeoutMs: 30_000,
};

const CIRCUIT = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
} as const;

/** Gauges shared by every policy on one registry, labelled by endpoint. */
export interface PolicyGauges {
  circuit: Gauge<'endpoint'>;
  tokens: Gauge<'endpoint'>;
}

export function createPolicyGauges(registry: Registry): PolicyGauges {
  return {
    circuit: new Gauge({
      name: 'retail_hub_circuit_state',
      help: 'Circuit breaker per endpoint: 0 closed, 1 open, 2 half-open',
      labelNames: ['endpoint'] as const,
      registers: [registry],
    }),
    tokens: new Gauge({
      name: 'retail_hub_rate_limit_tokens',
      help: 'Rate-limit tokens available per endpoint',
      labelNames: ['endpoint'] as const,
      registers: [registry],
    }),
  };
}

/**
 * Rate limit (token bucket) + circuit breaker (cockatiel `ConsecutiveBreaker`, counting only
 * transient failures: a 400 says nothing about the endpoint's health) + per-call timeout.
 * An open circuit fails fast with `TransientError` code `circuit_open`; a timeout is
 * `TransientError` code `timeout`.
 *
 * @example
 * ```ts
 * const woo = runtime.policy('woocommerce:eu', { ratePerSecond: 5, failureThreshold: 5, timeoutMs: 10_000 });
 * const order = await woo.execute((signal) => fetch(url, { signal }).then((r) => r.json()));
 * ```
 */
export function createEndpointPolicy(
  name: string,
  options: EndpointPolicyOptions = {},
  gauges?: PolicyGauges,
): EndpointPolicy {
  const o = { ...DEFAULT_POLICY, ...options };
  const bucket = new TokenBucket({ ratePerSecond: o.ratePerSecond, burst: Math.max(1, o.burst) });
  const breaker = circuitBreaker(
    handleWhen((error) => classify(error).kind === 'transient'),
    { halfOpenAfter: o.halfOpenAfterMs, breaker: new ConsecutiveBreaker(o.failureThreshold) },
  );
  // No abort once a call has returned: cockatiel would otherwise abort every finished call's
  // signal, building an AbortError (with a stack) per call for nothing — a few % of the saga's CPU.
  const policy = wrap(
    breaker,
    timeout(o.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false }),
  );
  const state = () => ({ circuit: CIRCUIT[breaker.state], tokens: Math.floor(bucket.available()) });
  const report = () => {
    if (!gauges) return;
    const s = state();
    gauges.circuit.set({ endpoint: name }, s.circuit === 'closed' ? 0 : s.circuit === 'open' ? 1 : 2);
    gauges.tokens.set({ endpoint: name }, s.tokens);
  };
  breaker.onStateChange(report);
  // cockatiel only moves an open breaker to half-open when a call reaches it after
  // `halfOpenAfter`, so failing fast must stop once that time has passed.
  let openedAt = 0;
  breaker.onBreak(() => {
    openedAt = Date.now();
  });
  report();

  return {
    name,
    state,
    async execute(fn) {
      if (breaker.state === CircuitState.Open && Date.now() - openedAt < o.halfOpenAfterMs) {
        throw new TransientError(`circuit open for ${name}`, {
          code: 'circuit_open',
          system: name,
          retryAfterMs: o.halfOpenAfterMs,
        });
      }
      await bucket.take();
      report();
      const timedOut = () =>
        new TransientError(`${name} did not answer within ${o.timeoutMs} ms`, {
          code: 'timeout',
          system: name,
        });
      try {
        // A call that rejects as soon as it is aborted must still read as our timeout. Each call
        // gets its own parent signal: without one cockatiel derives every call's timeout signal
        // from one shared signal, whose abort listeners then pile up under concurrency.
        return await policy.execute(
          ({ signal }) =>
            fn(signal).catch((error: unknown) => {
              throw signal.aborted ? timedOut() : error;
            }),
          new AbortController().signal,
        );
      } catch (error) {
        if (isBrokenCircuitError(error)) {
          throw new TransientError(`circuit open for ${name}`, {
            code: 'circuit_open',
            system: name,
            retryAfterMs: o.halfOpenAfterMs,
            cause: error,
          });
        }
        // Not cockatiel's isTaskCancelledError: in 3.x it tests for the bulkhead error's marker.
        if (error instanceof TaskCancelledError) {
          throw timedOut();
        }
        throw error;
      }
    },
  };
}
