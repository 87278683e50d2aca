/**
 * `retail-hub orders show STORE ORDER [--json]` and `retail-hub orders list [--state S] [--json]`:
 * where an order stands in every system, and its timeline, from the hub's store.
 *
 * @example
 * ```sh
 * retail-hub orders show eu 727
 * retail-hub orders list --state parked
 * ```
 */
import { CommanderError, type Command } from 'commander';
import type { Kysely } from 'kysely';
import { listSagas } from '../../flows/order-to-cash/saga-store.js';
import { formatOrderTimeline } from '../../ops/timeline/narrative.js';
import { readOrderTimeline } from '../../ops/timeline/order-timeline.js';
import type { Database } from '../../store/schema.js';
import { openStoreFromConfig } from './migrate.js';

type Write = (text: string) => void;

/** The command's work, separate from argument parsing so tests can run it against any store. */
export function orderActions(db: Kysely<Database>, write: Write) {
  return {
    async show(storeId: string, orderId: string, json: boolean): Promise<boolean> {
      const view = await readOrderTimeline(db, storeId, orderId);
      if (view === undefined) return false;
      write(json ? `${JSON.stringify(view, null, 2)}\n` : `${formatOrderTimeline(view)}\n`);
      return true;
    },
    async list(state: string | undefined, limit: number, json: boolean): Promise<number> {
      const sagas = await listSagas(db, { ...(state === undefined ? {} : { state }), limit });
      const rows = sagas.map((s) => ({
        order: `${s.storeId}/${s.orderId}`,
        state: s.state,
        since: s.since,
        erp: s.erp?.name ?? '-',
        total: `${s.order.totals.total.amount} ${s.order.currency}`,
        parked: s.parked ? `${s.parked.code}: ${s.parked.reason}` : '',
      }));
      if (json) write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (rows.length === 0) write('no orders\n');
      else
        for (const r of rows)
          write(
            `${r.order.padEnd(16)} ${r.state.padEnd(20)} ${r.since}  ${r.erp.padEnd(10)} ${r.total.padEnd(14)} ${r.parked}`.trimEnd() +
              '\n',
          );
      return rows.length;
    },
  };
}

async function withActions<R>(
  command: Command,
  fn: (actions: ReturnType<typeof orderActions>) => Promise<R>,
): Promise<R> {
  const store = await openStoreFromConfig(command);
  try {
    return await fn(orderActions(store.db, (text) => process.stdout.write(text)));
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  const group = program
    .command('orders')
    .description('where orders stand across WooCommerce, the ERP and the warehouses');
  group
    .command('show')
    .description("one order's systems, state and timeline")
    .argument('<store>', 'store id, e.g. eu')
    .argument('<order>', 'WooCommerce order id')
    .option('--json', 'print JSON (as GET /v1/orders/:store/:order/timeline)', false)
    .action(async (storeId: string, orderId: string, options: { json: boolean }, command: Command) => {
      const found = await withActions(command, (a) => a.show(storeId, orderId, options.json));
      if (!found)
        throw new CommanderError(
          1,
          'orders.not-found',
          `retail-hub: the hub has no order ${orderId} from store "${storeId}"`,
        );
    });
  group
    .command('list')
    .description('orders, oldest state change first')
    .option('--state <state>', 'only orders in this state (e.g. parked, awaiting_payment)')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON', false)
    .action(async (options: { state?: string; limit: string; json: boolean }, command: Command) => {
      const limit = Number.parseInt(options.limit, 10);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CommanderError(2, 'orders.usage', 'retail-hub: --limit must be a positive integer');
      await withActions(command, (a) => a.list(options.state, limit, options.json));
    });
}
