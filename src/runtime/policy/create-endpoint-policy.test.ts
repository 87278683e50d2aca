import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { createEndpointPolicy, createPolicyGauges } from './create-endpoint-policy.js';
import { PermanentError, TransientError } from '../errors.js';

describe('createEndpointPolicy', () => {
  it('opens the circuit after consecutive transient failures, fails fast, and reports it', async () => {
    const registry = new Registry();
    const policy = createEndpointPolicy(
      'odoo',
      { failureThreshold: 2, halfOpenAfterMs: 60_000, ratePerSecond: 1_000, burst: 10 },
      createPolicyGauges(registry),
    );
    const fail = () => policy.execute(async () => Promise.reject(new TransientError('503')));
    await expect(fail()).rejects.toThrow('503');
    await expect(fail()).rejects.toThrow('503');
    expect(policy.state().circuit).toBe('open');
    let called = false;
    await expect(policy.execute(async () => (called = true))).rejects.toMatchObject({
      code: 'circuit_open',
      kind: 'transient',
    });
    expect(called).toBe(false);
    expect(await registry.getSingleMetricAsString('retail_hub_circuit_state')).toContain(
      'retail_hub_circuit_state{endpoint="odoo"} 1',
    );
  });

  it('lets one trial call through after halfOpenAfterMs and closes again when it succeeds', async () => {
    const policy = createEndpointPolicy('odoo', {
      failureThreshold: 1,
      halfOpenAfterMs: 30,
      ratePerSecond: 1_000,
      burst: 10,
    });
    await expect(
      policy.execute(async () => Promise.reject(new TransientError('maintenance'))),
    ).rejects.toThrow('maintenance');
    expect(policy.state().circuit).toBe('open');
    const deadline = Date.now() + 5_000;
    let answer: string | undefined;
    while (answer === undefined && Date.now() < deadline) {
      answer = await policy.execute(async () => 'back').catch(() => undefined);
      if (answer === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(answer).toBe('back');
    expect(policy.state().circuit).toBe('closed');
  });

  it('does not count permanent failures against the endpoint', async () => {
    const policy = createEndpointPolicy('woocommerce:eu', {
      failureThreshold: 1,
      ratePerSecond: 1_000,
      burst: 10,
    });
    await expect(policy.execute(async () => Promise.reject(new PermanentError('400')))).rejects.toThrow(
      '400',
    );
    expect(policy.state().circuit).toBe('closed');
    expect(await policy.execute(async () => 'ok')).toBe('ok');
  });

  it('turns a timeout into a transient error and aborts the call', async () => {
    const policy = createEndpointPolicy('wms', { timeoutMs: 20, ratePerSecond: 1_000, burst: 10 });
    let aborted = false;
    await expect(
      policy.execute(
        (signal) =>
          new Promise((_, reject) => {
            signal.addEventListener('abort', () => {
              aborted = true;
              reject(new Error('aborted'));
            });
          }),
      ),
    ).rejects.toMatchObject({ code: 'timeout', kind: 'transient' });
    expect(aborted).toBe(true);
  });

  it('leaves a finished call’s signal alone (nothing aborts work that is already done)', async () => {
    const policy = createEndpointPolicy('odoo', { timeoutMs: 1_000, ratePerSecond: 1_000, burst: 10 });
    let signal: AbortSignal | undefined;
    expect(
      await policy.execute(async (s) => {
        signal = s;
        return 'done';
      }),
    ).toBe('done');
    expect(signal?.aborted).toBe(false);
  });
});
