import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The runtime's metrics, registered on the registry the hub passes in (never the global default). */
export interface RuntimeMetrics {
  inbox(source: string, result: 'accepted' | 'duplicate' | 'stale'): void;
  delivery(consumer: string, outcome: 'done' | 'retried' | 'dead' | 'parked'): void;
  handlerSeconds(consumer: string, seconds: number): void;
}

const noop: RuntimeMetrics = {
  inbox: () => undefined,
  delivery: () => undefined,
  handlerSeconds: () => undefined,
};

export function createRuntimeMetrics(
  registry: Registry | undefined,
  countDeadLetters: () => Promise<number>,
): RuntimeMetrics {
  if (!registry) return noop;
  const registers = [registry];
  const inbox = new Counter({
    name: 'retail_hub_inbox_messages_total',
    help: 'Inbound messages by source and result (accepted, duplicate, stale)',
    labelNames: ['source', 'result'] as const,
    registers,
  });
  const deliveries = new Counter({
    name: 'retail_hub_deliveries_total',
    help: 'Handled deliveries by consumer and outcome (done, retried, dead, parked)',
    labelNames: ['consumer', 'outcome'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'retail_hub_handler_duration_seconds',
    help: 'Handler run time per consumer',
    labelNames: ['consumer'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers,
  });
  new Gauge({
    name: 'retail_hub_dead_letters',
    help: 'Dead letters not yet replayed',
    registers,
    async collect() {
      this.set(await countDeadLetters());
    },
  });
  return {
    inbox: (source, result) => inbox.inc({ source, result }),
    delivery: (consumer, outcome) => deliveries.inc({ consumer, outcome }),
    handlerSeconds: (consumer, seconds) => duration.observe({ consumer }, seconds),
  };
}
