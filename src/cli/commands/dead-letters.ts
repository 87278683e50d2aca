/**
 * `retail-hub dead-letters list|show|replay`: inspect messages a handler gave up on and send them
 * through again once the cause is fixed. `--rejected` does the same for webhooks refused before the
 * inbox (bad signature, malformed body, unknown store or warehouse; WooCommerce and WMS): a replay
 * runs them through the webhook checks again with the configuration as it is now (e.g. after fixing
 * a store's or a warehouse's secret).
 *
 * @example
 * ```sh
 * retail-hub dead-letters list --consumer order-to-cash
 * retail-hub dead-letters show 01JAX3Q9R6V0S8Y2M4K7T1B5ZC
 * retail-hub dead-letters replay 01JAX3Q9R6V0S8Y2M4K7T1B5ZC
 * retail-hub dead-letters replay --all --consumer order-to-cash
 * retail-hub dead-letters list --rejected --reason signature_invalid
 * retail-hub dead-letters replay --all --rejected --reason signature_invalid
 * ```
 */
import { CommanderError, type Command } from 'commander';
import { createDatabase, type DatabaseHandle } from '../../store/create-database.js';
import { createRuntime } from '../../runtime/create-runtime.js';
import type { DeadLetter, DeadLetterFilter } from '../../runtime/dead-letters/dead-letters.js';
import {
  createRejectedMessages,
  NOT_REPLAYABLE,
  printableRejected,
  replayAndRecord,
  type RejectedFilter,
  type RejectedMessage,
} from '../../runtime/dead-letters/rejected-messages.js';
import {
  createRejectedReplay,
  wmsWebhookWarehouses,
  type RejectedReplayOptions,
} from '../../app/rejected-replay.js';
import { loadConfig } from '../../config/load-config.js';
import { databaseConfigFrom } from '../../store/database-config-from.js';
import { silentLogger } from '../../ops/logger.js';

type Write = (text: string) => void;

/** The command's work, separated from argument parsing so it can be run against any store. */
export function deadLetterActions(
  store: DatabaseHandle,
  write: Write,
  /** The WooCommerce stores and WMS warehouses as configured now; needed to replay refused webhooks. */
  webhooks?: Pick<RejectedReplayOptions, 'stores' | 'warehouses'>,
) {
  const runtime = createRuntime({ db: store.db, dialect: store.dialect, log: silentLogger() });
  const { deadLetters } = runtime;
  const rejected = createRejectedMessages(store.db);
  const replay = createRejectedReplay({ ...webhooks, inbox: runtime.inbox, log: silentLogger() });

  const replayOne = async (message: RejectedMessage): Promise<boolean> => {
    const { result, done } = await replayAndRecord(rejected, replay, message);
    if (result === NOT_REPLAYABLE) {
      write(`${message.id}: no replay for ingress ${message.ingress} here\n`);
      return false;
    }
    write(`${message.id}: ${done ? 'replayed' : 'still refused'} (${result})\n`);
    return done;
  };

  return {
    async list(filter: DeadLetterFilter, json: boolean): Promise<number> {
      const letters = await deadLetters.list(filter);
      if (json) write(`${JSON.stringify(letters, null, 2)}\n`);
      else write(formatTable(letters));
      return letters.length;
    },
    async listRejected(filter: RejectedFilter, json: boolean): Promise<number> {
      const messages = await rejected.list(filter);
      if (json) write(`${JSON.stringify(messages.map(printableRejected), null, 2)}\n`);
      else write(formatRejectedTable(messages));
      return messages.length;
    },
    /** A dead letter, or else a refused webhook, by id. */
    async show(id: string): Promise<boolean> {
      const letter = await deadLetters.get(id);
      const message = letter ? undefined : await rejected.get(id);
      if (!letter && !message) return false;
      write(`${JSON.stringify(letter ?? (message && printableRejected(message)), null, 2)}\n`);
      return true;
    },
    async replay(target: string | DeadLetterFilter): Promise<number> {
      if (typeof target === 'string' && !(await deadLetters.get(target))) {
        const message = await rejected.get(target);
        if (message) return (await replayOne(message)) ? 1 : 0;
      }
      const count = await deadLetters.replay(target);
      write(`replayed ${count} dead letter${count === 1 ? '' : 's'}\n`);
      return count;
    },
    async replayRejected(filter: RejectedFilter): Promise<number> {
      let count = 0;
      for (const message of await rejected.list(filter)) if (await replayOne(message)) count += 1;
      write(`replayed ${count} refused webhook${count === 1 ? '' : 's'}\n`);
      return count;
    },
  };
}

