import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { inbound } from './helpers.js';
import { useRuntimeHarness } from './harness.js';
import { PermanentError } from '../../src/runtime/errors.js';

describe('runtime metrics', () => {
  const h = useRuntimeHarness('sqlite');

  it('counts inbox results and delivery outcomes, gauges dead letters and endpoint state on the given registry', async () => {
    const registry = new Registry();
    const runtime = h.runtime({ metrics: registry });
    runtime.subscribe('m', ['test.message'], async (ctx) => {
      if ((ctx.message.data as { body: string }).body === 'bad') throw new PermanentError('no');
    });
    await runtime.start();
    const ok = inbound();
    await runtime.inbox.accept(ok);
    await runtime.inbox.accept(ok);
    await runtime.inbox.accept(inbound({ body: 'bad' }));
    await runtime.inbox.accept(inbound({ version: { key: 'r', value: '2' } }));
    await runtime.inbox.accept(inbound({ version: { key: 'r', value: '1' } }));
    await runtime.idle();
    runtime.policy('odoo', { ratePerSecond: 5, burst: 5 });

    const text = await registry.metrics();
    expect(text).toContain('retail_hub_inbox_messages_total{source="test",result="accepted"} 3');
    expect(text).toContain('retail_hub_inbox_messages_total{source="test",result="duplicate"} 1');
    expect(text).toContain('retail_hub_inbox_messages_total{source="test",result="stale"} 1');
    expect(text).toContain('retail_hub_deliveries_total{consumer="m",outcome="done"} 2');
    expect(text).toContain('retail_hub_deliveries_total{consumer="m",outcome="dead"} 1');
    expect(text).toContain('retail_hub_dead_letters 1');
    expect(text).toContain('retail_hub_handler_duration_seconds_count{consumer="m"} 3');
    expect(text).toContain('retail_hub_circuit_state{endpoint="odoo"} 0');
    expect(text).toContain('retail_hub_rate_limit_tokens{endpoint="odoo"} 5');
    expect(runtime.policy('odoo')).toBe(runtime.policy('odoo'));
  });
});
