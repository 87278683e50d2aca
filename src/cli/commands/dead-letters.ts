/**
 * `retail-hub dead-letters list|show|replay`: inspect messages a handler gave up on and send them
 * through again once the cause is fixed.
 *
 * @example
 * ```sh
 * retail-hub dead-letters list --consumer order-to-cash
 * retail-hub dead-letters show 01JAX3Q9R6V0S8Y2M4K7T1B5ZC
 * retail-hub dead-letters replay 01JAX3Q9R6V0S8Y2M4K7T1B5ZC
 * retail-hub dead-letters replay --all --consumer order-to-cash
 * ```
 */
import { CommanderError, type Command } from 'commander';
import type { DatabaseHandle } from '../../store/create-database.js';
import { createRuntime } from '../../runtime/create-runtime.js';
import type { DeadLetter, DeadLetterFilter } from '../../runtime/dead-letters/dead-letters.js';
import { silentLogger } from '../../ops/logger.js';
import { openStoreFromConfig } from './migrate.js';

type Write = (text: string) => void;

/** The command's work, separated from argument parsing so it can be run against any store. */
export function deadLetterActions(store: DatabaseHandle, write: Write) {
  const { deadLetters } = createRuntime({ db: store.db, dialect: store.dialect, log: silentLogger() });
  return {
    async list(filter: DeadLetterFilter, json: boolean): Promise<number> {
      const letters = await deadLetters.list(filter);
      if (json) write(`${JSON.stringify(letters, null, 2)}\n`);
      else write(formatTable(letters));
      return letters.length;
    },
    async show(id: string): Promise<boolean> {
      const letter = await deadLetters.get(id);
      if (!letter) return false;
      write(`${JSON.stringify(letter, null, 2)}\n`);
      return true;
    },
    async replay(target: string | DeadLetterFilter): Promise<number> {
      const count = await deadLetters.replay(target);
      write(`replayed ${count} dead letter${count === 1 ? '' : 's'}\n`);
      return count;
    },
  };
}

export function formatTable(letters: DeadLetter[]): string {
  if (letters.length === 0) return 'no dead letters\n';
  const rows = letters.map((l) => [
    l.id,
    l.consumer,
    l.type,
    l.partitionKey,
    String(l.attempts),
    `${l.error.kind}/${l.error.code}`,
    l.lastAttemptAt,
    l.error.message,
  ]);
  const header = ['ID', 'CONSUMER', 'TYPE', 'PARTITION', 'ATTEMPTS', 'ERROR', 'LAST ATTEMPT', 'MESSAGE'];
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
}

async function withActions<R>(
  command: Command,
  fn: (actions: ReturnType<typeof deadLetterActions>) => Promise<R>,
): Promise<R> {
  const store = await openStoreFromConfig(command);
  try {
    return await fn(deadLetterActions(store, (text) => process.stdout.write(text)));
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
    .option('--json', 'print JSON', false)
    .action(async (options: FilterOptions & { json: boolean; replayed: boolean }, command: Command) => {
      await withActions(command, (a) =>
        a.list({ ...filterOf(options), includeReplayed: options.replayed }, options.json),
      );
    });

  group
    .command('show')
    .description('one dead letter with its full message and error')
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
    .action(async (id: string | undefined, options: FilterOptions & { all: boolean }, command: Command) => {
      if ((id === undefined) === !options.all) {
        throw new CommanderError(
          2,
          'dead-letters.usage',
          'retail-hub: give either a dead letter ID or --all (with optional --consumer/--type)',
        );
      }
      await withActions(command, (a) => a.replay(id ?? filterOf(options)));
    });
}

function filterOf(options: FilterOptions): DeadLetterFilter {
  return {
    ...(options.consumer ? { consumer: options.consumer } : {}),
    ...(options.type ? { type: options.type } : {}),
  };
}
