/**
 * The shared `retail-hub sim` parent command: each emulator (`sim woocommerce`, `sim odoo`,
 * `sim wms`) attaches its subcommand to the one instance returned here, whichever registers first.
 *
 * @example
 * ```ts
 * import { simCommand } from './sim.js';
 * simCommand(program).command('woocommerce').action(() => {});
 * ```
 */
import type { Command } from 'commander';

export function simCommand(program: Command): Command {
  const existing = program.commands.find((command) => command.name() === 'sim');
  if (existing) return existing;
  return program.command('sim').description('Run an emulator of an external system (for tests and the demo)');
}
