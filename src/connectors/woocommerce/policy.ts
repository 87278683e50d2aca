/**
 * A pass-through EndpointPolicy for when the caller supplies none (tests, one-off CLI calls): no
 * rate limit, no breaker, only the signal. Production wiring passes the runtime's policy.
 *
 * @example
 * ```ts
 * const policy = directPolicy('woocommerce:eu');
 * await policy.execute(async (signal) => fetch(url, { signal }));
 * ```
 */
import type { EndpointPolicy } from '../../runtime/contracts.js';

export function directPolicy(name: string): EndpointPolicy {
  return {
    name,
    execute: (fn) => fn(new AbortController().signal),
    state: () => ({ circuit: 'closed', tokens: Number.POSITIVE_INFINITY }),
  };
}