export function formatRejectedTable(messages: RejectedMessage[]): string {
  if (messages.length === 0) return 'no refused webhooks\n';
  return table(
    ['ID', 'INGRESS', 'TARGET', 'REASON', 'BYTES', 'RECEIVED', 'LAST REPLAY'],
    messages.map((m) => [
      m.id,
      m.ingress,
      m.target,
      m.reason,
      `${m.bodyBytes}${m.truncated ? ' (truncated)' : ''}`,
      m.receivedAt,
      m.replayResult ?? '',
    ]),
  );
}

export function formatTable(letters: DeadLetter[]): string {
  if (letters.length === 0) return 'no dead letters\n';
  return table(
    ['ID', 'CONSUMER', 'TYPE', 'PARTITION', 'ATTEMPTS', 'ERROR', 'LAST ATTEMPT', 'MESSAGE'],
    letters.map((l) => [
      l.id,
      l.consumer,
      l.type,
      l.partitionKey,
      String(l.attempts),
      `${l.error.kind}/${l.error.code}`,
      l.lastAttemptAt,
      l.error.message,
    ]),
  );
}

/** Columns padded to their widest cell; the last one is left as long as it is. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

interface FilterOptions {
  consumer?: string;
  type?: string;
  rejected?: boolean;
  reason?: string;
}

async function withActions<R>(
  command: Command,
  fn: (actions: ReturnType<typeof deadLetterActions>) => Promise<R>,
): Promise<R> {
  const { config: path } = command.optsWithGlobals<{ config: string }>();
  const config = await loadConfig(path);
  const store = await createDatabase(databaseConfigFrom(config.database));
  try {
    return await fn(
      deadLetterActions(store, (text) => process.stdout.write(text), {
        stores: config.stores,
        warehouses: wmsWebhookWarehouses(config),
      }),
    );
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  const group = program
    .command('dead-letters')
    .description('list, inspect and replay dead-lettered messages');

  group
    .command('list')
    .description('dead letters not yet replayed')
    .option('--consumer <name>', 'only this consumer')
    .option('--type <type>', 'only this message type')
    .option('--replayed', 'include those already replayed', false)
    .option('--rejected', 'webhooks refused before the inbox instead (bad signature, malformed body…)', false)
    .option('--reason <code>', 'with --rejected: only this refusal reason, e.g. signature_invalid')
    .option('--json', 'print JSON', false)
    .action(async (options: FilterOptions & { json: boolean; replayed: boolean }, command: Command) => {
      await withActions(command, (a) =>
        options.rejected
          ? a.listRejected({ ...rejectedFilterOf(options), includeReplayed: options.replayed }, options.json)
          : a.list({ ...filterOf(options), includeReplayed: options.replayed }, options.json),
      );
    });

  group
    .command('show')
    .description('one dead letter (or refused webhook) with its full message and error')
    .argument('<id>')
    .action(async (id: string, _options: unknown, command: Command) => {
      const found = await withActions(command, (a) => a.show(id));
      if (!found) throw new CommanderError(1, 'dead-letters.not-found', `retail-hub: no dead letter ${id}`);
    });

  group
    .command('replay')
    .description('deliver again: one by id, or every match with --all')
    .argument('[id]')
    .option('--all', 'replay every dead letter matching the filters', false)
    .option('--consumer <name>', 'with --all: only this consumer')
    .option('--type <type>', 'with --all: only this message type')
    .option(
      '--rejected',
      'with --all: refused webhooks instead, checked again with the current config',
      false,
    )
    .option('--reason <code>', 'with --all --rejected: only this refusal reason')
    .action(async (id: string | undefined, options: FilterOptions & { all: boolean }, command: Command) => {
      if ((id === undefined) === !options.all) {
        throw new CommanderError(
          2,
          'dead-letters.usage',
          'retail-hub: give either a dead letter ID or --all (with optional --consumer/--type, or --rejected/--reason)',
        );
      }
      await withActions(command, (a) =>
        id === undefined && options.rejected
          ? a.replayRejected(rejectedFilterOf(options))
          : a.replay(id ?? filterOf(options)),
      );
    });
}

function rejectedFilterOf(options: FilterOptions): RejectedFilter {
  return options.reason ? { reason: options.reason } : {};
}

function filterOf(options: FilterOptions): DeadLetterFilter {
  return {
    ...(options.consumer ? { consumer: options.consumer } : {}),
    ...(options.type ? { type: options.type } : {}),
  };
}
